import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';

/**
 * A long write running while the map is open (issue 14): an import or a rebuild, started here in
 * another window or before this screen opened. The map keeps showing the last committed records
 * (the core's reader answers while the writer is busy), so the screen says so beside the write's
 * bar, and the map measures again by itself once the write's change events arrive.
 */
export function LongWriteStatus() {
  const importing = useJob('import.commit', false);
  const rebuilding = useJob('metrics.rebuild', false);
  const running = importing.elsewhere
    ? { job: importing, label: 'Importing', unit: 'rows' }
    : rebuilding.elsewhere
      ? { job: rebuilding, label: 'Rebuilding the figures', unit: '' }
      : undefined;
  if (!running) return null;
  return (
    <section className="card long-write" data-testid="long-write" aria-label="A long write is running">
      <JobProgress label={running.label} unit={running.unit} job={running.job} testId="long-write-progress" />
      <p className="muted small" data-testid="long-write-note">
        The map shows the records as they were before this write started; it is measured again when the write has finished.
      </p>
    </section>
  );
}
