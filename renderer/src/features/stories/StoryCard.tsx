import type { DragEvent, KeyboardEvent } from 'react';
import { APPROVAL_ROLE_LABELS, STORY_STAGE_LABELS, type StorySummary } from '../../../../shared/contract/stories';
import { formatDate } from '../../../../shared/format/format';

/** One story on the board: title, account, who approved it, how many measured results back it. */
export function StoryCard({
  story,
  busy,
  onDragStart,
  onKeyDown,
}: {
  story: StorySummary;
  busy: boolean;
  onDragStart: (event: DragEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const customerApproved = story.approvedBy.includes('customer');
  return (
    <li
      className={`story-card${busy ? ' busy' : ''}`}
      draggable
      tabIndex={0}
      data-story-id={story.id}
      data-testid="story-card"
      aria-label={`${story.title}, ${story.accountName}, ${STORY_STAGE_LABELS[story.stage]}`}
      onDragStart={onDragStart}
      onKeyDown={onKeyDown}
    >
      <a href={`#/stories/${story.id}`} className="story-card-title" tabIndex={-1} draggable={false}>
        {story.title}
      </a>
      <span className="story-card-account muted small">{story.accountName}</span>
      <div className="story-card-badges">
        {story.approvedBy.map((role) => (
          <span key={role} className={`pill approval-${role}`} data-testid={`badge-approval-${role}`} title={`Approved by ${APPROVAL_ROLE_LABELS[role].toLowerCase()}`}>
            ✓ {APPROVAL_ROLE_LABELS[role]}
          </span>
        ))}
        {!customerApproved && story.stage === 'customer_review' && <span className="pill awaiting">Awaiting customer</span>}
        <span className="pill muted" title="Measured results linked to the story">
          {story.resultCount === 1 ? '1 result' : `${story.resultCount} results`}
        </span>
      </div>
      {story.publishedAt && <span className="muted small">Published {formatDate(story.publishedAt.slice(0, 10))}</span>}
    </li>
  );
}
