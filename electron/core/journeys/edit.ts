import type { ParsedInput } from '../../../shared/contract';
import type { RemovedPart } from '../../../shared/contract/journeys';
import { CoreError } from '../errors';
import { checkPersona, insertStage, insertTouchpoint, loadMap, renumber, stageOf, touchMap, touchpointOf, encodeTouchpoint } from './repo';
import { linksOf, restoreLinks } from './links';
import { templateStages } from './templates';
import type { Db } from '../db/schema';

// The writes of the journeys domain, each inside the caller's transaction. Each returns the id of
// the map it changed, so the handler can announce it and return the map as it is now.

export async function createMap(db: Db, input: ParsedInput<'journeys.create'>, stamp: string): Promise<number> {
  await checkPersona(db, input.personaId);
  const map = await db
    .insertInto('journeyMaps')
    .values({ personaId: input.personaId ?? null, name: input.name, description: input.description ?? null, createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mapId = Number(map.id);
  for (const [s, stage] of templateStages(input.template).entries()) {
    const stageId = await insertStage(db, mapId, s + 1, stage.name, null, stamp);
    for (const [t, touchpoint] of stage.touchpoints.entries()) await insertTouchpoint(db, stageId, t + 1, touchpoint, stamp);
  }
  return mapId;
}

export async function updateMap(db: Db, { id, ...patch }: ParsedInput<'journeys.update'>, stamp: string): Promise<number> {
  await loadMap(db, id);
  await checkPersona(db, patch.personaId);
  await db
    .updateTable('journeyMaps')
    .set({ ...patch, updatedAt: stamp })
    .where('id', '=', id)
    .execute();
  return id;
}

/** A copy of the map with its stages and touchpoints (rules and targets included, hand-made links not). */
export async function duplicateMap(db: Db, input: ParsedInput<'journeys.duplicate'>, stamp: string): Promise<number> {
  const source = await loadMap(db, input.id);
  const map = await db
    .insertInto('journeyMaps')
    .values({ personaId: source.personaId, name: input.name ?? `${source.name} (copy)`, description: source.description, createdAt: stamp, updatedAt: stamp })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const stage of source.stages) {
    const stageId = await insertStage(db, Number(map.id), stage.position, stage.name, stage.description, stamp);
    for (const touchpoint of stage.touchpoints) await insertTouchpoint(db, stageId, touchpoint.position, touchpoint, stamp);
  }
  return Number(map.id);
}

export async function setMapArchived(db: Db, id: number, archived: boolean, stamp: string): Promise<number> {
  const map = await loadMap(db, id);
  if ((map.archivedAt !== null) !== archived)
    await db
      .updateTable('journeyMaps')
      .set({ archivedAt: archived ? stamp : null, updatedAt: stamp })
      .where('id', '=', id)
      .execute();
  return id;
}

const stageIdsOf = async (db: Db, mapId: number) =>
  (await db.selectFrom('journeyStages').select('id').where('journeyMapId', '=', mapId).orderBy('position').orderBy('id').execute()).map((r) => Number(r.id));
const touchpointIdsOf = async (db: Db, stageId: number) =>
  (await db.selectFrom('journeyTouchpoints').select('id').where('journeyStageId', '=', stageId).orderBy('position').orderBy('id').execute()).map((r) => Number(r.id));

/** Puts `id` at the 1-based `position` of `ids` (clamped), keeping the others' order. */
export function placeAt(ids: readonly number[], id: number, position: number): number[] {
  const rest = ids.filter((other) => other !== id);
  const at = Math.min(Math.max(position, 1), rest.length + 1) - 1;
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

export async function addStage(db: Db, input: ParsedInput<'journeys.addStage'>, stamp: string): Promise<number> {
  await loadMap(db, input.journeyMapId);
  const ids = await stageIdsOf(db, input.journeyMapId);
  const id = await insertStage(db, input.journeyMapId, ids.length + 1, input.name, input.description ?? null, stamp);
  await renumber(db, 'journeyStages', placeAt([...ids, id], id, input.position ?? ids.length + 1));
  return input.journeyMapId;
}

export async function updateStage(db: Db, { id, ...patch }: ParsedInput<'journeys.updateStage'>, stamp: string): Promise<number> {
  const stage = await stageOf(db, id);
  await db
    .updateTable('journeyStages')
    .set({ ...patch, updatedAt: stamp })
    .where('id', '=', id)
    .execute();
  return Number(stage.journeyMapId);
}

export async function moveStage(db: Db, input: ParsedInput<'journeys.moveStage'>): Promise<number> {
  const stage = await stageOf(db, input.id);
  const mapId = Number(stage.journeyMapId);
  await renumber(db, 'journeyStages', placeAt(await stageIdsOf(db, mapId), input.id, input.position));
  return mapId;
}

/** What removing these touchpoints (and the stage) takes away, for undo. */
async function snapshot(db: Db, stage: RemovedPart['stage'], touchpointRows: readonly { id: number; journeyMapId: number }[]): Promise<RemovedPart> {
  const map = stage ? await loadMap(db, stage.journeyMapId) : null;
  const decoded = map
    ? map.stages.find((s) => s.id === stage!.id)!.touchpoints
    : (await loadMap(db, touchpointRows[0]!.journeyMapId)).stages.flatMap((s) => s.touchpoints).filter((t) => touchpointRows.some((r) => r.id === t.id));
  const links = await linksOf(
    db,
    decoded.map((t) => t.id),
  );
  return {
    stage,
    touchpoints: decoded.map((t) => ({
      id: t.id,
      journeyStageId: t.journeyStageId,
      position: t.position,
      name: t.name,
      channel: t.channel,
      ownerTeam: t.ownerTeam,
      lane: t.lane,
      isMomentOfTruth: t.isMomentOfTruth,
      idealExperience: t.idealExperience,
      target: t.target,
      matchRule: t.matchRule,
      links: links.get(t.id)!,
    })),
  };
}

export async function removeStage(db: Db, id: number): Promise<{ mapId: number; removed: RemovedPart }> {
  const stage = await stageOf(db, id);
  const mapId = Number(stage.journeyMapId);
  const removed = await snapshot(db, { id, journeyMapId: mapId, position: stage.position, name: stage.name, description: stage.description }, []);
  await db.deleteFrom('journeyStages').where('id', '=', id).execute();
  await renumber(db, 'journeyStages', await stageIdsOf(db, mapId));
  return { mapId, removed };
}

export async function removeTouchpoint(db: Db, id: number): Promise<{ mapId: number; removed: RemovedPart }> {
  const row = await touchpointOf(db, id);
  const removed = await snapshot(db, null, [row]);
  await db.deleteFrom('journeyTouchpoints').where('id', '=', id).execute();
  await renumber(db, 'journeyTouchpoints', await touchpointIdsOf(db, Number(row.journeyStageId)));
  return { mapId: row.journeyMapId, removed };
}

/** Undo of a removal: the same ids, positions and hand-made links as before. */
export async function restore(db: Db, removed: RemovedPart, stamp: string): Promise<number> {
  let mapId: number;
  if (removed.stage) {
    const { stage } = removed;
    await loadMap(db, stage.journeyMapId);
    const ids = await stageIdsOf(db, stage.journeyMapId);
    if (ids.includes(stage.id)) throw new CoreError('CONFLICT', `stage ${stage.id} is already on the map`);
    await insertStage(db, stage.journeyMapId, ids.length + 1, stage.name, stage.description, stamp, stage.id);
    await renumber(db, 'journeyStages', placeAt([...ids, stage.id], stage.id, stage.position));
    mapId = stage.journeyMapId;
  } else {
    const first = removed.touchpoints[0];
    if (!first) throw new CoreError('BAD_INPUT', 'nothing to restore');
    mapId = Number((await stageOf(db, first.journeyStageId)).journeyMapId);
  }
  for (const touchpoint of removed.touchpoints) {
    const { id, journeyStageId, position, links, ...fields } = touchpoint;
    if (removed.stage && journeyStageId !== removed.stage.id) throw new CoreError('BAD_INPUT', `touchpoint ${id} is not in the restored stage`);
    const stage = await stageOf(db, journeyStageId);
    if (Number(stage.journeyMapId) !== mapId) throw new CoreError('BAD_INPUT', `touchpoint ${id} belongs to another map`);
    const exists = await db.selectFrom('journeyTouchpoints').select('id').where('id', '=', id).executeTakeFirst();
    if (exists) throw new CoreError('CONFLICT', `touchpoint ${id} is already on the map`);
    const siblings = await touchpointIdsOf(db, journeyStageId);
    await insertTouchpoint(db, journeyStageId, siblings.length + 1, fields, stamp, id);
    await renumber(db, 'journeyTouchpoints', placeAt([...siblings, id], id, position));
    await restoreLinks(db, id, links, stamp);
  }
  return mapId;
}

export async function addTouchpoint(db: Db, { journeyStageId, ...fields }: ParsedInput<'journeys.addTouchpoint'>, stamp: string): Promise<number> {
  const stage = await stageOf(db, journeyStageId);
  const siblings = await touchpointIdsOf(db, journeyStageId);
  await insertTouchpoint(db, journeyStageId, siblings.length + 1, fields, stamp);
  return Number(stage.journeyMapId);
}

export async function updateTouchpoint(db: Db, { id, journeyStageId, position, ...fields }: ParsedInput<'journeys.updateTouchpoint'>, stamp: string): Promise<number> {
  const row = await touchpointOf(db, id);
  const values = encodeTouchpoint(fields);
  if (Object.keys(values).length > 0)
    await db
      .updateTable('journeyTouchpoints')
      .set({ ...values, updatedAt: stamp })
      .where('id', '=', id)
      .execute();
  const from = Number(row.journeyStageId);
  const to = journeyStageId ?? from;
  if (to !== from) {
    const target = await stageOf(db, to);
    if (Number(target.journeyMapId) !== row.journeyMapId)
      throw new CoreError('BAD_INPUT', 'journeyStageId: a touchpoint moves only between stages of its own map', [{ path: 'journeyStageId', message: 'is a stage of another map' }]);
    await db.updateTable('journeyTouchpoints').set({ journeyStageId: to }).where('id', '=', id).execute();
    await renumber(db, 'journeyTouchpoints', await touchpointIdsOf(db, from));
  }
  if (to !== from || position !== undefined) {
    const ids = await touchpointIdsOf(db, to);
    await renumber(db, 'journeyTouchpoints', placeAt(ids, id, position ?? ids.length));
  }
  return row.journeyMapId;
}

export async function touchAndLoad(db: Db, mapId: number, stamp: string) {
  await touchMap(db, mapId, stamp);
  return loadMap(db, mapId);
}
