import type { DragEvent, KeyboardEvent } from 'react';
import { STAGE_TRANSITIONS, type ReferenceRow, type ReferenceStage } from '../../../../shared/contract/references';
import { daysSince } from './boardModel';
import { referenceStageLabel } from './labels';
import { TeamBudgetWarning } from './TeamBudgetWarning';

const HELP_ID = 'reference-card-help';

/** The instructions every card points at, said once per board. */
export function CardHelp() {
  return (
    <p id={HELP_ID} className="visually-hidden">
      Press ] to move to the next stage, [ to move back, Enter to open. Or choose a stage in Move to.
    </p>
  );
}

/** One reference on the board: focusable, draggable, with a "Move to…" menu for the keyboard. */
export function ReferenceCard({
  reference,
  now,
  onOpen,
  onMoveKey,
  onMoveTo,
  onDragStart,
  onDragEnd,
}: {
  reference: ReferenceRow;
  now: Date;
  onOpen: () => void;
  onMoveKey: (direction: -1 | 1) => void;
  onMoveTo: (stage: ReferenceStage) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const days = daysSince(reference.stageSince, now);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === '[' || event.key === ']') {
      event.preventDefault();
      onMoveKey(event.key === ']' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  const onDrag = (event: DragEvent) => {
    event.dataTransfer.setData('text/plain', String(reference.id));
    event.dataTransfer.effectAllowed = 'move';
    onDragStart();
  };
  return (
    <article
      className="reference-card"
      tabIndex={0}
      draggable
      data-testid="reference-card"
      data-reference-id={reference.id}
      aria-label={`${reference.accountName}, ${reference.contactName ?? 'no contact'}, ${days} days in ${referenceStageLabel(reference.stage)}`}
      aria-describedby={HELP_ID}
      onKeyDown={onKeyDown}
      onClick={onOpen}
      onDragStart={onDrag}
      onDragEnd={onDragEnd}
    >
      <strong className="reference-card-account" title={reference.accountName}>
        {reference.accountName}
      </strong>
      <span className={reference.contactName ? 'reference-card-contact' : 'reference-card-contact muted'}>{reference.contactName ?? 'No contact yet'}</span>
      <span className="reference-card-days muted" data-testid="days-in-stage">
        {days === 1 ? '1 day' : `${days} days`} in stage
      </span>
      {reference.teamBudget && (
        // A team's merged overrun (asks made offline on two laptops): shown where references are picked until it is back within budget.
        <TeamBudgetWarning budget={reference.teamBudget} compact />
      )}
      <select
        className="reference-card-move"
        aria-label={`Move ${reference.accountName} to…`}
        title="Move to…"
        value=""
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
        onChange={(event) => event.target.value && onMoveTo(event.target.value as ReferenceStage)}
        data-testid="move-to"
      >
        <option value="">⋯</option>
        {STAGE_TRANSITIONS[reference.stage].map((stage) => (
          <option key={stage} value={stage}>
            Move to {referenceStageLabel(stage)}
          </option>
        ))}
      </select>
    </article>
  );
}
