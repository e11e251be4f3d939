import { sql } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import { LINK_SOURCES, type HandLinks, type LinkSource } from '../../../shared/contract/journeys';
import { CoreError } from '../errors';
import { touchpointOf } from './repo';
import type { Db } from '../db/schema';

// Records linked to a card by hand. Interactions carry their link in their own row
// (touchpoints.journey_touchpoint_id); tickets and survey answers in journey_links. Either way a
// record is linked to one card at most.

const TABLES = { touchpoints: 'touchpoints', tickets: 'tickets', surveyResponses: 'surveyResponses' } as const;
/** How a record of each source is named in messages. */
export const RECORD_NOUNS: Record<LinkSource, string> = { touchpoints: 'interaction', tickets: 'ticket', surveyResponses: 'survey answer' };
const BATCH = 500;

const batches = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** The cards the records are linked to now. */
async function cardsOf(db: Db, source: LinkSource, ids: readonly number[]): Promise<number[]> {
  const rows =
    source === 'touchpoints'
      ? await db.selectFrom('touchpoints').select('journeyTouchpointId as card').where('id', 'in', ids).where('journeyTouchpointId', 'is not', null).execute()
      : await db.selectFrom('journeyLinks').select('journeyTouchpointId as card').where('source', '=', source).where('recordId', 'in', ids).execute();
  return rows.map((row) => Number(row.card));
}

async function mapsOf(db: Db, cards: readonly number[]): Promise<number[]> {
  if (cards.length === 0) return [];
  const rows = await db
    .selectFrom('journeyTouchpoints as t')
    .innerJoin('journeyStages as s', 's.id', 't.journeyStageId')
    .select('s.journeyMapId')
    .distinct()
    .where('t.id', 'in', [...new Set(cards)])
    .execute();
  return rows.map((row) => Number(row.journeyMapId));
}

/**
 * Links the records to the card (or unlinks them with null) and returns how many and the maps
 * whose numbers changed: the card's and those of the cards the records leave.
 */
export async function linkRecords(db: Db, { journeyTouchpointId, source, ids }: ParsedInput<'journeys.link'>, stamp: string) {
  const unique = [...new Set(ids)];
  const noun = RECORD_NOUNS[source];
  if (journeyTouchpointId !== null) {
    const card = await touchpointOf(db, journeyTouchpointId);
    const map = await db.selectFrom('journeyMaps').select('archivedAt').where('id', '=', card.journeyMapId).executeTakeFirstOrThrow();
    if (map.archivedAt !== null) throw new CoreError('CONFLICT', `journeyTouchpointId: journey map ${card.journeyMapId} is archived: unarchive it to link records to its cards`);
  }
  const found = new Map<number, string | null>();
  for (const batch of batches(unique)) {
    for (const row of await db.selectFrom(TABLES[source]).select(['id', 'archivedAt']).where('id', 'in', batch).execute()) found.set(Number(row.id), row.archivedAt);
  }
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const message = `${noun} ${missing.join(', ')} does not exist`;
    throw new CoreError('NOT_FOUND', `ids: ${message}`, [{ path: 'ids', message }]);
  }
  // Unlinking an archived record is fine (tidying up); linking one would count nothing.
  const archived = unique.filter((id) => found.get(id) !== null);
  if (journeyTouchpointId !== null && archived.length > 0) {
    const message = `${noun} ${archived.join(', ')} is archived`;
    throw new CoreError('CONFLICT', `ids: ${message}`, [{ path: 'ids', message }]);
  }

  const left: number[] = [];
  for (const batch of batches(unique)) {
    left.push(...(await cardsOf(db, source, batch)));
    if (source === 'touchpoints') {
      await db.updateTable('touchpoints').set({ journeyTouchpointId, updatedAt: stamp }).where('id', 'in', batch).execute();
    } else if (journeyTouchpointId === null) {
      await db.deleteFrom('journeyLinks').where('source', '=', source).where('recordId', 'in', batch).execute();
    } else {
      await db
        .insertInto('journeyLinks')
        .values(batch.map((recordId) => ({ journeyTouchpointId, source, recordId, createdAt: stamp })))
        .onConflict((oc) => oc.columns(['source', 'recordId']).doUpdateSet({ journeyTouchpointId, createdAt: stamp }))
        .execute();
    }
  }
  const mapIds = await mapsOf(db, journeyTouchpointId === null ? left : [...left, journeyTouchpointId]);
  return { linked: unique.length, mapIds };
}

/** The records linked by hand to each of these cards, by source. */
export async function linksOf(db: Db, cards: readonly number[]): Promise<Map<number, HandLinks>> {
  const out = new Map<number, HandLinks>(cards.map((id) => [id, { touchpoints: [], tickets: [], surveyResponses: [] }]));
  if (cards.length === 0) return out;
  const interactions = await db
    .selectFrom('touchpoints')
    .select(['id', 'journeyTouchpointId'])
    .where('journeyTouchpointId', 'in', [...cards])
    .$narrowType<{ journeyTouchpointId: number }>()
    .execute();
  for (const row of interactions) out.get(row.journeyTouchpointId)!.touchpoints.push(row.id);
  const others = await db
    .selectFrom('journeyLinks')
    .select(['recordId', 'source', 'journeyTouchpointId'])
    .where('journeyTouchpointId', 'in', [...cards])
    .orderBy('source')
    .orderBy('recordId')
    .execute();
  for (const row of others) out.get(row.journeyTouchpointId)![row.source].push(row.recordId);
  return out;
}

/**
 * Undo of a removal: puts the card's links back. Only records still unlinked and still there go
 * back: one linked elsewhere since was the user's later choice.
 */
export async function restoreLinks(db: Db, card: number, links: HandLinks, stamp: string): Promise<void> {
  for (const source of LINK_SOURCES) {
    for (const batch of batches(links[source])) {
      if (source === 'touchpoints') {
        await db.updateTable('touchpoints').set({ journeyTouchpointId: card }).where('id', 'in', batch).where('journeyTouchpointId', 'is', null).execute();
        continue;
      }
      await db
        .insertInto('journeyLinks')
        .columns(['journeyTouchpointId', 'source', 'recordId', 'createdAt'])
        .expression(
          db
            .selectFrom(TABLES[source])
            .select([sql.val(card).as('card'), sql.val(source).as('source'), 'id', sql.val(stamp).as('stamp')])
            .where('id', 'in', batch),
        )
        .onConflict((oc) => oc.columns(['source', 'recordId']).doNothing())
        .execute();
    }
  }
}
