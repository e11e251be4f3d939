import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT,
  addRecent,
  chooseWorkspace,
  parseSettings,
  readSettings,
  rememberOpened,
  removeRecent,
  windowTitle,
  withWorkspaceExtension,
  workspaceName,
  writeSettings,
} from './settings';

describe('recent list', () => {
  it('puts the opened path first', () => {
    expect(addRecent([], '/a.fulcrum')).toEqual(['/a.fulcrum']);
    expect(addRecent(['/a.fulcrum', '/b.fulcrum'], '/c.fulcrum')).toEqual(['/c.fulcrum', '/a.fulcrum', '/b.fulcrum']);
  });

  it('moves a path already in the list to the front instead of repeating it', () => {
    expect(addRecent(['/a', '/b', '/c'], '/c')).toEqual(['/c', '/a', '/b']);
    expect(addRecent(['/a', '/b'], '/a')).toEqual(['/a', '/b']);
  });

  it(`keeps at most ${MAX_RECENT}, dropping the oldest`, () => {
    const full = Array.from({ length: MAX_RECENT }, (_, i) => `/w${i}`);
    const next = addRecent(full, '/new');
    expect(next).toHaveLength(MAX_RECENT);
    expect(next[0]).toBe('/new');
    expect(next).not.toContain(`/w${MAX_RECENT - 1}`);
  });

  it('does not change the list it was given', () => {
    const recent = ['/a', '/b'];
    addRecent(recent, '/c');
    removeRecent(recent, '/a');
    expect(recent).toEqual(['/a', '/b']);
  });

  it('removes a path', () => {
    expect(removeRecent(['/a', '/b'], '/a')).toEqual(['/b']);
    expect(removeRecent(['/a'], '/x')).toEqual(['/a']);
  });

  it('remembers an opened workspace as the last one and the most recent', () => {
    expect(rememberOpened({ lastWorkspace: '/a', recent: ['/a'] }, '/b')).toEqual({ lastWorkspace: '/b', recent: ['/b', '/a'] });
  });
});

describe('chooseWorkspace', () => {
  const demo = '/user/demo.fulcrum';
  const files = new Set(['/work/acme.fulcrum', demo]);
  const exists = (path: string) => files.has(path);

  it('opens the last workspace when its file still exists', () => {
    expect(chooseWorkspace({ lastWorkspace: '/work/acme.fulcrum', recent: [] }, demo, exists)).toEqual({
      path: '/work/acme.fulcrum',
      demo: false,
    });
  });

  it('opens the demo on a first start', () => {
    expect(chooseWorkspace({ recent: [] }, demo, exists)).toEqual({ path: demo, demo: true });
    expect(chooseWorkspace({ recent: [] }, demo, () => false)).toEqual({ path: demo, demo: true });
  });

  it('opens the demo when the last workspace was moved or deleted', () => {
    expect(chooseWorkspace({ lastWorkspace: '/work/gone.fulcrum', recent: ['/work/gone.fulcrum'] }, demo, exists)).toEqual({
      path: demo,
      demo: true,
    });
  });

  it('treats a last workspace that is the demo as the demo (recreated if missing)', () => {
    expect(chooseWorkspace({ lastWorkspace: demo, recent: [] }, demo, () => false)).toEqual({ path: demo, demo: true });
  });
});

describe('parseSettings', () => {
  it.each([undefined, '', 'not json', 'null', '42', '"text"', '[]'])('falls back to empty settings for %j', (text) => {
    expect(parseSettings(text)).toEqual({ recent: [] });
  });

  it('keeps valid fields and drops the rest', () => {
    const text = JSON.stringify({ lastWorkspace: '/a', recent: ['/a', 3, '', '/b', '/a', null], extra: true });
    expect(parseSettings(text)).toEqual({ lastWorkspace: '/a', recent: ['/a', '/b'] });
    expect(parseSettings(JSON.stringify({ lastWorkspace: 7, recent: 'x' }))).toEqual({ recent: [] });
  });

  it(`cuts a hand-edited recent list to ${MAX_RECENT}`, () => {
    const recent = Array.from({ length: 25 }, (_, i) => `/w${i}`);
    expect(parseSettings(JSON.stringify({ recent })).recent).toEqual(recent.slice(0, MAX_RECENT));
  });
});

describe('settings file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('round-trips through the file, creating its folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'fulcrum-settings-'));
    const file = join(dir, 'nested', 'settings.json');
    expect(readSettings(file)).toEqual({ recent: [] });
    writeSettings(file, { lastWorkspace: '/a', recent: ['/a', '/b'] });
    expect(readSettings(file)).toEqual({ lastWorkspace: '/a', recent: ['/a', '/b'] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ lastWorkspace: '/a', recent: ['/a', '/b'] });
  });

  it('reads a corrupt file as empty settings', () => {
    dir = mkdtempSync(join(tmpdir(), 'fulcrum-settings-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"lastWorkspace": "/a", "rec');
    expect(readSettings(file)).toEqual({ recent: [] });
  });
});

describe('names and titles', () => {
  it('names a workspace after its file', () => {
    expect(workspaceName('/home/ann/acme.fulcrum')).toBe('acme');
    expect(workspaceName('/home/ann/client.v2.sqlite')).toBe('client.v2');
    expect(workspaceName('/home/ann/notes')).toBe('notes');
    expect(workspaceName('/home/ann/.fulcrum')).toBe('.fulcrum');
  });

  it('titles the window with the name and the path', () => {
    expect(windowTitle('/home/ann/acme.fulcrum')).toBe('Fulcrum — acme (/home/ann/acme.fulcrum)');
    expect(windowTitle(undefined)).toBe('Fulcrum — no workspace open');
  });

  it('adds .fulcrum to a new workspace without an extension', () => {
    expect(withWorkspaceExtension('/home/ann/acme')).toBe('/home/ann/acme.fulcrum');
    expect(withWorkspaceExtension('/home/ann/acme.fulcrum')).toBe('/home/ann/acme.fulcrum');
    expect(withWorkspaceExtension('/home/ann/acme.db')).toBe('/home/ann/acme.db');
  });
});
