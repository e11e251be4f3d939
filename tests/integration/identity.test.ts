import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, defaultIdentityFile, type Core } from '../../electron/core';
import { tempWorkspacePath } from '../fixtures/core';

const opened: Core[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((core) => core.close()));
});

async function open(dbPath: string, identityFile?: string) {
  const core = await createCore({ dbPath, create: !existsSync(dbPath), checkOutputs: true, identityFile });
  opened.push(core);
  return core;
}

const call = async (core: Core, channel: string, input: unknown) => {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
};

const DANA = { name: 'Dana Whitfield', email: 'dana@example.com', role: 'csm' };

describe('identity: who uses this laptop, kept beside the workspace, never in it', () => {
  it('is null until set, then kept in the host-named file across cores and workspaces', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fulcrum-identity-')), 'config', 'identity.json');
    const dbPath = tempWorkspacePath();
    const core = await open(dbPath, file);
    expect(await call(core, 'identity.get', {})).toBeNull();
    const events: string[] = [];
    core.subscribe((event) => events.push(event.name));
    expect(await call(core, 'identity.set', { ...DANA, name: '  Dana Whitfield ' })).toEqual(DANA);
    expect(events).toContain('identity.changed');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(DANA);
    await core.close();
    opened.length = 0;
    // Not in the workspace: its bytes hold neither the name nor the address.
    const workspace = readFileSync(dbPath);
    expect(workspace.includes('Dana Whitfield')).toBe(false);
    expect(workspace.includes('dana@example.com')).toBe(false);
    // Another workspace on the same laptop knows the same person.
    const other = await open(tempWorkspacePath(), file);
    expect(await call(other, 'identity.get', {})).toEqual(DANA);
    expect(await call(other, 'identity.clear', {})).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(await call(other, 'identity.get', {})).toBeNull();
  });

  it('refuses bad input by name', async () => {
    const core = await open(tempWorkspacePath(), join(mkdtempSync(join(tmpdir(), 'fulcrum-identity-')), 'identity.json'));
    const refused = async (input: unknown) => {
      const result = await core.dispatch('identity.set', input);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error.message;
    };
    expect(await refused({ ...DANA, name: ' ' })).toMatch(/name.*is required/);
    expect(await refused({ ...DANA, email: 'dana' })).toMatch(/email.*e-mail address/);
    expect(await refused({ ...DANA, role: 'boss' })).toMatch(/role/);
    expect(await refused({ ...DANA, team: 'x' })).toMatch(/team/);
  });

  it('says which file is broken instead of treating a damaged file as nobody', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fulcrum-identity-')), 'identity.json');
    writeFileSync(file, '{ not json');
    const core = await open(tempWorkspacePath(), file);
    const result = await core.dispatch('identity.get', {});
    expect(result.ok ? null : result.error.message).toContain(file);
  });

  it('without a file it lives in memory for that core only', async () => {
    const core = await open(tempWorkspacePath());
    await call(core, 'identity.set', { name: 'Sam', role: 'consultant' });
    expect(await call(core, 'identity.get', {})).toEqual({ name: 'Sam', email: '', role: 'consultant' });
    expect(await call(await open(tempWorkspacePath()), 'identity.get', {})).toBeNull();
  });

  it('defaults to $XDG_CONFIG_HOME/fulcrum, else ~/.config/fulcrum', () => {
    expect(defaultIdentityFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/fulcrum/identity.json');
    expect(defaultIdentityFile({}, '/home/u')).toBe('/home/u/.config/fulcrum/identity.json');
    // A relative XDG path is invalid by the spec and ignored.
    expect(defaultIdentityFile({ XDG_CONFIG_HOME: 'rel' }, '/home/u')).toBe('/home/u/.config/fulcrum/identity.json');
  });
});
