import { useCallback, useEffect, useState } from 'react';
import type { JobChannel } from '../../../shared/contract/jobs';
import { call } from './client';
import { listen } from './transport';

// A long job of the core (a rebuild, a recompute, an archive export, a journey map's cold read) as a
// screen sees it while it runs: the `jobs.progress` events of its channel, and a way to stop it
// (jobs.cancel). The call that started the job then answers CANCELLED, with what was kept.

export interface JobState {
  progress?: { done: number; total: number };
  /** What the job is doing now (`rollups`, `health`, a table name…). */
  phase?: string;
  /** Cancel was asked and the job has not answered yet. */
  cancelling: boolean;
  /**
   * A job of this channel runs that this screen did not start (another window started it, or the
   * screen was left and opened again): found with jobs.running on open and followed until it ends.
   */
  elsewhere: boolean;
  cancel(): void;
}

/** How often a job running elsewhere is checked for its end (its progress events say how far it is). */
const ELSEWHERE_POLL_MS = 1000;

/** The progress of `channel`'s job while `active` (the screen's call is in flight); reset at each start. */
export function useJob(channel: JobChannel, active: boolean): JobState {
  const [state, setState] = useState<Pick<JobState, 'progress' | 'phase' | 'cancelling'>>({ cancelling: false });
  const [elsewhere, setElsewhere] = useState(false);
  useEffect(() => {
    if (!active) return;
    setState({ cancelling: false });
    setElsewhere(false);
  }, [active]);
  // Progress of this channel's job, whoever started it: a report while this screen runs none means it runs elsewhere.
  useEffect(
    () =>
      listen((event) => {
        if (event.name !== 'jobs.progress' || event.job !== channel || !event.progress) return;
        const { done, total } = event.progress;
        if (!(total > 0) || !(done >= 0)) return;
        setState((current) => ({ ...current, progress: { done: Math.min(done, total), total }, phase: event.phase }));
        if (!active) setElsewhere(true);
      }),
    [channel, active],
  );
  // On open (and whenever this screen's own run ends): is one running already? Then until it ends.
  useEffect(() => {
    if (active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () =>
      call('jobs.running', {})
        .then(({ channels, progress }) => {
          if (stopped) return;
          const running = channels.includes(channel);
          setElsewhere(running);
          if (!running) setState({ cancelling: false });
          // Where it is now, until its next report (one it reported before this screen listened would otherwise be missed).
          const where = progress?.find((job) => job.channel === channel);
          if (running && where && where.total > 0)
            setState((current) => (current.progress ? current : { ...current, progress: { done: Math.min(where.done, where.total), total: where.total }, phase: where.phase }));
          if (running) timer = setTimeout(check, ELSEWHERE_POLL_MS);
        })
        .catch(() => undefined);
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [channel, active, elsewhere]);
  const cancel = useCallback(() => {
    setState((current) => ({ ...current, cancelling: true }));
    // The job's own call answers CANCELLED; a failure here (it had just finished) changes nothing.
    call('jobs.cancel', { channel }).catch(() => undefined);
  }, [channel]);
  return { ...state, elsewhere: elsewhere && !active, cancel };
}
