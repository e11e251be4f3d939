import type { ParsedInput } from '../../../shared/contract';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { runJob } from '../lib/jobs';
import * as edit from './edit';
import { journeyInputsAsJob } from './inputs';
import { measureMap } from './measure';
import { linkRecords } from './links';
import { recordsOf, unmappedRecords } from './records';
import { listMaps, loadMap, touchpointOf } from './repo';
import { resolveScope } from './scope';
import type { ChannelsOf, Handlers } from '../handlerTypes';

type Db = Context['db'];

/** One write in one transaction; the map's `journeys.changed` goes out after the commit. */
async function write(ctx: Context, run: (db: Db, stamp: string) => Promise<number>) {
  const stamp = ctx.now().toISOString();
  const map = await ctx.db.transaction().execute(async (db) => edit.touchAndLoad(db, await run(db, stamp), stamp));
  ctx.emit({ name: 'journeys.changed', ids: [map.id] });
  return map;
}

/** A removal: the map as it is now and what was removed, for undo. */
async function remove(ctx: Context, run: (db: Db) => Promise<{ mapId: number; removed: ParsedInput<'journeys.restore'> }>) {
  const stamp = ctx.now().toISOString();
  const result = await ctx.db.transaction().execute(async (db) => {
    const { mapId, removed } = await run(db);
    return { map: await edit.touchAndLoad(db, mapId, stamp), removed };
  });
  ctx.emit({ name: 'journeys.changed', ids: [result.map.id] });
  return result;
}

export const journeysHandlers = {
  'journeys.list': (input: ParsedInput<'journeys.list'>, ctx: Context) => listMaps(ctx.db, input.includeArchived),
  'journeys.get': (input: ParsedInput<'journeys.get'>, ctx: Context) => loadMap(ctx.db, input.id),
  'journeys.create': (input: ParsedInput<'journeys.create'>, ctx: Context) => write(ctx, (db, stamp) => edit.createMap(db, input, stamp)),
  'journeys.update': (input: ParsedInput<'journeys.update'>, ctx: Context) => write(ctx, (db, stamp) => edit.updateMap(db, input, stamp)),
  'journeys.duplicate': (input: ParsedInput<'journeys.duplicate'>, ctx: Context) => write(ctx, (db, stamp) => edit.duplicateMap(db, input, stamp)),
  'journeys.archive': (input: ParsedInput<'journeys.archive'>, ctx: Context) => write(ctx, (db, stamp) => edit.setMapArchived(db, input.id, true, stamp)),
  'journeys.unarchive': (input: ParsedInput<'journeys.unarchive'>, ctx: Context) => write(ctx, (db, stamp) => edit.setMapArchived(db, input.id, false, stamp)),
  'journeys.addStage': (input: ParsedInput<'journeys.addStage'>, ctx: Context) => write(ctx, (db, stamp) => edit.addStage(db, input, stamp)),
  'journeys.updateStage': (input: ParsedInput<'journeys.updateStage'>, ctx: Context) => write(ctx, (db, stamp) => edit.updateStage(db, input, stamp)),
  'journeys.moveStage': (input: ParsedInput<'journeys.moveStage'>, ctx: Context) => write(ctx, (db) => edit.moveStage(db, input)),
  'journeys.removeStage': (input: ParsedInput<'journeys.removeStage'>, ctx: Context) => remove(ctx, (db) => edit.removeStage(db, input.id)),
  'journeys.addTouchpoint': (input: ParsedInput<'journeys.addTouchpoint'>, ctx: Context) => write(ctx, (db, stamp) => edit.addTouchpoint(db, input, stamp)),
  'journeys.updateTouchpoint': (input: ParsedInput<'journeys.updateTouchpoint'>, ctx: Context) => write(ctx, (db, stamp) => edit.updateTouchpoint(db, input, stamp)),
  'journeys.removeTouchpoint': (input: ParsedInput<'journeys.removeTouchpoint'>, ctx: Context) => remove(ctx, (db) => edit.removeTouchpoint(db, input.id)),
  'journeys.restore': (input: ParsedInput<'journeys.restore'>, ctx: Context) => write(ctx, (db, stamp) => edit.restore(db, input, stamp)),

  'journeys.link': async (input: ParsedInput<'journeys.link'>, ctx: Context) => {
    const stamp = ctx.now().toISOString();
    const { linked, mapIds } = await ctx.db.transaction().execute((db) => linkRecords(db, input, stamp));
    // An interaction's link is a field of the interaction; the other sources' links are the map's own rows.
    if (input.source === 'touchpoints') ctx.emit({ name: 'touchpoints.changed', ids: input.ids });
    ctx.emit({ name: 'journeys.changed', ids: mapIds });
    return { linked };
  },

  'journeys.measure': (input: ParsedInput<'journeys.measure'>, ctx: Context) =>
    // A job (progress, cancel) from its first line: a cold read of the inputs takes seconds on a large
    // workspace, and a measure queued behind another channel's work can be cancelled before it reads.
    runJob(ctx, 'journeys.measure', 'the map was not measured', async (job) => {
      const map = await loadMap(ctx.db, input.id);
      const scope = resolveScope(input, ctx.now());
      const resolutionTimes = map.stages.some((s) => s.touchpoints.some((t) => t.matchRule?.source === 'tickets' && t.target?.metric === 'resolution_hours'));
      // exclusive holds the connection across the job's turns, so every input is read from one state.
      const measured = await exclusive(ctx, async (sqlite) => {
        job.check();
        return measureMap(map, await journeyInputsAsJob(sqlite, job, resolutionTimes), scope.measure);
      });
      return { ...measured, scope: { from: scope.from, to: scope.to, segment: scope.segment } };
    }),
  'journeys.records': async (input: ParsedInput<'journeys.records'>, ctx: Context) => {
    const row = await touchpointOf(ctx.db, input.journeyTouchpointId);
    const map = await loadMap(ctx.db, row.journeyMapId);
    const touchpoints = map.stages.flatMap((s) => s.touchpoints);
    const touchpoint = touchpoints.find((t) => t.id === input.journeyTouchpointId)!;
    return exclusive(ctx, (sqlite) =>
      recordsOf(
        sqlite,
        touchpoint,
        touchpoints.map((t) => t.id),
        resolveScope(input, ctx.now()),
        input.limit,
      ),
    );
  },
  'journeys.unmapped': async (input: ParsedInput<'journeys.unmapped'>, ctx: Context) => {
    const map = await loadMap(ctx.db, input.id);
    return exclusive(ctx, (sqlite) =>
      unmappedRecords(
        sqlite,
        input.source,
        map.stages.flatMap((s) => s.touchpoints),
        resolveScope(input, ctx.now()),
        input.limit,
      ),
    );
  },
} satisfies Handlers<ChannelsOf<'journeys'>>;
