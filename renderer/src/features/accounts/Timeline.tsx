import type { TimelineEntry } from '../../../../shared/contract/accounts';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { channelLabel } from '../../lib/labels';
import { entryDetail, entryKey, entryTitle, isDateOnly, KIND_LABELS, splitUpcoming } from './timeline';
import { TimelineIcon } from './TimelineIcon';
import type { Timeline as TimelineState } from './useTimeline';

/** Timeline entries that can be captured as product feedback (issue 17). */
const CAPTURABLE = new Set<TimelineEntry['kind']>(['ticket', 'survey', 'touchpoint']);

/** The account's history, newest first: touchpoints, tickets, surveys and deployments. `onCapture`: "Capture as feedback" on tickets, answers and touchpoints. */
export function Timeline({ timeline, onCapture }: { timeline: TimelineState; onCapture?: (entry: TimelineEntry) => void }) {
  const { entries, hasMore, loadingMore, error } = timeline;
  const { upcoming, past } = splitUpcoming(entries ?? [], new Date());
  return (
    <section className="card timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <header className="card-header">
        <h2 id="timeline-title">Timeline</h2>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {entries === undefined && !error && <p className="muted">Loading history…</p>}
      {entries?.length === 0 && (
        <p className="muted" data-testid="timeline-empty">
          Nothing has happened with this account yet. Log the first touchpoint to start its history.
        </p>
      )}
      {upcoming.length > 0 && (
        <>
          <h3 className="timeline-heading">Upcoming</h3>
          <Entries entries={upcoming} testId="timeline-upcoming" onCapture={onCapture} />
          {past.length > 0 && <h3 className="timeline-heading">History</h3>}
        </>
      )}
      {past.length > 0 && <Entries entries={past} testId="timeline-entry" onCapture={onCapture} />}
      {hasMore && (
        <button type="button" className="button more" onClick={timeline.loadMore} disabled={loadingMore} data-testid="timeline-more">
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

function Entries({ entries, testId, onCapture }: { entries: TimelineEntry[]; testId: string; onCapture?: (entry: TimelineEntry) => void }) {
  return (
    <ol className="timeline-list">
      {entries.map((entry) => {
        const detail = entryDetail(entry);
        return (
          <li key={entryKey(entry)} className="timeline-entry" data-testid={testId} data-kind={entry.kind} data-entry-id={entry.id}>
            <TimelineIcon kind={entry.kind} />
            <div className="timeline-body">
              <div className="timeline-line">
                <span className="timeline-kind">{KIND_LABELS[entry.kind]}</span>
                <span className="timeline-title">{entryTitle(entry)}</span>
                <time dateTime={entry.at} className="timeline-time">
                  {isDateOnly(entry) ? formatDate(entry.at) : formatDateTime(entry.at)}
                </time>
              </div>
              {detail && <p className="timeline-detail">{detail}</p>}
              {entry.channel && entry.kind !== 'touchpoint' && <p className="timeline-meta">via {channelLabel(entry.channel)}</p>}
              {onCapture && CAPTURABLE.has(entry.kind) && (
                <button type="button" className="button small timeline-capture" onClick={() => onCapture(entry)} data-testid="timeline-capture">
                  Capture as feedback
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
