import type { Context } from '../context';
import type { Row } from '../crud/table';
import { recordArrChange } from '../metrics/arrHistory';
import { refreshAccountHealth } from '../health/service';
import { moveAccountRollups, refreshAccountRollups } from '../metrics/rollups/incremental';
import { currentClock } from '../metrics/rollups/state';

// What a write does to derived data, inside its transaction (TableSpec.afterWrite).

const accountsOf = (before: Row | null, after: Row) => new Set([before?.accountId, after.accountId].filter((id): id is number => typeof id === 'number'));

/** A ticket, survey answer or touchpoint was written: its account's (or both accounts') rollups and health. */
export function activityWritten(ctx: Context, { before, after }: { before: Row | null; after: Row }): void {
  const clock = currentClock(ctx.sqlite);
  for (const accountId of accountsOf(before, after)) {
    refreshAccountRollups(ctx.sqlite, accountId, clock);
    refreshAccountHealth(ctx.sqlite, accountId, ctx.now());
  }
}

/** A deployment was written: adoption is part of health. */
export function deploymentWritten(ctx: Context, { before, after }: { before: Row | null; after: Row }): void {
  for (const accountId of accountsOf(before, after)) refreshAccountHealth(ctx.sqlite, accountId, ctx.now());
}

const countingSegment = (row: Row | null) => (row && row.archivedAt === null ? String(row.segment) : null);

/** An account was created, updated, archived or restored: ARR history, segment rollups, health. */
export function accountWritten(ctx: Context, { before, after }: { before: Row | null; after: Row }): void {
  const arr = (row: Row) => ({
    id: Number(row.id),
    arrMinor: Number(row.arrMinor),
    churnedAt: (row.churnedAt as string | null) ?? null,
    contractStart: (row.contractStart as string | null) ?? null,
  });
  recordArrChange(ctx.sqlite, before && arr(before), arr(after), ctx.now());
  if (before) moveAccountRollups(ctx.sqlite, Number(after.id), countingSegment(before), countingSegment(after));
  refreshAccountHealth(ctx.sqlite, Number(after.id), ctx.now());
}
