import type { AccountTableRow } from '../../../shared/contract/accounts';
import { roundAs } from '../../../shared/format/metric';
import { accountsHandlers } from '../accounts/handlers';
import type { ExportStyle } from './readable';

// "Export view" on the accounts table writes what the table shows (issue 15): its rows come from
// accounts.table, whose query also knows "my accounts", the health band and the figures' sorts
// (an accounts.list query is one too), and a readable export carries the table's figure columns.

export const ACCOUNTS_VIEW_CHANNEL = 'accounts.table';
export const accountsViewList = accountsHandlers['accounts.table'];

/** The table's row as export cells: the account's own fields, then (readable only, as the screen rounds them) health, last touch and NPS. */
export function accountsViewRow({ health, lastTouchAt, nps, ...account }: AccountTableRow, style: ExportStyle): Record<string, unknown> {
  // The raw style stays the account's stored fields, which Fulcrum's import presets read back.
  if (style === 'raw') return account;
  return {
    ...account,
    healthScore: health ? roundAs(health.score, 'score') : null,
    healthBand: health?.band ?? null,
    healthAsOf: health?.takenAt ?? null,
    lastTouch: lastTouchAt,
    nps: nps ? roundAs(nps.value, 'points') : null,
    npsAnswers: nps?.n ?? null,
  };
}
