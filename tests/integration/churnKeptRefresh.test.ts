import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { keptHistoryIsCurrent, keptInSlices } from '../../electron/core/churn/kept';
import { runToEnd } from '../../electron/core/churn/history';
import type { TestCore } from '../fixtures/core';
import { keptHistoryWorkspace } from '../fixtures/churnKept';
import { writeFixture } from '../fixtures/import/generate';

// Issue 16: the kept churn history (churn/kept.ts) and the full refresh. A rebuild with no bulk write
// owed changed no row, so it keeps the history and the first training after it reads one row per
// account; a bulk write (an import touching most accounts, whose refresh is the full one) writes rows
// behind the hooks, so its refresh drops the history and the next training keeps it whole again.

let core: TestCore;
let dir: string;
let kept: () => unknown[];
let fromRows: () => unknown[];
beforeAll(async () => {
  let path: string;
  ({ core, path, kept, fromRows } = await keptHistoryWorkspace({ files: plainPaths() }));
  dir = dirname(path);
});
afterAll(() => core.close());

const current = () => keptHistoryIsCurrent(core.context.sqlite);

describe('the kept churn history across a full refresh', () => {
  it('stays through a rebuild with nothing owed, equal to the rows', async () => {
    await core.call('churn.train', {});
    expect(current()).toBe(true);
    const before = kept();
    await core.call('metrics.rebuild', {});
    expect(current()).toBe(true);
    expect(kept()).toEqual(before);
    expect(kept()).toEqual(fromRows());
  });

  it('is dropped by a bulk write whose refresh is the full one, and kept whole again by the next training', async () => {
    // One ticket on every account (by id): more than a quarter of the accounts, so the import's refresh is the full one.
    const ids = core.context.sqlite.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
    const csv = ['Id,Organization,Subject,Created at,First reply time in minutes,Solved at,Priority,Via,Status,Satisfaction Score,Tags']
      .concat(ids.map((id) => `K-${id},${id},Kept history,2026-02-10T09:00:00.000Z,30,,urgent,email,open,,billing`))
      .join('\n');
    const result = await core.call('import.commit', { jobId: 'kept-refresh', path: writeFixture(dir, 'kept.csv', `${csv}\n`), into: 'tickets', preset: 'helpdesk-tickets' });
    expect(result.committed).toBe(true);
    expect(current()).toBe(false);
    await core.call('churn.train', {});
    expect(current()).toBe(true);
    const rows = fromRows();
    expect(kept()).toEqual(rows);
    // The imported tickets are in what the training kept.
    const opened = Date.parse('2026-02-10T09:00:00.000Z');
    for (const h of runToEnd(keptInSlices(core.context.sqlite))) expect(Array.from(h.tickets.opened)).toContain(opened);
  });
});
