// Long jobs as the core host sees them: what each is called when another Fulcrum finds the
// workspace busy, and how a running one is stopped. The mark lives in the settings store (a row
// another process can read while this one holds the write lock: WAL readers never wait).
import type Database from 'better-sqlite3';
import { stmt } from '../db/sql';
import { writeSetting } from '../db/settings';

/** The settings key of the mark: which long job of which process holds the workspace. */
export const BUSY_KEY = 'host.busyJob';

/** The long jobs, in words that complete "the workspace is busy: … is running in another Fulcrum". */
export const LONG_JOBS: Readonly<Record<string, string>> = {
  'import.commit': 'an import',
  'import.archive': 'an archive import',
  'metrics.rebuild': 'a metrics rebuild',
  'health.recompute': 'a health recompute',
  'settings.update': 'a recompute after a settings change',
  'export.archive': 'an archive export',
  'backup.restore': 'a backup restore',
  'assessments.importFile': 'an assessment import',
  'ctas.evaluate': 'a pass of the call-to-action rules',
  // Issue 16: holds the connection for the whole history read and fit; reads go to the reader meanwhile.
  'churn.train': 'a churn model training',
};

/** How to stop a running import: the channel and input that stop it. The other long jobs stop through lib/jobs.ts (cancelJobs). */
export const CANCELLERS: Readonly<Record<string, (input: unknown) => { channel: string; input: unknown } | undefined>> = {
  'import.commit': (input) => {
    const jobId = (input as { jobId?: unknown } | null)?.jobId;
    return typeof jobId === 'string' ? { channel: 'import.cancel', input: { jobId } } : undefined;
  },
};

export interface BusyMark {
  job: string;
  pid: number;
  since: string;
}

/** Marks the workspace as held by `channel`'s job; best effort (a workspace locked by someone else cannot be marked). */
export function markBusy(sqlite: Database.Database, channel: string, now: Date): boolean {
  const job = LONG_JOBS[channel];
  if (!job) return false;
  try {
    writeSetting(sqlite, BUSY_KEY, { job, pid: process.pid, since: now.toISOString() } satisfies BusyMark, now);
    return true;
  } catch {
    return false;
  }
}

export function clearBusy(sqlite: Database.Database): void {
  try {
    stmt(sqlite, 'DELETE FROM settings WHERE key = ?').run(BUSY_KEY);
  } catch {
    // Left behind, the mark names a job of a process that is gone: busyMessage checks the pid.
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** What a BUSY error says: the other Fulcrum's job when its mark is there and its process lives. */
export function busyMessage(sqlite: Database.Database): string {
  let mark: BusyMark | undefined;
  try {
    const row = stmt<{ value: string }>(sqlite, 'SELECT value FROM settings WHERE key = ?').get(BUSY_KEY);
    mark = row ? (JSON.parse(row.value) as BusyMark) : undefined;
  } catch {
    mark = undefined;
  }
  const retry = 'try again when it has finished';
  if (mark && mark.pid !== process.pid && alive(mark.pid)) {
    return `the workspace is busy: ${mark.job} is running in another Fulcrum (since ${mark.since.slice(11, 16)} UTC); ${retry}`;
  }
  return `the workspace is busy: another program is writing to it; ${retry}`;
}
