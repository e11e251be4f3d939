import { useEffect, useState } from 'react';
import type { QueryState } from '../../api/useQuery';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';

/** Shown only past this wait: a warm measure answers in a blink, and a bar flashing on every change reads as noise. */
const SHOW_AFTER_MS = 400;

/**
 * How the map's measure is going (issue 14): a cold read of the records takes seconds on a large
 * workspace, so it shows a progress bar with Cancel; a cancelled read says so and offers to measure
 * again; any other failure is shown as it is.
 */
export function MeasureStatus({ measure }: { measure: Pick<QueryState<unknown>, 'loading' | 'error' | 'reload'> }) {
  const job = useJob('journeys.measure', measure.loading);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!measure.loading) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [measure.loading]);

  if (measure.loading)
    return slow ? (
      <JobProgress label="Reading the map’s records" unit="sources" job={job} testId="measure-progress" />
    ) : (
      <span className="muted small" role="status">
        Measuring…
      </span>
    );
  if (measure.error?.error.code === 'CANCELLED')
    return (
      <span className="muted small" role="status" data-testid="measure-cancelled">
        Measuring was cancelled; the cards show no numbers.{' '}
        <button type="button" className="button" onClick={measure.reload} data-testid="measure-again">
          Measure again
        </button>
      </span>
    );
  if (measure.error)
    return (
      <span className="form-error" role="alert">
        {measure.error.message}
      </span>
    );
  return null;
}
