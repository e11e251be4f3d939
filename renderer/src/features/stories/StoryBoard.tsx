import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { STORY_STAGE_LABELS, type StoryStage, type StorySummary } from '../../../../shared/contract/stories';
import { call, toApiError } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { useDebounced } from '../../lib/useDebounced';
import { boardColumns, keyStep, stepStage, withStage } from './boardModel';
import { StoryCard } from './StoryCard';

const DRAG_TYPE = 'application/x-fulcrum-story';

/** Stories as columns by stage; a card moves by drag and drop or with the arrow keys. */
export function StoryBoard() {
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const list = useQuery('stories.list', { pageSize: 500, sort: { field: 'updatedAt', direction: 'desc' }, ...(term ? { search: term } : {}) }, ['stories']);
  const [moving, setMoving] = useState<{ id: number; stage: StoryStage }>();
  const [refusal, setRefusal] = useState<string>();
  const [status, setStatus] = useState('');
  const [dropTarget, setDropTarget] = useState<StoryStage>();
  const focusAfterMove = useRef<number | undefined>(undefined);

  const stories = useMemo(() => list.data?.rows ?? [], [list.data]);
  const shown = moving ? withStage(stories, moving.id, moving.stage) : stories;

  useEffect(() => {
    // The card is re-rendered in its new column: keep the keyboard user's place on it.
    if (focusAfterMove.current === undefined) return;
    document.querySelector<HTMLElement>(`[data-story-id="${focusAfterMove.current}"]`)?.focus();
  });

  /** The moves sent so far, in order: two quick key presses reach the core one after the other, never crossed. */
  const sent = useRef<Promise<void>>(Promise.resolve());

  const move = (story: StorySummary, stage: StoryStage | null) => {
    if (!stage || stage === story.stage) return;
    setRefusal(undefined);
    setMoving({ id: story.id, stage });
    focusAfterMove.current = story.id;
    sent.current = sent.current.then(async () => {
      try {
        await call('stories.move', { id: story.id, stage });
        setStatus(`Moved “${story.title}” to ${STORY_STAGE_LABELS[stage]}.`);
        // The card stays in its new column until the reloaded list says so too (no flicker back).
        list.reload();
      } catch (failure) {
        // Shown where the core has it (the list may not have caught up with an earlier move yet), then why not.
        const stored = await call('stories.get', { id: story.id }).catch(() => undefined);
        setMoving(stored ? { id: story.id, stage: stored.stage } : undefined);
        setRefusal(`“${story.title}” cannot move to ${STORY_STAGE_LABELS[stage]}: ${toApiError(failure).message}`);
        list.reload();
      }
    });
  };

  useEffect(() => {
    if (moving && stories.find((story) => story.id === moving.id)?.stage === moving.stage) setMoving(undefined);
  }, [moving, stories]);

  const onDrop = (event: DragEvent, stage: StoryStage) => {
    event.preventDefault();
    setDropTarget(undefined);
    const id = Number(event.dataTransfer.getData(DRAG_TYPE));
    const story = shown.find((s) => s.id === id);
    if (story) move(story, stage);
  };

  return (
    <div className="story-board-wrap">
      <div className="toolbar">
        <input
          className="input search"
          type="search"
          placeholder="Search titles and accounts"
          aria-label="Search stories"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="stories-search"
        />
        <span className="muted small">Drag a card to another stage, or focus it and press ← / →. Enter opens it.</span>
      </div>
      {refusal && (
        <div className="form-error story-refusal" role="alert" data-testid="story-move-refused">
          <span>{refusal}</span>
          <button type="button" className="link-button" onClick={() => setRefusal(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="story-move-status">
        {status}
      </p>
      {list.error && (
        <p className="form-error" role="alert">
          {list.error.message}
        </p>
      )}
      {!list.data && !list.error && (
        <p className="muted" data-testid="stories-loading">
          Loading stories…
        </p>
      )}
      {list.data && list.data.total === 0 && (
        <div className="empty-state stories-empty" data-testid="stories-empty">
          <h2>{term ? 'No story matches this search' : 'No success stories yet'}</h2>
          <p>{term ? 'Try another title or account name.' : 'Start one from a customer’s measured results with “New story”.'}</p>
        </div>
      )}
      {list.data && list.data.total > 0 && (
        <div className="story-board" data-testid="story-board">
          {boardColumns(shown).map((column) => (
            <section
              key={column.stage}
              className={`story-column${dropTarget === column.stage ? ' drop-target' : ''}`}
              aria-labelledby={`story-column-${column.stage}`}
              data-testid={`story-column-${column.stage}`}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                setDropTarget(column.stage);
              }}
              onDragLeave={() => setDropTarget(undefined)}
              onDrop={(event) => onDrop(event, column.stage)}
            >
              <header className="story-column-header">
                <h2 id={`story-column-${column.stage}`}>{STORY_STAGE_LABELS[column.stage]}</h2>
                <span className="pill muted" aria-label={`${column.stories.length} stories`}>
                  {column.stories.length}
                </span>
              </header>
              <ul className="story-cards">
                {column.stories.map((story) => (
                  <StoryCard
                    key={story.id}
                    story={story}
                    busy={moving?.id === story.id}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(DRAG_TYPE, String(story.id));
                      event.dataTransfer.effectAllowed = 'move';
                    }}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') return navigate(`stories/${story.id}`);
                      const step = keyStep(event.key);
                      if (step === null) return;
                      event.preventDefault();
                      move(story, stepStage(story.stage, step));
                    }}
                  />
                ))}
                {column.stories.length === 0 && <li className="story-column-empty muted small">No stories</li>}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
