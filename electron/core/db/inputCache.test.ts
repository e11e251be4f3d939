import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cached, noteChange } from './inputCache';

/** Each test's folder and connection, closed and removed after it. */
const made: { dir: string; sqlite: Database.Database }[] = [];
afterEach(() => {
  for (const { dir, sqlite } of made.splice(0)) {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'fulcrum-cache-'));
  const path = join(dir, 'w.db');
  const sqlite = new Database(path);
  made.push({ dir, sqlite });
  sqlite.exec('CREATE TABLE t (x INTEGER)');
  return { sqlite, path };
}

/** Counts the loads of one cached input. */
function counter(sqlite: Database.Database, dependsOn?: readonly string[]) {
  let loads = 0;
  return () => cached(sqlite, `input-${String(dependsOn)}`, () => ++loads, dependsOn);
}

describe('the input cache', () => {
  it('without named domains, reloads after any write of this connection', () => {
    const { sqlite } = workspace();
    const read = counter(sqlite);
    expect([read(), read()]).toEqual([1, 1]);
    sqlite.exec('INSERT INTO t VALUES (1)');
    expect(read()).toBe(2);
  });

  it('with named domains, survives writes to other domains and reloads after its own', () => {
    const { sqlite } = workspace();
    const read = counter(sqlite, ['tickets', 'accounts']);
    expect(read()).toBe(1);
    sqlite.exec('INSERT INTO t VALUES (1)');
    noteChange(sqlite, 'touchpoints');
    expect(read()).toBe(1);
    noteChange(sqlite, 'accounts');
    expect(read()).toBe(2);
    noteChange(sqlite, 'workspace');
    expect(read()).toBe(3);
  });

  it('with named domains, still reloads after another connection commits', () => {
    const { sqlite, path } = workspace();
    const read = counter(sqlite, ['tickets']);
    expect(read()).toBe(1);
    const other = new Database(path);
    other.exec('INSERT INTO t VALUES (2)');
    other.close();
    expect(read()).toBe(2);
  });
});
