import type { TimelineEntry } from '../../../../shared/contract/accounts';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { channelLabel } from '../../lib/labels';
import { entryDetail, entryKey, entryTitle, isDateOnly, KIND_LABELS, splitUpcoming } from './timeline';
import { TimelineIcon } from './TimelineIcon';
import type { Timeline as TimelineState } from './useTimeline';

/** The account's history, newest first: touchpoints, tickets, surveys and deployments. */
export function Timeline({ timeline }: { timeline: TimelineState }) {
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
          <Entries entries={upcoming} testId="timeline-upcoming" />
          {past.length > 0 && <h3 className="timeline-heading">History</h3>}
        </>
      )}
      {past.length > 0 && <Entries entries={past} testId="timeline-entry" />}
      {hasMore && (
        <button type="button" className="button more" onClick={timeline.loadMore} disabled={loadingMore} data-testid="timeline-more">
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

function Entries({ entries, testId }: { entries: TimelineEntry[]; testId: string }) {
  return (
    <ol className="timeline-list">
      {entries.map((entry) => {
        const detail = entryDetail(entry);
        return (
          <li key={entryKey(entry)} className="timeline-entry" data-testid={testId} data-kind={entry.kind}>
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
            </div>
          </li>
        );
      })}
    </ol>
  );
}
