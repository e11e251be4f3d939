import type { Context } from '../context';
import type { Row } from '../crud/table';
import { recordArrChange } from '../metrics/arrHistory';
import { refreshAccountHealth } from '../health/service';
import { moveAccountRollups, refreshAccountRollups } from '../metrics/rollups/incremental';
import { currentClock } from '../metrics/rollups/state';
import { logChange } from '../metrics/changeLog';
import type { TicketChange } from '../journeys/liveTickets';
import { ticketContribution, type TicketFields } from '../journeys/ticketCells';
import { runRulesAfterWrite } from '../ctas/hooks';
import { keepAccountHistory } from '../churn/kept';

// What a write does to derived data, inside its transaction (TableSpec.afterWrite).

const accountsOf = (before: Row | null, after: Row) => new Set([before?.accountId, after.accountId].filter((id): id is number => typeof id === 'number'));

/** A ticket, survey answer or touchpoint was written: its account's (or both accounts') rollups and health. */
export function activityWritten(ctx: Context, { before, after }: { before: Row | null; after: Row }): void {
  const clock = currentClock(ctx.sqlite);
  for (const accountId of accountsOf(before, after)) {
    refreshAccountRollups(ctx.sqlite, accountId, clock);
    refreshAccountHealth(ctx.sqlite, accountId, ctx.now());
    // The churn model's kept history (churn/kept.ts): this account's dated rows, rewritten.
    keepAccountHistory(ctx.sqlite, accountId);
  }
  // Health, answers and touchpoints moved: the rules that open calls to action (issue 17).
  runRulesAfterWrite(ctx, accountsOf(before, after));
}

const ticketFields = (row: Row): TicketFields => ({
  accountId: Number(row.accountId),
  openedAt: String(row.openedAt),
  firstResponseAt: (row.firstResponseAt as string | null) ?? null,
  resolvedAt: (row.resolvedAt as string | null) ?? null,
  channel: String(row.channel),
  priority: String(row.priority),
  topic: (row.topic as string | null) ?? null,
  csat: (row.csat as number | null) ?? null,
  archivedAt: (row.archivedAt as string | null) ?? null,
});

/**
 * A ticket was written: as any activity, and its share of the journey map's ticket cells before and
 * after goes to the change log (metrics/changeLog.ts), so the cells follow without a rescan.
 */
export function ticketWritten(ctx: Context, change: { before: Row | null; after: Row }): void {
  activityWritten(ctx, change);
  const detail: TicketChange = {
    before: change.before && ticketContribution(ctx.sqlite, ticketFields(change.before)),
    after: ticketContribution(ctx.sqlite, ticketFields(change.after)),
  };
  logChange(ctx.sqlite, { domain: 'tickets', accounts: [...accountsOf(change.before, change.after)], detail });
}

/** A survey answer was written: as any activity, logged with its accounts (readiness and health follow them). */
export function surveyWritten(ctx: Context, change: { before: Row | null; after: Row }): void {
  activityWritten(ctx, change);
  logChange(ctx.sqlite, { domain: 'surveyResponses', accounts: [...accountsOf(change.before, change.after)] });
}

/** An interaction (touchpoint) was written: as any activity, logged with its accounts. */
export function touchpointWritten(ctx: Context, change: { before: Row | null; after: Row }): void {
  activityWritten(ctx, change);
  logChange(ctx.sqlite, { domain: 'touchpoints', accounts: [...accountsOf(change.before, change.after)] });
}

/** A deployment was written: adoption is part of health. */
export function deploymentWritten(ctx: Context, { before, after }: { before: Row | null; after: Row }): void {
  for (const accountId of accountsOf(before, after)) {
    refreshAccountHealth(ctx.sqlite, accountId, ctx.now());
    keepAccountHistory(ctx.sqlite, accountId);
  }
  logChange(ctx.sqlite, { domain: 'deployments', accounts: [...accountsOf(before, after)] });
  runRulesAfterWrite(ctx, accountsOf(before, after));
}

/** An account was created, updated, archived or restored: ARR history, the rollups' segment and dimension levels, health. */
export function accountWritten(ctx: Context, { before, after }: { before: Row | null; after: Row }): void {
  const arr = (row: Row) => ({
    id: Number(row.id),
    arrMinor: Number(row.arrMinor),
    churnedAt: (row.churnedAt as string | null) ?? null,
    contractStart: (row.contractStart as string | null) ?? null,
  });
  recordArrChange(ctx.sqlite, before && arr(before), arr(after), ctx.now());
  // Its rows move to the cells of its keys as they are now (segment, region, owner…; none when
  // archived); a new account has no rows, but its values join the facet lists.
  moveAccountRollups(ctx.sqlite, Number(after.id));
  refreshAccountHealth(ctx.sqlite, Number(after.id), ctx.now());
  // Its ARR changes (just recorded) and archived state move the churn model's kept history.
  keepAccountHistory(ctx.sqlite, Number(after.id));
  logChange(ctx.sqlite, { domain: 'accounts', accounts: [Number(after.id)] });
  runRulesAfterWrite(ctx, [Number(after.id)]);
}
