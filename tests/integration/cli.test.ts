// The `fulcrum` command as a user runs it: the npm bin (bin.cjs) in a child process, with this
// Node (24) first on the PATH as npm would put it. Exit codes: 0 ok, 1 a problem with a file,
// 2 a usage mistake.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspacePath } from '../fixtures/core';
import { fulcrum } from '../fixtures/cli';
import { makeForeignDatabase, makeNewerWorkspace, makeTextFile, sha256 } from '../fixtures/workspaceFiles';

const oneLine = (text: string) => text.trim().split('\n');

describe('fulcrum demo and info', () => {
  it('writes a demo workspace with progress, then reports its rows', () => {
    const path = tempWorkspacePath('demo.fulcrum');
    const demo = fulcrum('demo', '--out', path, '--accounts', '20', '--seed', '3');
    expect(demo.stderr).toMatch(/Generating 20 accounts: \d+% /);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(new RegExp(`^Wrote ${path}: 20 accounts, [\\d,]+ rows in [\\d.]+ s \\([\\d,]+ rows/s\\)`));

    const info = fulcrum('info', '--db', path, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as { schemaVersion: number; counts: Record<string, number> };
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(parsed.counts.accounts).toBe(20);
    const tickets = /tickets ([\d,]+)/.exec(demo.stdout)![1]!.replaceAll(',', '');
    expect(parsed.counts.tickets).toBe(Number(tickets));

    const text = fulcrum('info', '--db', path);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Schema     version');
    expect(text.stdout).toMatch(/\n {2}accounts +20\n/);
  });

  it('refuses to overwrite a file unless --force, and is deterministic per seed', () => {
    const path = tempWorkspacePath('demo.fulcrum');
    expect(fulcrum('demo', '--out', path, '--accounts', '5').code).toBe(0);
    const before = sha256(path);

    const refused = fulcrum('demo', '--out', path, '--accounts', '5');
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toEqual([`fulcrum demo: ${path} already exists; add --force to replace it`]);
    expect(sha256(path)).toBe(before);

    expect(fulcrum('demo', '--out', path, '--accounts', '5', '--force').code).toBe(0);
    expect(sha256(path)).toBe(before); // same seed, same bytes
    expect(fulcrum('demo', '--out', path, '--accounts', '5', '--seed', 'another', '--force').code).toBe(0);
    expect(sha256(path)).not.toBe(before);
  });

  it('says in one line why a file cannot be read, and leaves it untouched', async () => {
    const dir = dirname(tempWorkspacePath());
    const missing = join(dir, 'missing.fulcrum');
    const result = fulcrum('info', '--db', missing);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([`fulcrum info: no such file: ${missing}`]);

    const text = join(dir, 'accounts.csv');
    makeTextFile(text);
    const foreign = join(dir, 'other.db');
    makeForeignDatabase(foreign);
    for (const path of [text, foreign]) {
      const before = sha256(path);
      const refused = fulcrum('info', '--db', path);
      expect(refused.code).toBe(1);
      expect(oneLine(refused.stderr)).toHaveLength(1);
      expect(refused.stderr).toMatch(/not a Fulcrum workspace/);
      expect(sha256(path)).toBe(before);
    }

    const newer = join(dir, 'newer.fulcrum');
    await makeNewerWorkspace(newer, 999);
    const tooNew = fulcrum('info', '--db', newer);
    expect(tooNew.code).toBe(1);
    expect(oneLine(tooNew.stderr)).toHaveLength(1);
    expect(tooNew.stderr).toMatch(/newer version of Fulcrum/);

    const empty = join(dir, 'empty.fulcrum');
    writeFileSync(empty, '');
    expect(fulcrum('info', '--db', empty).stderr).toMatch(/is empty, not a Fulcrum workspace/);
  });
});

describe('fulcrum usage', () => {
  it('prints help and exits 0', () => {
    const help = fulcrum('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: fulcrum <command>/);
    expect(help.stdout).toMatch(/\n {2}demo /);
    expect(help.stdout).toMatch(/\n {2}info /);
    const demoHelp = fulcrum('help', 'demo');
    expect(demoHelp.code).toBe(0);
    expect(demoHelp.stdout).toContain('--accounts N');
    expect(fulcrum('info', '--help').stdout).toContain('--db FILE');
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /Usage: fulcrum <command>/],
    [['demo', '--out', 'x.fulcrum', '--bogus'], /Unknown option '--bogus'/],
    [['demo', '--accounts', '10'], /--out is required/],
    [['demo', '--out', 'x.fulcrum', '--accounts', 'many'], /--accounts must be a whole number/],
    [['info'], /--db is required/],
    [['info', '--db', 'a.fulcrum', 'extra'], /Unexpected argument 'extra'/],
    [['help', 'nope'], /unknown command 'nope'/],
  ])('%j is a usage error: usage on stderr, exit 2', (args, message) => {
    const result = fulcrum(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: fulcrum');
    expect(result.stdout).toBe('');
  });
});
