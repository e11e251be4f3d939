// What the app-level banner says about the core itself (issue 14): the workspace is busy (another
// Fulcrum holds it; the screens' reads that failed are retried from the banner), or the core stopped
// and was started again. A small store outside React, so any query can report to it.
import { CORE_RESTARTED_EVENT, CORE_STOPPED_EVENT, type ChangeEvent } from '../../../shared/rpc';

export type CoreNotice = { kind: 'busy'; message: string } | { kind: 'stopped' } | { kind: 'restarted' } | undefined;

let notice: CoreNotice;
/** The reads that failed with BUSY, by the query that made them: Retry runs them again. */
const retries = new Map<object, () => void>();
const watchers = new Set<() => void>();
const changed = () => watchers.forEach((watcher) => watcher());

export const coreStatus = {
  get: (): CoreNotice => notice,
  subscribe(watcher: () => void): () => void {
    watchers.add(watcher);
    return () => watchers.delete(watcher);
  },
  /** A query's read failed with BUSY: show the message, and rerun it on Retry. */
  busy(owner: object, message: string, retry: () => void): void {
    retries.set(owner, retry);
    notice = { kind: 'busy', message };
    changed();
  },
  /** A query that was busy answered (or went away). The banner goes when no busy read is left. */
  settled(owner: object): void {
    if (!retries.delete(owner)) return;
    if (retries.size === 0 && notice?.kind === 'busy') {
      notice = undefined;
      changed();
    }
  },
  retry(): void {
    [...retries.values()].forEach((retry) => retry());
  },
  /** The core host's own events. */
  onEvent(event: ChangeEvent): void {
    if (event.name === CORE_STOPPED_EVENT) notice = { kind: 'stopped' };
    else if (event.name === CORE_RESTARTED_EVENT) notice = { kind: 'restarted' };
    else return;
    changed();
  },
  dismiss(): void {
    notice = undefined;
    retries.clear();
    changed();
  },
};
