import type Database from 'better-sqlite3';
import { type JourneyMap, type TargetMetric } from '../../../shared/contract/journeys';
import { CES_SCALE } from '../metrics/ces';
import { stmt } from '../db/sql';
import { accountJourneyInputs, type JourneyInputs } from './inputs';
import { measureMap, type MeasureScope } from './measure';
import { decodeTouchpoint, type TouchpointRow } from './repo';
import { addResolutionTimesOfAccounts, loadTicketCellsOfAccounts } from './ticketCells';

/** The touchpoints of every map in use, grouped into maps (rules depend on the whole map: hand-made links). Exported for the at-risk list's findings (accounts/atRisk.ts). */
export function mapsInUse(sqlite: Database.Database): JourneyMap[] {
  const rows = stmt<TouchpointRow & { mapId: number; mapName: string; stageName: string }>(
    sqlite,
    `SELECT t.id, t.journey_stage_id AS journeyStageId, t.position, t.name, t.channel, t.owner_team AS ownerTeam, t.lane,
      t.is_moment_of_truth AS isMomentOfTruth, t.ideal_experience AS idealExperience, t.target_metric AS targetMetric,
      t.target_operator AS targetOperator, t.target_value AS targetValue, t.match_rule AS matchRule, t.created_at AS createdAt, t.updated_at AS updatedAt,
      s.journey_map_id AS mapId, m.name AS mapName, s.name AS stageName
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
    if (!stage) map.stages.push((stage = { id: row.journeyStageId, name: row.stageName, touchpoints: [] } as unknown as JourneyMap['stages'][number]));
    stage.touchpoints.push(decodeTouchpoint(row));
  }
  return [...maps.values()];
}

/** The scale a target metric's value is read on, where it has one (durations and counts have none). */
export function targetScale(metric: TargetMetric): { min: number; max: number } | null {
  switch (metric) {
    case 'csat':
      return { min: 1, max: 5 };
    case 'ces':
      return { min: CES_SCALE.min, max: CES_SCALE.max };
    case 'nps':
      return { min: -100, max: 100 };
    case 'sentiment':
      return { min: -2, max: 2 };
    case 'on_time_go_live_pct':
    case 'adoption_pct':
      return { min: 0, max: 100 };
    default:
      return null;
  }
}

/**
 * A moment of truth an account lived below its target, as data (which card in which stage, the
 * metric, what was measured against the promise, on which scale): health's reasons word it
 * (health/reasons.ts), as they word every other reason, so no screen shows rule text.
 */
export interface MomentFinding {
  kind: 'momentOfTruth';
  stage: string;
  name: string;
  metric: TargetMetric;
  operator: '>=' | '<=';
  target: number;
  actual: number;
  n: number;
  scale: { min: number; max: number } | null;
}

/** The maps in use that have a moment-of-truth card with a target: the only ones that can give a reason. */
const mapsWithMoments = (sqlite: Database.Database) => mapsInUse(sqlite).filter((map) => map.stages.some((s) => s.touchpoints.some((t) => t.isMomentOfTruth && t.target)));

/**
 * The moments of truth this account lived below their target in the period, worst first: each
 * map's moment-of-truth cards measured on the account's own records.
 */
export function momentFindingsOfAccount(sqlite: Database.Database, accountId: number, scope: MeasureScope): MomentFinding[] {
  const maps = mapsWithMoments(sqlite);
  return maps.length === 0 ? [] : belowTarget(maps, accountJourneyInputs(sqlite, accountId), scope);
}

/**
 * momentFindingsOfAccount for each of a few accounts (the dashboard's at-risk list), with the
 * maps read once and the tickets of all of them read in one pass rather than one read per account.
 */
export function momentFindingsOfAccounts(sqlite: Database.Database, accountIds: readonly number[], scope: MeasureScope): Map<number, MomentFinding[]> {
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

function belowTarget(maps: readonly JourneyMap[], inputs: JourneyInputs, scope: MeasureScope): MomentFinding[] {
  const found = new Map<string, { finding: MomentFinding; severity: number }>();
  for (const map of maps) {
    const measured = measureMap(map, inputs, { ...scope, segment: null });
    for (const stage of map.stages) {
      for (const touchpoint of stage.touchpoints) {
        if (!touchpoint.isMomentOfTruth || !touchpoint.target) continue;
        const result = measured.touchpoints.find((m) => m.journeyTouchpointId === touchpoint.id)!;
        if (result.actual === null || (result.verdict !== 'missed' && result.verdict !== 'near')) continue;
        const { metric, operator, value } = touchpoint.target;
        const finding: MomentFinding = {
          kind: 'momentOfTruth',
          stage: stage.name,
          name: touchpoint.name,
          metric,
          operator,
          target: value,
          actual: result.actual,
          n: result.n,
          scale: targetScale(metric),
        };
        // Worst first: missed before near, then by the gap relative to the promise.
        const severity = (result.verdict === 'missed' ? -1000 : 0) + result.gap! / Math.max(Math.abs(value), 0.1);
        // Maps drawn for different personas often share a card: one finding for the same card, promise and measure.
        const key = `${touchpoint.name}|${metric}|${operator}|${value}|${result.actual}|${result.n}`;
        if (!found.has(key) || found.get(key)!.severity > severity) found.set(key, { finding, severity });
      }
    }
  }
  return [...found.values()].sort((x, y) => x.severity - y.severity).map((f) => f.finding);
}
