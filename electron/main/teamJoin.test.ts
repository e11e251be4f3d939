import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../core';
import { joinIntoNewFile, type JoinIntoNewFileOptions } from './teamJoin';
import type { CoreHandle } from './workspaces';

// File › Team › Join's sequence (teamJoin.ts) with a real core on a real file: the path comes from
// the (injected) save dialog, the join is the core's team.join, a failure names the problem and
// leaves no file, a chosen file that exists is refused untouched, success opens the new file.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fulcrum-team-join-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function options(path: string | undefined, overrides: Partial<JoinIntoNewFileOptions<CoreHandle>> = {}) {
  const switchTo = vi.fn((_: string) => Promise.resolve(true));
  return {
    switchTo,
    value: {
      askPath: () => Promise.resolve(path),
      exists: existsSync,
      openCore: (p: string) => createCore({ dbPath: p, create: true }),
      remove: (p: string) => ['', '-wal', '-shm'].forEach((suffix) => rmSync(p + suffix, { force: true })),
      switchTo,
      ...overrides,
    } satisfies JoinIntoNewFileOptions<CoreHandle>,
  };
}

describe('joining a team into a new workspace file', () => {
  it('an unreachable server is named and leaves no file behind; nothing is opened', async () => {
    const path = join(dir, 'Team.fulcrum');
    const o = options(path);
    const result = await joinIntoNewFile('postgres://nobody:pw@127.0.0.1:1/postgres?connect_timeout=2', o.value);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/team server/) } });
    expect(readdirSync(dir)).toEqual([]);
    expect(o.switchTo).not.toHaveBeenCalled();
  });

  it('a file that exists is refused and left as it was', async () => {
    const path = join(dir, 'Existing.fulcrum');
    writeFileSync(path, 'someone else');
    const o = options(path);
    const result = await joinIntoNewFile('postgres://u:p@127.0.0.1:1/db', o.value);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already exists; joining a team makes a new workspace file/) } });
    expect(readdirSync(dir)).toEqual(['Existing.fulcrum']);
  });

  it('a cancelled dialog joins nothing', async () => {
    const o = options(undefined);
    expect(await joinIntoNewFile('postgres://u:p@127.0.0.1:1/db', o.value)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('joined: the new file is opened as the current workspace', async () => {
    const path = join(dir, 'Joined.fulcrum');
    // The core's team.join against a real server is tested through dispatch (tests/integration/team*.test.ts); here its answer.
    const o = options(path, {
      openCore: async (p) => {
        const core = await createCore({ dbPath: p, create: true });
        return {
          ...core,
          dispatch: (channel: string, input: unknown) =>
            channel === 'team.join' ? Promise.resolve({ ok: true, value: { teamId: 't-1', rows: 42 } }) : core.dispatch(channel, input),
        };
      },
    });
    const result = await joinIntoNewFile('postgres://u:p@127.0.0.1:1/db', o.value);
    expect(result).toEqual({ ok: true, value: { teamId: 't-1', rows: 42, path } });
    expect(o.switchTo).toHaveBeenCalledWith(path);
    expect(existsSync(path)).toBe(true);
  });
});
