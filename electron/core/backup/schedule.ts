import type { BackupFile } from '../../../shared/contract/backup';
import type { Log } from '../context';
import type { Dispatch } from '../handlerTypes';

// The hosts' backup timer (the desktop shell and `npm run web`): a scheduled backup when the
// workspace opens if the last one is older than the interval, then one per interval while it stays
// open. The due time comes from the newest scheduled backup on disk, so restarting the app (or
// switching workspaces) neither skips a backup nor takes one twice. The core itself never runs timers.

export const BACKUP_INTERVAL_HOURS = 6;

/** Milliseconds until the next scheduled backup is due: 0 when none was taken or the last is older than the interval. */
export function nextBackupDue(lastBackupAt: Date | null, now: Date, intervalHours: number): number {
  if (!lastBackupAt) return 0;
  const due = lastBackupAt.getTime() + intervalHours * 3_600_000;
  // A last backup "in the future" (the clock was set back) counts as just taken, not as never.
  return Math.max(0, Math.min(due - now.getTime(), intervalHours * 3_600_000));
}

async function call<T>(dispatch: Dispatch, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** One check: a `backup.scheduled` call if one is due. Returns what it made and the wait until the next check. */
export async function backupIfDue(dispatch: Dispatch, now: Date, intervalHours = BACKUP_INTERVAL_HOURS): Promise<{ created: string | null; nextInMs: number }> {
  const scheduled = (await call<BackupFile[]>(dispatch, 'backup.list', {})).filter((file) => file.kind === 'scheduled');
  const last = scheduled.reduce<Date | null>((newest, file) => {
    const at = new Date(file.createdAt);
    return !newest || at > newest ? at : newest;
  }, null);
  const wait = nextBackupDue(last, now, intervalHours);
  if (wait > 0) return { created: null, nextInMs: wait };
  const { created } = await call<{ created: BackupFile }>(dispatch, 'backup.scheduled', {});
  return { created: created.path, nextInMs: intervalHours * 3_600_000 };
}

/**
 * Runs backupIfDue now and then whenever it says, against whichever workspace `current()` gives
 * (the shell switches workspaces). `check()` re-checks at once (call it after a switch); `stop()`
 * ends it. The timer is unref'd: it never keeps a process alive.
 */
export function startBackupSchedule(options: { current(): Dispatch | undefined; log: Log; intervalHours?: number }): { check(): void; stop(): void } {
  const hours = options.intervalHours ?? BACKUP_INTERVAL_HOURS;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running = false;
  let again = false;
  const later = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, ms);
    timer.unref();
  };
  function check(): void {
    const dispatch = options.current();
    // A check asked for while one runs (a workspace switch) runs right after it.
    if (running) {
      again = true;
      return;
    }
    if (stopped || !dispatch) return later(hours * 3_600_000);
    running = true;
    backupIfDue(dispatch, new Date(), hours)
      .then(({ created, nextInMs }) => {
        if (created) options.log('info', `scheduled backup ${created}`);
        later(nextInMs);
      })
      .catch((error: unknown) => {
        // An in-memory workspace or a full disk: say so, try again at the next interval.
        options.log('warn', 'scheduled backup failed', error);
        later(hours * 3_600_000);
      })
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          check();
        }
      });
  }
  check();
  return {
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
