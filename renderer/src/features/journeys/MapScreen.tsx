import { useMemo, useState } from 'react';
import type { JourneyStage, JourneyTouchpoint } from '../../../../shared/contract/journeys';
import { DEFAULT_SEGMENTS } from '../../../../shared/contract/accounts';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { EChart } from '../../components/EChart';
import { segmentLabel } from '../../lib/labels';
import { CardDialog } from './CardDialog';
import { canvasMeasure, exportPdf, exportPng } from './exportMap';
import { emotionLineOption } from './journeyCharts';
import { formatDays } from './journeyFormat';
import { MapBoard } from './MapBoard';
import { MapDetailsDialog } from './MapDetailsDialog';
import { LongWriteStatus } from './LongWriteStatus';
import { MeasureStatus } from './MeasureStatus';
import { mapSvg } from './mapSvg';
import { PERIODS, periodInput, periodRange, type PeriodId } from './period';
import { StageDialog } from './StageDialog';
import { TouchpointDialog } from './TouchpointDialog';
import { UndoBar, useUndo } from './UndoBar';
import { UnmappedDialog } from './UnmappedDialog';
import { useFitToWidth } from './useFitToWidth';

type Open =
  | { kind: 'card'; touchpoint: JourneyTouchpoint }
  | { kind: 'edit'; touchpoint?: JourneyTouchpoint; stageId: number }
  | { kind: 'stage'; stage?: JourneyStage }
  | { kind: 'unmapped' }
  | { kind: 'details' };

/** One journey map: its stages and cards measured over a period and segment, editable in place. */
export function MapScreen({ idParam }: { idParam: string }) {
  const id = Number(idParam);
  const [period, setPeriod] = useState<PeriodId>('last12');
  const [segment, setSegment] = useState('');
  const scope = useMemo(() => ({ ...periodInput(period, new Date()), ...(segment ? { segment } : {}) }), [period, segment]);
  const map = useQuery('journeys.get', { id }, ['journeys']);
  const measure = useQuery('journeys.measure', { id, ...scope }, ['journeys', 'touchpoints', 'tickets', 'surveyResponses', 'deployments', 'accounts']);
  const [open, setOpen] = useState<Open>();
  const [fit, setFit] = useState(false);
  const fitting = useFitToWidth(fit);
  // The screen's small actions (duplicate, remove, restore…) share one error line.
  const attempt = useAction((work: () => Promise<void>) => work());
  const error = attempt.error;
  const undo = useUndo();

  if (!Number.isInteger(id) || id <= 0) return <p className="empty-state">There is no journey map “{idParam}”.</p>;
  if (map.error) {
    return (
      <div className="empty-state" data-testid="map-missing">
        <h1>Journey map not found</h1>
        <p>{map.error.message}</p>
        <a href="#/journeys">Back to the journey maps</a>
      </div>
    );
  }
  if (!map.data)
    return (
      <p className="muted" role="status">
        Loading the map…
      </p>
    );
  const data = map.data;
  const measured = measure.data?.journeyMapId === data.id ? measure.data : undefined;
  const subtitle = `${data.personaName ? `For ${data.personaName}` : 'For every persona'} · ${PERIODS.find((p) => p.id === period)!.label} (${periodRange(scope.from, scope.to)})${segment ? ` · ${segmentLabel(segment)}` : ' · all segments'}`;

  const act = async (work: () => Promise<void>) => void (await attempt.run(work));
  const removeTouchpoint = (touchpoint: JourneyTouchpoint) =>
    act(async () => {
      const { removed } = await call('journeys.removeTouchpoint', { id: touchpoint.id });
      setOpen(undefined);
      undo.offer(`Removed “${touchpoint.name}”.`, async () => void (await call('journeys.restore', removed)));
    });
  const removeStage = (stage: JourneyStage) =>
    act(async () => {
      const { removed } = await call('journeys.removeStage', { id: stage.id });
      setOpen(undefined);
      undo.offer(
        `Removed the stage “${stage.name}”${stage.touchpoints.length ? ` and its ${stage.touchpoints.length} touchpoints` : ''}.`,
        async () => void (await call('journeys.restore', removed)),
      );
    });
  const unmapped = measured ? measured.unmapped.touchpoints + measured.unmapped.tickets + measured.unmapped.surveyResponses : undefined;
  const journey = measured?.journey;

  return (
    <div className="screen journey-map-screen" data-testid="journey-map">
      <a href="#/journeys" className="back-link">
        ← Journeys
      </a>
      <header className="screen-header">
        <div>
          <h1 data-testid="map-name">{data.name}</h1>
          <p className="subtitle">{subtitle}</p>
        </div>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => setOpen({ kind: 'details' })}>
            Edit map
          </button>
          <button
            type="button"
            className="button"
            onClick={() => act(async () => navigate(`journeys/${(await call('journeys.duplicate', { id: data.id })).id}`))}
            data-testid="duplicate-map"
          >
            Duplicate
          </button>
          <button type="button" className="button" onClick={() => act(() => exportPng(mapSvg(data, measured, subtitle, canvasMeasure()), data.name))} data-testid="export-png">
            Export PNG
          </button>
          <button type="button" className="button" onClick={() => act(() => exportPdf(data, measured, subtitle))} data-testid="export-pdf">
            Export PDF
          </button>
        </div>
      </header>
      <UndoBar undo={undo} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <LongWriteStatus />

      <div className="toolbar" role="group" aria-label="Measure over">
        <label className="inline-field">
          Period
          <select className="input select" value={period} onChange={(e) => setPeriod(e.target.value as PeriodId)} data-testid="map-period">
            {PERIODS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Segment
          <select className="input select" value={segment} onChange={(e) => setSegment(e.target.value)} data-testid="map-segment">
            <option value="">All segments</option>
            {DEFAULT_SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {segmentLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <MeasureStatus measure={measure} />
        <span className="journey-summary" data-testid="journey-summary">
          {journey &&
            (journey.durationMedianDays === null
              ? `${journey.accounts.toLocaleString()} accounts on the map; too few have moved between stages for a duration`
              : `${journey.accounts.toLocaleString()} accounts on the map · journey so far: median ${formatDays(journey.durationMedianDays)} (middle half ${formatDays(journey.durationP25Days)} to ${formatDays(journey.durationP75Days)})`)}
        </span>
        {unmapped !== undefined && (
          <button type="button" className="button" onClick={() => setOpen({ kind: 'unmapped' })} data-testid="unmapped-button">
            Unmapped: {unmapped.toLocaleString()}
          </button>
        )}
        <button type="button" className="button" aria-pressed={fit} onClick={() => setFit(!fit)} data-testid="fit-to-width">
          Fit to width
        </button>
        <button type="button" className="button" onClick={() => setOpen({ kind: 'stage' })}>
          + Stage
        </button>
      </div>

      {data.stages.length === 0 ? (
        <div className="journey-empty">
          <p>This map has no stage. Add the first one.</p>
        </div>
      ) : (
        <div className="journey-scroll" ref={fitting.box}>
          <div className="journey-canvas" ref={fitting.canvas} style={{ minWidth: data.stages.length * 202, zoom: fitting.zoom }} data-zoom={fitting.zoom}>
            <MapBoard
              map={data}
              measure={measured}
              actions={{
                openCard: (touchpoint) => setOpen({ kind: 'card', touchpoint }),
                addCard: (stage) => setOpen({ kind: 'edit', stageId: stage.id }),
                editStage: (stage) => setOpen({ kind: 'stage', stage }),
                // act never rejects: attempt.run records a failure for the error line.
                moveStage: (stage, position) => void act(async () => void (await call('journeys.moveStage', { id: stage.id, position }))),
              }}
            />
            <div className="journey-emotion">
              <div className="journey-emotion-label muted small">Satisfaction along the journey (0-100, answers and sentiments of each stage’s records)</div>
              <EChart
                option={emotionLineOption(
                  data.stages.map((s) => {
                    const m = measured?.stages.find((x) => x.journeyStageId === s.id);
                    return { name: s.name, satisfaction: m?.satisfaction ?? null, n: m?.satisfactionN ?? 0 };
                  }),
                )}
                height={130}
                label="Emotion line: mean satisfaction per stage"
                testId="emotion-line"
              />
            </div>
          </div>
        </div>
      )}

      {open?.kind === 'card' && (
        <CardDialog
          touchpoint={open.touchpoint}
          measure={measured?.touchpoints.find((t) => t.journeyTouchpointId === open.touchpoint.id)}
          scope={scope}
          onEdit={() => setOpen({ kind: 'edit', touchpoint: open.touchpoint, stageId: open.touchpoint.journeyStageId })}
          onRemove={() => removeTouchpoint(open.touchpoint)}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'edit' && <TouchpointDialog map={data} stageId={open.stageId} touchpoint={open.touchpoint} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'stage' && (
        <StageDialog mapId={data.id} stage={open.stage} onRemove={open.stage ? () => removeStage(open.stage!) : undefined} onClose={() => setOpen(undefined)} />
      )}
      {open?.kind === 'unmapped' && <UnmappedDialog map={data} counts={measured?.unmapped} scope={scope} onClose={() => setOpen(undefined)} />}
      {open?.kind === 'details' && <MapDetailsDialog map={data} onClose={() => setOpen(undefined)} />}
    </div>
  );
}
