import { useState } from 'react';
import { navigate } from '../../app/router';
import { Tabs } from '../../components/Tabs';
import { NewStoryDialog } from './NewStoryDialog';
import { ProductResultsPanel } from './ProductResultsPanel';
import { StoryBoard } from './StoryBoard';
import { StoryEditor } from './StoryEditor';
import './stories.css';

const TABS = [
  { id: 'board', label: 'Board' },
  { id: 'products', label: 'By product' },
] as const;

/** `#/stories` (board), `#/stories/products` (results per product), `#/stories/<id>` (the editor). */
export function StoriesScreen({ params }: { params: string[] }) {
  const [first = 'board'] = params;
  if (/^\d+$/.test(first)) return <StoryEditor id={Number(first)} />;
  return <StoriesOverview tab={first === 'products' ? 'products' : 'board'} />;
}

function StoriesOverview({ tab }: { tab: 'board' | 'products' }) {
  const [creating, setCreating] = useState(false);
  return (
    <section className="screen stories-screen" data-testid="stories-screen">
      <header className="screen-header">
        <div>
          <h1>Success stories</h1>
          <p className="subtitle">From idea to published: each story is built on the customer’s measured results and goes out only with their approval.</p>
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setCreating(true)} data-testid="new-story">
            New story
          </button>
        </div>
      </header>
      <Tabs tabs={TABS} selected={tab} onSelect={(id) => navigate(id === 'board' ? 'stories' : `stories/${id}`)} label="Story views">
        {tab === 'products' ? <ProductResultsPanel /> : <StoryBoard />}
      </Tabs>
      {creating && <NewStoryDialog onClose={() => setCreating(false)} />}
    </section>
  );
}
