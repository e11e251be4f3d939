import { describe, expect, it, vi } from 'vitest';
import { desktopCoreOptions, relayGrant } from './coreHost';

describe("the desktop's core host rules", () => {
  it('opens a workspace with grants as its file policy, passing the plain options on', () => {
    expect(desktopCoreOptions({ dbPath: '/w/a.fulcrum', create: false, identityFile: '/u/identity.json' })).toEqual({
      dbPath: '/w/a.fulcrum',
      create: false,
      files: { kind: 'grants' },
      identityFile: '/u/identity.json',
    });
    expect(desktopCoreOptions({ dbPath: '/w/b.fulcrum', create: true })).toEqual({ dbPath: '/w/b.fulcrum', create: true, files: { kind: 'grants' } });
  });

  it("registers a dialog's file with the open workspace's core and hands back its token", () => {
    const grant = vi.fn((path: string, mode: 'read' | 'write') => `grant:${mode}:${path}`);
    let current: { grant: typeof grant } | undefined = { grant };
    const relay = relayGrant(() => current);
    expect(relay('/docs/a.csv', 'read')).toBe('grant:read:/docs/a.csv');
    expect(grant).toHaveBeenCalledWith('/docs/a.csv', 'read');
    current = undefined;
    expect(() => relay('/docs/a.csv', 'read')).toThrow(/no workspace is open/);
  });
});
