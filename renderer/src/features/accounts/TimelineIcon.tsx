import type { TimelineEntry } from '../../../../shared/contract/accounts';

// Small line icons drawn here (no icon font: the CSP allows only our own files).
const PATHS: Record<TimelineEntry['kind'], string> = {
  touchpoint: 'M4 5h16v10H10l-4 4v-4H4z',
  ticket: 'M4 7h16v3a2 2 0 0 0 0 4v3H4v-3a2 2 0 0 0 0-4z M10 7v10',
  survey: 'M12 4l2.4 5 5.6.6-4.2 3.8 1.2 5.6L12 16.2 7 19l1.2-5.6L4 9.6 9.6 9z',
  deployment: 'M6 20V4 M6 5h11l-2 4 2 4H6',
};

export function TimelineIcon({ kind }: { kind: TimelineEntry['kind'] }) {
  return (
    <span className={`timeline-icon kind-${kind}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeLinecap="round">
        <path d={PATHS[kind]} />
      </svg>
    </span>
  );
}
