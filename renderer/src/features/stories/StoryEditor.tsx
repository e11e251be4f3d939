import { useState } from 'react';
import { STORY_STAGE_LABELS } from '../../../../shared/contract/stories';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { ApprovalsCard } from './ApprovalsCard';
import { ExportActions } from './ExportActions';
import { ResultsCard } from './ResultsCard';
import { StageControl } from './StageControl';
import { StoryTextForm } from './StoryTextForm';
import './stories.css';

/** `#/stories/<id>`: write the story, link its results, record approvals, move it on, export it. */
export function StoryEditor({ id }: { id: number }) {
  const story = useQuery('stories.get', { id }, ['stories', 'outcomes']);
  const [archiving, setArchiving] = useState(false);

  if (story.error) {
    return (
      <section className="empty-state" data-testid="story-not-found">
        <h1>Story not found</h1>
        <p>{story.error.error.code === 'NOT_FOUND' ? `Story ${id} does not exist in this workspace.` : story.error.message}</p>
        <a href="#/stories" className="button">
          Back to stories
        </a>
      </section>
    );
  }
  const data = story.data;
  if (!data || data.id !== id)
    return (
      <p className="muted" data-testid="story-loading">
        Loading story…
      </p>
    );
  const readOnly = data.archivedAt !== null;

  return (
    <article className="screen story-editor" data-testid="story-editor" aria-labelledby="story-heading">
      <a href="#/stories" className="back-link">
        ← Stories
      </a>
      <header className="screen-header">
        <div>
          <h1 id="story-heading" data-testid="story-heading">
            {data.title}
          </h1>
          <p className="subtitle">
            <a href={`#/accounts/${data.accountId}`}>{data.accountName}</a> ·{' '}
            <span className={`pill story-stage-${data.stage}`} data-testid="story-stage-pill">
              {STORY_STAGE_LABELS[data.stage]}
            </span>
            {data.publishedAt && <> · Published {formatDate(data.publishedAt.slice(0, 10))}</>}
          </p>
        </div>
        <div className="actions">
          <ExportActions storyId={id} />
          {!readOnly && (
            <button type="button" className="button" onClick={() => setArchiving(true)} data-testid="story-archive">
              Archive
            </button>
          )}
        </div>
      </header>
      {readOnly && (
        <div className="banner" role="status" data-testid="story-archived">
          Archived on {formatDateTime(data.archivedAt!)}: kept for the record, no longer edited or shown on the board.
        </div>
      )}
      <StageControl story={data} readOnly={readOnly} />
      <div className="story-grid">
        {/* Keyed by story so that opening another story starts its own form. */}
        <StoryTextForm key={data.id} story={data} readOnly={readOnly} />
        <div className="story-side">
          <ResultsCard story={data} readOnly={readOnly} />
          <ApprovalsCard story={data} readOnly={readOnly} />
        </div>
      </div>
      {archiving && (
        <ConfirmDialog
          title={`Archive “${data.title}”?`}
          confirm="Archive story"
          danger
          testId="story-archive-confirm"
          onClose={() => setArchiving(false)}
          onConfirm={async () => {
            await call('stories.archive', { id });
            navigate('stories');
          }}
        >
          <p>The story, its results and approvals stay in the workspace, but it leaves the board and can no longer be edited.</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
