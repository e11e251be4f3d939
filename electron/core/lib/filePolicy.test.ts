import { describe, expect, it } from 'vitest';
import { createFileAccess } from './fileAccess';
import { folderPolicy, grantPolicy, isInside, noFiles, plainPaths, type DiskView } from './filePolicy';

// The rules alone, over a made-up disk (tests/integration/filePolicy.test.ts runs them through
// dispatch on real files and symlinks).

/** `links` maps a path to where it really is; `files` lists what exists (by real path). */
function disk(files: string[], links: Record<string, string> = {}): DiskView {
  const real = (path: string): string => {
    for (const [from, to] of Object.entries(links)) if (path === from || path.startsWith(`${from}/`)) return real(to + path.slice(from.length));
    return path;
  };
  const exists = (path: string) => files.includes(path) || files.some((file) => file.startsWith(`${path}/`));
  return { realpath: (path) => (exists(real(path)) ? real(path) : undefined), exists: (path) => path in links || exists(real(path)) };
}

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('isInside', () => {
  it('is the folder or below it, never a sibling that starts alike', () => {
    expect(isInside('/w', '/w')).toBe(true);
    expect(isInside('/w', '/w/a/b.csv')).toBe(true);
    expect(isInside('/w', '/work/a.csv')).toBe(false);
    expect(isInside('/w', '/')).toBe(false);
  });
});

describe('folderPolicy', () => {
  const view = disk(['/w/a.csv', '/w/exports/old.csv', '/etc/passwd', '/elsewhere/x.csv'], { '/w/link.csv': '/etc/passwd', '/w/out': '/elsewhere' });
  const policy = folderPolicy(['/w', '/w/exports'], view);

  it('reads files inside, by absolute or relative path', () => {
    expect(policy.resolve('/w/a.csv', 'read')).toBe('/w/a.csv');
    expect(policy.resolve('a.csv', 'read')).toBe('/w/a.csv');
    expect(policy.resolve('exports/old.csv', 'read')).toBe('/w/exports/old.csv');
  });

  it.each([
    ['/etc/passwd', 'FORBIDDEN'],
    ['../etc/passwd', 'FORBIDDEN'],
    ['exports/../a.csv', 'FORBIDDEN'],
    ['link.csv', 'FORBIDDEN'],
    ['out/x.csv', 'FORBIDDEN'],
    ['missing.csv', 'NOT_FOUND'],
    ['a\0.csv', 'BAD_INPUT'],
  ])('refuses to read %s: %s', (reference, expected) => {
    expect(code(() => policy.resolve(reference, 'read'))).toBe(expected);
  });

  it('writes new names only, in a folder that is really inside', () => {
    expect(policy.resolve('exports/new.csv', 'write')).toBe('/w/exports/new.csv');
    expect(code(() => policy.resolve('exports/old.csv', 'write'))).toBe('FORBIDDEN');
    expect(code(() => policy.resolve('link.csv', 'write'))).toBe('FORBIDDEN');
    expect(code(() => policy.resolve('out/new.csv', 'write'))).toBe('FORBIDDEN');
    expect(code(() => policy.resolve('/tmp/new.csv', 'write'))).toBe('FORBIDDEN');
    expect(code(() => policy.resolve('nofolder/new.csv', 'write'))).toBe('BAD_INPUT');
  });
});

describe('grantPolicy', () => {
  it('binds a grant to one file and one mode, spends it, and expires it', () => {
    let now = 0;
    const grants = grantPolicy({ now: () => now, idleMs: 1000 });
    const read = grants.grant('/home/me/a.csv', 'read');
    expect(grants.resolve(read, 'read')).toBe('/home/me/a.csv');
    expect(grants.resolve(read, 'read')).toBe('/home/me/a.csv');
    expect(code(() => grants.resolve(read, 'write'))).toBe('FORBIDDEN');
    grants.spend(read);
    expect(() => grants.resolve(read, 'read')).toThrow(/already used/);
    const idle = grants.grant('/home/me/b.csv', 'write');
    now = 1001;
    expect(() => grants.resolve(idle, 'write')).toThrow(/expired/);
    for (const reference of ['/home/me/a.csv', 'grant:xyz', `grant:${'0'.repeat(32)}`]) {
      expect(() => grants.resolve(reference, 'read')).toThrow(/not chosen in Fulcrum's file dialog/);
    }
    const cleared = grants.grant('/home/me/c.csv', 'read');
    grants.clear();
    expect(code(() => grants.resolve(cleared, 'read'))).toBe('FORBIDDEN');
  });
});

describe('plainPaths and noFiles', () => {
  it('the CLI takes paths; the default takes nothing', () => {
    expect(plainPaths().resolve('/tmp/a.csv', 'write')).toBe('/tmp/a.csv');
    expect(code(() => noFiles().resolve('/tmp/a.csv', 'read'))).toBe('FORBIDDEN');
  });
});

describe('createFileAccess', () => {
  const view = disk(['/w/ws.fulcrum', '/w/t.csv', '/w/t.errors.csv', '/w/t.errors-2.csv', '/tmp/staged/x.csv']);
  const released: string[] = [];
  const files = createFileAccess({
    policy: plainPaths(),
    workspace: '/w/ws.fulcrum',
    disk: view,
    handles: [{ prefix: 'staged:', resolve: () => '/tmp/staged/x.csv', release: (handle) => released.push(handle) }],
  });

  it('never writes over the open workspace or its sidecar files', () => {
    for (const path of ['/w/ws.fulcrum', '/w/ws.fulcrum-wal', '/w/ws.fulcrum-shm', '/w/ws.fulcrum-journal']) {
      expect(code(() => files.write(path))).toBe('FORBIDDEN');
    }
    expect(files.write('/w/out.csv')).toBe('/w/out.csv');
  });

  it('reads core-issued handles under any policy, never writes them, and releases them when done', () => {
    expect(files.read('staged:abc')).toBe('/tmp/staged/x.csv');
    expect(code(() => files.write('staged:abc'))).toBe('FORBIDDEN');
    files.finish('staged:abc');
    expect(released).toEqual(['staged:abc']);
  });

  it('names a companion file with the first free name', () => {
    expect(files.beside('/w/t.csv', '.errors.csv')).toBe('/w/t.errors-3.csv');
    expect(files.beside('/w/u.csv', '.errors.csv')).toBe('/w/u.errors.csv');
  });
});
