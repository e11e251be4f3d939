import { useEffect, useState } from 'react';
import type { ReferenceRow, ReferenceStage } from '../../../../shared/contract/references';
import { BOARD_STAGES, canMove, groupByStage, neighbourStage } from './boardModel';
import { referenceStageLabel } from './labels';
import { MoveDialog } from './MoveDialog';
import { CardHelp, ReferenceCard } from './ReferenceCard';

/**
 * The programme as a board, a column per stage. A move by drag, by `[`/`]` or by the "Move to…"
 * menu asks for a reason first; the outcome is announced in words for screen readers and the moved
 * card keeps the focus.
 */
export function PipelineBoard({ rows, onOpen, onMoved }: { rows: ReferenceRow[]; onOpen: (id: number) => void; onMoved: () => void }) {
  const columns = groupByStage(rows);
  const [pending, setPending] = useState<{ reference: ReferenceRow; to: ReferenceStage }>();
  const [dragging, setDragging] = useState<ReferenceRow>();
  const [over, setOver] = useState<ReferenceStage>();
  const [announcement, setAnnouncement] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: number; stage: ReferenceStage }>();
  const now = new Date();

  // Once the moved card is drawn in its new column (the list reloads), give it the focus back there.
  useEffect(() => {
    if (!focusAfterMove || pending) return;
    if (rows.find((row) => row.id === focusAfterMove.id)?.stage !== focusAfterMove.stage) return;
    document.querySelector<HTMLElement>(`[data-reference-id="${focusAfterMove.id}"]`)?.focus();
    setFocusAfterMove(undefined);
  }, [rows, focusAfterMove, pending]);

  const requestMove = (reference: ReferenceRow, to: ReferenceStage | null, direction?: string) => {
    if (to === null) return setAnnouncement(`${reference.accountName} cannot move ${direction} from ${referenceStageLabel(reference.stage)}.`);
    if (!canMove(reference.stage, to)) {
      return setAnnouncement(`${reference.accountName} cannot move from ${referenceStageLabel(reference.stage)} to ${referenceStageLabel(to)}.`);
    }
    setPending({ reference, to });
  };

  return (
    <>
      <CardHelp />
      {/* Said to screen readers and shown to everyone: what the last move did, or why it could not. */}
      <p className="board-status" role="status" aria-live="polite" data-testid="board-announcement">
        {announcement}
      </p>
      <div className="pipeline-board" data-testid="pipeline-board">
        {BOARD_STAGES.map((stage) => {
          const droppable = dragging !== undefined && canMove(dragging.stage, stage);
          return (
            <section
              key={stage}
              className={`pipeline-column${droppable ? ' droppable' : ''}${over === stage && droppable ? ' over' : ''}`}
              aria-labelledby={`column-${stage}`}
              data-testid={`column-${stage}`}
              onDragOver={(event) => {
                if (!droppable) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOver(stage);
              }}
              onDragLeave={() => setOver(undefined)}
              onDrop={(event) => {
                event.preventDefault();
                setOver(undefined);
                const id = Number(event.dataTransfer.getData('text/plain'));
                const reference = rows.find((row) => row.id === id) ?? dragging;
                setDragging(undefined);
                if (reference && reference.stage !== stage) requestMove(reference, stage);
              }}
            >
              <header className="pipeline-column-header">
                <h3 id={`column-${stage}`}>{referenceStageLabel(stage)}</h3>
                <span className="pill muted" data-testid="column-count">
                  {columns[stage].length}
                </span>
              </header>
              <div className="pipeline-cards">
                {columns[stage].length === 0 && <p className="pipeline-empty muted">None</p>}
                {columns[stage].map((reference) => (
                  <ReferenceCard
                    key={reference.id}
                    reference={reference}
                    now={now}
                    onOpen={() => onOpen(reference.id)}
                    onMoveKey={(direction) => requestMove(reference, neighbourStage(reference.stage, direction), direction === 1 ? 'right' : 'left')}
                    onMoveTo={(to) => requestMove(reference, to)}
                    onDragStart={() => setDragging(reference)}
                    onDragEnd={() => {
                      setDragging(undefined);
                      setOver(undefined);
                    }}
                  />
                ))}
              </div>
            </section>
          );
        })}
      </div>

      {pending && (
        <MoveDialog
          reference={pending.reference}
          to={pending.to}
          onMoved={() => {
            setAnnouncement(`${pending.reference.accountName} moved from ${referenceStageLabel(pending.reference.stage)} to ${referenceStageLabel(pending.to)}.`);
            setFocusAfterMove({ id: pending.reference.id, stage: pending.to });
            onMoved();
          }}
          onClose={() => setPending(undefined)}
        />
      )}
    </>
  );
}
