import type { JobState } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';

/**
 * An import this screen did not start (another window started it, or it ran before this screen
 * opened): found with jobs.running, its bar in rows and Cancel (nothing of it is kept when
 * cancelled). An import started here meanwhile waits for it: the core writes one import at a time.
 */
export function ImportElsewhere({ job }: { job: JobState }) {
  return (
    <section className="card import-step" data-testid="import-elsewhere">
      <h2 className="card-title">An import is running</h2>
      <p className="muted small">It was started in another window or before this screen opened. An import you start here waits until it has finished.</p>
      <JobProgress label="Importing" unit="rows" job={job} testId="import-elsewhere-progress" />
    </section>
  );
}
