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
  cancel(): void;
}

/** The progress of `channel`'s job while `active` (the screen's call is in flight); reset at each start. */
export function useJob(channel: JobChannel, active: boolean): JobState {
  const [state, setState] = useState<Pick<JobState, 'progress' | 'phase' | 'cancelling'>>({ cancelling: false });
  useEffect(() => {
    if (!active) return;
    setState({ cancelling: false });
    return listen((event) => {
      if (event.name !== 'jobs.progress' || event.job !== channel || !event.progress) return;
      const { done, total } = event.progress;
      if (!(total > 0) || !(done >= 0)) return;
      setState((current) => ({ ...current, progress: { done: Math.min(done, total), total }, phase: event.phase }));
    });
  }, [channel, active]);
  const cancel = useCallback(() => {
    setState((current) => ({ ...current, cancelling: true }));
    // The job's own call answers CANCELLED; a failure here (it had just finished) changes nothing.
    call('jobs.cancel', { channel }).catch(() => undefined);
  }, [channel]);
  return { ...state, cancel };
}
