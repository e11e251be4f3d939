import { matchRule as matchRuleSchema, target as targetSchema, type JourneyMap, type JourneyTouchpoint, type MatchRule, type Target } from '../../../shared/contract/journeys';
import type { Selectable, Updateable } from 'kysely';
import { CoreError, notFound } from '../errors';
import type { Db, JourneyTouchpointsTable } from '../db/schema';

// The only queries of journey maps, stages and touchpoints (Kysely, camelCase names).

export type TouchpointRow = Selectable<JourneyTouchpointsTable>;

export type TouchpointFields = Partial<Pick<JourneyTouchpoint, 'name' | 'channel' | 'ownerTeam' | 'lane' | 'isMomentOfTruth' | 'idealExperience' | 'target' | 'matchRule'>>;

/** A rule or target stored by an older version that this one does not know reads as none, not as an error. */
function decodeRule(json: string): MatchRule | null {
  const parsed = matchRuleSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
function decodeTarget(row: Pick<TouchpointRow, 'targetMetric' | 'targetOperator' | 'targetValue'>): Target | null {
  const parsed = targetSchema.safeParse({ metric: row.targetMetric, operator: row.targetOperator, value: row.targetValue });
  return parsed.success ? parsed.data : null;
}

export function decodeTouchpoint(row: TouchpointRow): JourneyTouchpoint {
  return {
    id: row.id,
    journeyStageId: row.journeyStageId,
    position: row.position,
    name: row.name,
    channel: row.channel,
    ownerTeam: row.ownerTeam,
    lane: row.lane,
    isMomentOfTruth: row.isMomentOfTruth === 1,
    idealExperience: row.idealExperience,
    target: decodeTarget(row),
    matchRule: decodeRule(row.matchRule),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** API fields -> columns, for the fields present. */
export function encodeTouchpoint(fields: TouchpointFields): Updateable<JourneyTouchpointsTable> {
  const out: Updateable<JourneyTouchpointsTable> = {};
  if (fields.name !== undefined) out.name = fields.name;
  if (fields.channel !== undefined) out.channel = fields.channel;
  if (fields.ownerTeam !== undefined) out.ownerTeam = fields.ownerTeam;
  if (fields.lane !== undefined) out.lane = fields.lane;
  if (fields.idealExperience !== undefined) out.idealExperience = fields.idealExperience;
  if (fields.isMomentOfTruth !== undefined) out.isMomentOfTruth = fields.isMomentOfTruth ? 1 : 0;
  if (fields.target !== undefined) {
    out.targetMetric = fields.target?.metric ?? null;
    out.targetOperator = fields.target?.operator ?? null;
    out.targetValue = fields.target?.value ?? null;
  }
  if (fields.matchRule !== undefined) out.matchRule = JSON.stringify(fields.matchRule ?? {});
  return out;
}

const mapColumns = ['m.id', 'm.personaId', 'p.name as personaName', 'm.name', 'm.description', 'm.createdAt', 'm.updatedAt', 'm.archivedAt'] as const;

export async function listMaps(db: Db, includeArchived: boolean) {
  let query = db
    .selectFrom('journeyMaps as m')
    .leftJoin('personas as p', 'p.id', 'm.personaId')
    .select([...mapColumns])
    .select((eb) => [
      eb
        .selectFrom('journeyStages as s')
        .whereRef('s.journeyMapId', '=', 'm.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('stageCount'),
      eb
        .selectFrom('journeyTouchpoints as t')
        .innerJoin('journeyStages as s', 's.id', 't.journeyStageId')
        .whereRef('s.journeyMapId', '=', 'm.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('touchpointCount'),
    ])
    .orderBy('m.name')
    .orderBy('m.id');
  if (!includeArchived) query = query.where('m.archivedAt', 'is', null);
  return (await query.execute()).map((row) => ({ ...row, stageCount: Number(row.stageCount), touchpointCount: Number(row.touchpointCount) }));
}

export async function loadMap(db: Db, id: number): Promise<JourneyMap> {
  const map = await db
    .selectFrom('journeyMaps as m')
    .leftJoin('personas as p', 'p.id', 'm.personaId')
    .select([...mapColumns])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!map) throw notFound('journey map', id);
  const stages = await db.selectFrom('journeyStages').selectAll().where('journeyMapId', '=', id).orderBy('position').orderBy('id').execute();
  const touchpoints =
    stages.length === 0
      ? []
      : await db
          .selectFrom('journeyTouchpoints')
          .selectAll()
          .where(
            'journeyStageId',
            'in',
            stages.map((s) => s.id),
          )
          .orderBy('position')
          .orderBy('id')
          .execute();
  const full = stages.map((stage) => ({
    id: stage.id,
    journeyMapId: stage.journeyMapId,
    position: stage.position,
    name: stage.name,
    description: stage.description,
    createdAt: stage.createdAt,
    updatedAt: stage.updatedAt,
    touchpoints: touchpoints.filter((t) => t.journeyStageId === stage.id).map(decodeTouchpoint),
  }));
  return { ...map, stages: full, stageCount: full.length, touchpointCount: touchpoints.length };
}

export async function stageOf(db: Db, id: number) {
  const stage = await db.selectFrom('journeyStages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!stage) throw notFound('journey stage', id);
  return stage;
}

export async function touchpointOf(db: Db, id: number) {
  const row = await db
    .selectFrom('journeyTouchpoints as t')
    .innerJoin('journeyStages as s', 's.id', 't.journeyStageId')
    .selectAll('t')
    .select('s.journeyMapId')
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('journey touchpoint', id);
  return row;
}

export async function checkPersona(db: Db, personaId: number | null | undefined): Promise<void> {
  if (personaId === null || personaId === undefined) return;
  const found = await db.selectFrom('personas').select('id').where('id', '=', personaId).executeTakeFirst();
  if (!found) throw new CoreError('NOT_FOUND', `personaId: persona ${personaId} does not exist`, [{ path: 'personaId', message: `persona ${personaId} does not exist` }]);
}

export async function touchMap(db: Db, id: number, stamp: string): Promise<void> {
  await db.updateTable('journeyMaps').set({ updatedAt: stamp }).where('id', '=', id).execute();
}

/** Renumbers positions 1..n in the given order. */
export async function renumber(db: Db, table: 'journeyStages' | 'journeyTouchpoints', ids: readonly number[]): Promise<void> {
  for (const [index, id] of ids.entries())
    await db
      .updateTable(table)
      .set({ position: index + 1 })
      .where('id', '=', id)
      .execute();
}

export async function insertTouchpoint(
  db: Db,
  stageId: number,
  position: number,
  fields: TouchpointFields & Pick<JourneyTouchpoint, 'name'>,
  stamp: string,
  id?: number,
): Promise<number> {
  const row = await db
    .insertInto('journeyTouchpoints')
    .values({ ...(id ? { id } : {}), journeyStageId: stageId, position, ...encodeTouchpoint(fields), name: fields.name, createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertStage(db: Db, mapId: number, position: number, name: string, description: string | null, stamp: string, id?: number): Promise<number> {
  const row = await db
    .insertInto('journeyStages')
    .values({ ...(id ? { id } : {}), journeyMapId: mapId, position, name, description, createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
