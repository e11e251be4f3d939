import type { KeyboardEvent } from 'react';
import type { JourneyMap, JourneyStage, JourneyTouchpoint, MeasureResult } from '../../../../shared/contract/journeys';
import { channelLabel } from '../../lib/labels';
import { cardCounts, cardFigure, formatDays, VERDICT_LABELS } from './journeyFormat';

type Measures = Map<number, MeasureResult['touchpoints'][number]>;

export interface BoardActions {
  openCard: (touchpoint: JourneyTouchpoint) => void;
  addCard: (stage: JourneyStage) => void;
  editStage: (stage: JourneyStage) => void;
  moveStage: (stage: JourneyStage, position: number) => void;
}

/** Stages as columns, touchpoints as cards in a front-stage and a back-stage lane. */
export function MapBoard({ map, measure, actions }: { map: JourneyMap; measure: MeasureResult | undefined; actions: BoardActions }) {
  const measures: Measures = new Map(measure?.touchpoints.map((m) => [m.journeyTouchpointId, m]));
  const stageMeasures = new Map(measure?.stages.map((m) => [m.journeyStageId, m]));
  const columns = { gridTemplateColumns: `repeat(${map.stages.length}, minmax(190px, 1fr))` };
  return (
    <div className="journey-board" style={columns} data-testid="journey-board">
      {map.stages.map((stage, index) => (
        <div key={stage.id} className="journey-stage-head" data-testid="stage-head">
          <h2 className="journey-stage-name">{stage.name}</h2>
          <div className="journey-stage-tools">
            <button type="button" className="icon-button" aria-label={`Move ${stage.name} left`} disabled={index === 0} onClick={() => actions.moveStage(stage, index)}>
              ‹
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${stage.name} right`}
              disabled={index === map.stages.length - 1}
              onClick={() => actions.moveStage(stage, index + 2)}
            >
              ›
            </button>
            <button type="button" className="icon-button" aria-label={`Edit stage ${stage.name}`} onClick={() => actions.editStage(stage)}>
              ✎
            </button>
          </div>
        </div>
      ))}
      {(['front', 'back'] as const).map((lane) => (
        <Lane key={lane} lane={lane} map={map} measures={measures} actions={actions} />
      ))}
      {map.stages.map((stage) => {
        const m = stageMeasures.get(stage.id);
        return (
          <dl key={stage.id} className="journey-stage-foot" data-testid="stage-foot">
            <div>
              <dt>Time in stage</dt>
              <dd>
                {m ? formatDays(m.daysInStage) : '…'}
                {m && m.daysInStageN > 0 && <span className="muted"> · n {m.daysInStageN}</span>}
              </dd>
            </div>
            <div>
              <dt>Accounts here</dt>
              <dd>{m?.accountsHere ?? '…'}</dd>
            </div>
            <div>
              <dt>Stalled or churned</dt>
              <dd className={m && m.dropOff > 0 ? 'drop-off' : undefined}>{m?.dropOff ?? '…'}</dd>
            </div>
          </dl>
        );
      })}
    </div>
  );
}

function Lane({ lane, map, measures, actions }: { lane: 'front' | 'back'; map: JourneyMap; measures: Measures; actions: BoardActions }) {
  return (
    <>
      <div className="journey-lane-label" style={{ gridColumn: `1 / span ${map.stages.length}` }}>
        <span>{lane === 'front' ? 'Front stage: what the customer sees' : 'Back stage: what happens behind it'}</span>
      </div>
      {map.stages.map((stage) => (
        <div key={stage.id} className={`journey-cell lane-${lane}`} data-testid={`cell-${lane}`}>
          {stage.touchpoints
            .filter((t) => t.lane === lane)
            .map((touchpoint) => (
              <Card key={touchpoint.id} touchpoint={touchpoint} measure={measures.get(touchpoint.id)} onOpen={() => actions.openCard(touchpoint)} />
            ))}
          {lane === 'front' && (
            <button type="button" className="journey-add" onClick={() => actions.addCard(stage)} aria-label={`Add a touchpoint to ${stage.name}`}>
              + Touchpoint
            </button>
          )}
        </div>
      ))}
    </>
  );
}

function Card({ touchpoint, measure, onOpen }: { touchpoint: JourneyTouchpoint; measure: MeasureResult['touchpoints'][number] | undefined; onOpen: () => void }) {
  const verdict = measure?.verdict ?? (touchpoint.target ? 'no_data' : 'no_target');
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <div
      role="button"
      tabIndex={0}
      className={`journey-card verdict-${verdict}${touchpoint.isMomentOfTruth ? ' moment' : ''}`}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      data-testid="journey-card"
      data-verdict={verdict}
      // Named by its visible text (an aria-label that left out the counts and channel failed axe's label-content-name-mismatch).
    >
      <div className="journey-card-title">
        {touchpoint.isMomentOfTruth && (
          <span className="moment-mark" title="Moment of truth" aria-hidden="true">
            ★
          </span>
        )}
        <span>{touchpoint.name}</span>
        {touchpoint.isMomentOfTruth && <span className="visually-hidden">, moment of truth:</span>}
      </div>
      <div className="journey-card-figure" data-testid="card-figure">
        {cardFigure(touchpoint.target, measure)}
      </div>
      <div className="journey-card-meta">
        <span data-testid="card-n">{cardCounts(touchpoint, measure)}</span>
        {touchpoint.target && <span className="journey-card-verdict">{VERDICT_LABELS[verdict]}</span>}
      </div>
      {(touchpoint.channel || touchpoint.ownerTeam) && (
        <div className="journey-card-meta muted">{[touchpoint.channel && channelLabel(touchpoint.channel), touchpoint.ownerTeam].filter(Boolean).join(' · ')}</div>
      )}
    </div>
  );
}
