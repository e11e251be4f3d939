// The hosts' backup timer, one check at a time (never on a real timer in tests): a scheduled
// backup when none is recent, nothing when one is, through dispatch on a real workspace file.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backupIfDue } from '../../electron/core/backup/schedule';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

it('takes a scheduled backup when one is due, and not again within the interval', async () => {
  // The wall clock on purpose: the timer compares it with the backups' file times (mtime), which
  // the file system stamps with the real time. Only differences of minutes and hours matter here,
  // never the date, so the month the suite runs in changes nothing.
  const now = new Date();
  const first = await backupIfDue(core.dispatch, now, 6);
  expect(first.created).toMatch(/-scheduled\.fulcrum$/);
  expect(first.nextInMs).toBe(6 * 3_600_000);

  const second = await backupIfDue(core.dispatch, new Date(now.getTime() + 60_000), 6);
  expect(second.created).toBeNull();
  expect(second.nextInMs).toBeGreaterThan(5.9 * 3_600_000);

  // The backup's file name is stamped with the core's clock: move it as time passes.
  core.setNow(new Date(Date.parse('2026-03-01T12:00:00Z') + 7 * 3_600_000).toISOString());
  const later = await backupIfDue(core.dispatch, new Date(now.getTime() + 7 * 3_600_000), 6);
  expect(later.created).toMatch(/-scheduled\.fulcrum$/);
  const scheduled = (await core.call('backup.list', {})).filter((file) => file.kind === 'scheduled');
  expect(scheduled).toHaveLength(2);
});
