import { useState } from 'react';
import '../stories/stories.css';
import { STORY_STAGE_LABELS } from '../../../../shared/contract/stories';
import { useQuery } from '../../api/useQuery';
import { NewStoryDialog } from '../stories/NewStoryDialog';

/** The account's success stories with their stage; each opens in the story editor. */
export function StoriesCard({ account }: { account: { id: number; name: string } }) {
  const stories = useQuery('stories.list', { filter: { accountId: account.id }, pageSize: 100, sort: { field: 'updatedAt', direction: 'desc' } }, ['stories']);
  const [creating, setCreating] = useState(false);
  const rows = stories.data?.rows;
  return (
    <section className="card" aria-labelledby="account-stories-title" data-testid="account-stories">
      <header className="card-header">
        <h2 id="account-stories-title">Success stories</h2>
        <button type="button" className="button small" onClick={() => setCreating(true)} data-testid="account-new-story">
          New story
        </button>
      </header>
      {stories.error && (
        <p className="form-error" role="alert">
          {stories.error.message}
        </p>
      )}
      {!rows && !stories.error && <p className="muted small">Loading stories…</p>}
      {rows?.length === 0 && <p className="muted">No stories about this customer yet.</p>}
      {rows && rows.length > 0 && (
        <ul className="account-story-list">
          {rows.map((story) => (
            <li key={story.id} data-testid="account-story-row">
              <a href={`#/stories/${story.id}`}>{story.title}</a>
              <span className={`pill story-stage-${story.stage}`}>{STORY_STAGE_LABELS[story.stage]}</span>
            </li>
          ))}
        </ul>
      )}
      {creating && <NewStoryDialog account={account} onClose={() => setCreating(false)} />}
    </section>
  );
}
