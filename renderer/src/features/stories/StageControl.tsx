import { moveRefusal, STORY_STAGE_LABELS, STORY_STAGES, type StoryDetail, type StoryStage } from '../../../../shared/contract/stories';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { stepStage } from './boardModel';

/** Where the story stands, and the one step forward or back it can take from here. */
export function StageControl({ story, readOnly }: { story: StoryDetail; readOnly: boolean }) {
  const moving = useAction(async (stage: StoryStage) => void (await call('stories.move', { id: story.id, stage })));
  const { busy, error } = moving;
  const next = stepStage(story.stage, 1);
  const previous = stepStage(story.stage, -1);
  const customerApproved = story.approvals.some((approval) => approval.role === 'customer');
  const blocked = next ? moveRefusal(story.stage, next, customerApproved) : null;

  const move = moving.run;

  return (
    <section className="card story-stage" aria-labelledby="story-stage-title" data-testid="story-stage">
      <h2 id="story-stage-title" className="visually-hidden">
        Stage
      </h2>
      <ol className="stage-steps">
        {STORY_STAGES.map((stage) => (
          <li
            key={stage}
            className={stage === story.stage ? 'current' : STORY_STAGES.indexOf(stage) < STORY_STAGES.indexOf(story.stage) ? 'done' : undefined}
            aria-current={stage === story.stage ? 'step' : undefined}
          >
            {STORY_STAGE_LABELS[stage]}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div className="stage-actions">
          {previous && (
            <button type="button" className="button" disabled={busy} onClick={() => void move(previous)} data-testid="stage-back">
              ← Back to {STORY_STAGE_LABELS[previous].toLowerCase()}
            </button>
          )}
          {next && (
            <button
              type="button"
              className={next === 'retired' ? 'button' : 'button primary'}
              disabled={busy}
              onClick={() => void move(next)}
              data-testid="stage-forward"
              aria-describedby={blocked ? 'stage-blocked' : undefined}
            >
              {next === 'retired' ? 'Retire' : `Move to ${STORY_STAGE_LABELS[next].toLowerCase()}`} →
            </button>
          )}
          {blocked && !error && (
            <span id="stage-blocked" className="muted small" data-testid="stage-blocked">
              Needs the customer’s approval: record it below.
            </span>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="stage-error">
          {error}
        </p>
      )}
    </section>
  );
}
