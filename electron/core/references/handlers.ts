import type { Output, ParsedInput } from '../../../shared/contract';
import type { TeamBudget } from '../../../shared/contract/references';
import type { Context } from '../context';
import { CoreError } from '../errors';
import { consentsOfContact, getConsent, getReference, listReferences, stageHistory, stagePaths } from './repo';
import { contactOfReference, createReference, grantConsent, moveReference, updateReference } from './service';
import { funnelOf } from './stages';
import type { ChannelsOf, Handlers } from '../handlerTypes';

/** Writes run in one transaction and announce `references.changed` for the references they touched. */
async function write<T>(ctx: Context, run: (db: Context['db'], now: string) => Promise<T>, ids: (value: T) => number[]) {
  const value = await ctx.db.transaction().execute((db) => run(db, ctx.now().toISOString()));
  ctx.emit({ name: 'references.changed', ids: ids(value) });
  return value;
}

/** The references whose standing a consent of this contact decides. */
async function referencesOfContact(db: Context['db'], contactId: number): Promise<number[]> {
  const rows = await db.selectFrom('references').select('id').where('contactId', '=', contactId).execute();
  return rows.map((row) => Number(row.id));
}

/**
 * A reference's latest requests, for its detail. Requests are built on references (a request names
 * its reference), so the requests domain provides this and the handler table passes it in
 * (requests/handlers.ts: recentRequestsForReference); references never imports requests.
 */
export type RecentRequestsOf = (ctx: Context, referenceId: number, now: Date) => Promise<Output<'references.get'>['requests']>;

/**
 * In a team, the budget warnings of these references (team/budgetWarning.ts): the team domain sits
 * above references, so the handler table passes it in, as it does requests.
 */
export type TeamBudgetsOf = (sqlite: Context['sqlite'], referenceIds: readonly number[], now: Date) => Map<number, TeamBudget>;
const noTeamBudgets: TeamBudgetsOf = () => new Map();

export const referencesHandlers = (recentRequests: RecentRequestsOf, teamBudgets: TeamBudgetsOf = noTeamBudgets) =>
  ({
    'references.list': async (input: ParsedInput<'references.list'>, ctx: Context) => {
      const page = await listReferences(ctx.db, input);
      const budgets = teamBudgets(
        ctx.sqlite,
        page.rows.map((row) => row.id),
        ctx.now(),
      );
      return { ...page, rows: page.rows.map((row) => ({ ...row, teamBudget: budgets.get(row.id) ?? null })) };
    },
    'references.get': async (input: ParsedInput<'references.get'>, ctx: Context) => {
      const now = ctx.now();
      const reference = await getReference(ctx.db, input.id);
      const [consents, history, requests] = await Promise.all([
        reference.contactId === null ? [] : consentsOfContact(ctx.db, reference.contactId, now.toISOString()),
        stageHistory(ctx.db, input.id),
        recentRequests(ctx, input.id, now),
      ]);
      return { ...reference, teamBudget: teamBudgets(ctx.sqlite, [reference.id], now).get(reference.id) ?? null, consents, history, requests };
    },
    'references.create': (input: ParsedInput<'references.create'>, ctx: Context) =>
      write(
        ctx,
        async (db, now) => getReference(db, await createReference(db, input, now)),
        (row) => [row.id],
      ),
    'references.update': (input: ParsedInput<'references.update'>, ctx: Context) =>
      write(
        ctx,
        async (db, now) => {
          await updateReference(db, input, now);
          return getReference(db, input.id);
        },
        (row) => [row.id],
      ),
    'references.archive': (input: ParsedInput<'references.archive'>, ctx: Context) =>
      write(
        ctx,
        async (db, now) => {
          const current = await getReference(db, input.id);
          // Archiving twice keeps the first date.
          if (current.archivedAt === null) {
            await db.updateTable('references').set({ archivedAt: now, updatedAt: now }).where('id', '=', input.id).execute();
          }
          return getReference(db, input.id);
        },
        (row) => [row.id],
      ),
    'references.move': (input: ParsedInput<'references.move'>, ctx: Context) =>
      write(
        ctx,
        async (db, now) => {
          await moveReference(db, input, now);
          return getReference(db, input.id);
        },
        (row) => [row.id],
      ),
    'references.funnel': async (_input: ParsedInput<'references.funnel'>, ctx: Context) => funnelOf(await stagePaths(ctx.db)),
    'references.consents': async (input: ParsedInput<'references.consents'>, ctx: Context) => {
      const { contactId, contactName } = await contactOfReference(ctx.db, input.referenceId);
      const at = input.at ?? ctx.now().toISOString();
      return { contactId, contactName, consents: contactId === null ? [] : await consentsOfContact(ctx.db, contactId, at) };
    },
    'references.grantConsent': async (input: ParsedInput<'references.grantConsent'>, ctx: Context) => {
      let affected: number[] = [];
      const consent = await write(
        ctx,
        async (db, now) => {
          const granted = await getConsent(db, await grantConsent(db, input, now), now);
          affected = await referencesOfContact(db, granted.contactId);
          return granted;
        },
        () => affected,
      );
      return consent;
    },
    'references.revokeConsent': async (input: ParsedInput<'references.revokeConsent'>, ctx: Context) => {
      let affected: number[] = [];
      return write(
        ctx,
        async (db, now) => {
          const current = await getConsent(db, input.id, now);
          if (current.revokedAt !== null) throw new CoreError('CONFLICT', `consent ${input.id} was already revoked on ${current.revokedAt}`);
          const at = input.at ?? now;
          if (at < current.grantedAt)
            throw new CoreError('BAD_INPUT', 'at: a consent cannot be revoked before it was granted', [{ path: 'at', message: 'is before the consent was granted' }]);
          await db.updateTable('consents').set({ revokedAt: at, updatedAt: now }).where('id', '=', input.id).execute();
          affected = await referencesOfContact(db, current.contactId);
          return getConsent(db, input.id, now);
        },
        () => affected,
      );
    },
  }) satisfies Handlers<ChannelsOf<'references'>>;
