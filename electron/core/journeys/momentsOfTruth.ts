import type Database from 'better-sqlite3';
import { TARGET_METRICS, type JourneyMap, type TouchpointMeasure } from '../../../shared/contract/journeys';
import { stmt } from '../db/sql';
import { accountJourneyInputs, type JourneyInputs } from './inputs';
import { measureMap, type MeasureScope } from './measure';
import { decodeTouchpoint, type TouchpointRow } from './repo';
import { addResolutionTimesOfAccounts, loadTicketCellsOfAccounts } from './ticketCells';

/** The touchpoints of every map in use, grouped into maps (rules depend on the whole map: hand-made links). Exported for the at-risk list's findings (accounts/atRisk.ts). */
export function mapsInUse(sqlite: Database.Database): JourneyMap[] {
  const rows = stmt<TouchpointRow & { mapId: number; mapName: string }>(
    sqlite,
    `SELECT t.id, t.journey_stage_id AS journeyStageId, t.position, t.name, t.channel, t.owner_team AS ownerTeam, t.lane,
      t.is_moment_of_truth AS isMomentOfTruth, t.ideal_experience AS idealExperience, t.target_metric AS targetMetric,
      t.target_operator AS targetOperator, t.target_value AS targetValue, t.match_rule AS matchRule, t.created_at AS createdAt, t.updated_at AS updatedAt,
      s.journey_map_id AS mapId, m.name AS mapName
    FROM journey_touchpoints t JOIN journey_stages s ON s.id = t.journey_stage_id JOIN journey_maps m ON m.id = s.journey_map_id
    WHERE m.archived_at IS NULL ORDER BY m.id, s.position, t.position`,
  ).all();
  const maps = new Map<number, JourneyMap>();
  for (const row of rows) {
    let map = maps.get(row.mapId);
    if (!map) {
      map = { id: row.mapId, name: row.mapName, stages: [] } as unknown as JourneyMap;
      maps.set(row.mapId, map);
    }
    let stage = map.stages.find((s) => s.id === row.journeyStageId);
    if (!stage) map.stages.push((stage = { id: row.journeyStageId, touchpoints: [] } as unknown as JourneyMap['stages'][number]));
    stage.touchpoints.push(decodeTouchpoint(row));
  }
  return [...maps.values()];
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(1));

/** "Moment of truth below target: Open a ticket 6.2 h vs ≤ 4 h (n 5)": short enough for the at-risk list's column. */
export function momentOfTruthReason(
  name: string,
  measure: Pick<TouchpointMeasure, 'actual' | 'n'>,
  target: { metric: keyof typeof TARGET_METRICS; operator: '>=' | '<='; value: number },
): string {
  const { unit } = TARGET_METRICS[target.metric];
  const withUnit = (value: number) => `${formatNumber(value)}${unit === '%' ? ' %' : unit ? ` ${unit}` : ''}`;
  return `Moment of truth below target: ${name} ${withUnit(measure.actual!)} vs ${target.operator === '>=' ? '≥' : '≤'} ${withUnit(target.value)} (n ${measure.n})`;
}

/** The maps in use that have a moment-of-truth card with a target: the only ones that can give a reason. */
const mapsWithMoments = (sqlite: Database.Database) => mapsInUse(sqlite).filter((map) => map.stages.some((s) => s.touchpoints.some((t) => t.isMomentOfTruth && t.target)));

/**
 * The moments of truth this account experienced below their target in the period: each map's
 * moment-of-truth cards measured on the account's own records.
 */
export function momentsOfTruthBelowTarget(sqlite: Database.Database, accountId: number, scope: MeasureScope): string[] {
  const maps = mapsWithMoments(sqlite);
  return maps.length === 0 ? [] : belowTarget(maps, accountJourneyInputs(sqlite, accountId), scope);
}

/**
 * momentsOfTruthBelowTarget for each of a few accounts (the dashboard's at-risk list), with the
 * maps read once and the tickets of all of them read in one pass rather than one read per account.
 */
export function momentsOfTruthOfAccounts(sqlite: Database.Database, accountIds: readonly number[], scope: MeasureScope): Map<number, string[]> {
  const maps = mapsWithMoments(sqlite);
  if (maps.length === 0 || accountIds.length === 0) return new Map(accountIds.map((id) => [id, []]));
  const cells = loadTicketCellsOfAccounts(sqlite, accountIds);
  let resolved = false;
  // The first card that measures resolution times fills them for every listed account at once.
  const loadResolutionTimes = () => {
    if (!resolved) addResolutionTimesOfAccounts(sqlite, cells);
    resolved = true;
  };
  return new Map(accountIds.map((id) => [id, belowTarget(maps, accountJourneyInputs(sqlite, id, { tickets: cells.get(id)!, loadResolutionTimes }), scope)]));
}

function belowTarget(maps: readonly JourneyMap[], inputs: JourneyInputs, scope: MeasureScope): string[] {
  const found: { text: string; severity: number }[] = [];
  for (const map of maps) {
    const measured = measureMap(map, inputs, { ...scope, segment: null });
    for (const touchpoint of map.stages.flatMap((s) => s.touchpoints)) {
      if (!touchpoint.isMomentOfTruth || !touchpoint.target) continue;
      const result = measured.touchpoints.find((m) => m.journeyTouchpointId === touchpoint.id)!;
      if (result.verdict !== 'missed' && result.verdict !== 'near') continue;
      // Worst first: missed before near, then by the gap relative to the promise.
      const relativeGap = result.gap! / Math.max(Math.abs(touchpoint.target.value), 0.1);
      found.push({ text: momentOfTruthReason(touchpoint.name, result, touchpoint.target), severity: (result.verdict === 'missed' ? -1000 : 0) + relativeGap });
    }
  }
  // Maps drawn for different personas often share a card: one line for the same finding.
  return [...new Set(found.sort((x, y) => x.severity - y.severity).map((f) => f.text))];
}
