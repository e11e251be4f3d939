import type Database from 'better-sqlite3';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { FeedbackRequest } from '../../../shared/contract/feedback';
import type { Context } from '../context';
import { exclusive } from '../db/exclusive';
import { readSettings } from '../db/settings';
import { notFound } from '../errors';
import { demandOf, type ItemFact } from './demand';

const REQUEST_COLUMNS = `id, title, description, product, feature, status, shipped_at AS shippedAt, archived_at AS archivedAt, created_at AS createdAt, updated_at AS updatedAt`;

export function requestsOf(sqlite: Database.Database, status?: readonly string[]): FeedbackRequest[] {
  const filter = status?.length ? `AND status IN (${status.map(() => '?').join(',')})` : '';
  return sqlite.prepare(`SELECT ${REQUEST_COLUMNS} FROM feedback_requests WHERE archived_at IS NULL ${filter} ORDER BY id`).all(...(status ?? [])) as FeedbackRequest[];
}

/** Every live item merged into a request, with its account's facts (archived accounts left out). */
export function itemFacts(sqlite: Database.Database, requestId?: number): ItemFact[] {
  return sqlite
    .prepare(
      `SELECT f.request_id AS requestId, f.account_id AS accountId, f.contact_id AS contactId, a.segment, a.arr_minor AS arrMinor,
              a.churned_at AS churnedAt, a.renewal_date AS renewalDate, h.band
         FROM feedback_items f
         JOIN accounts a ON a.id = f.account_id AND a.archived_at IS NULL
         LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1
        WHERE f.archived_at IS NULL AND f.request_id IS NOT NULL ${requestId !== undefined ? 'AND f.request_id = ?' : ''}
        ORDER BY f.id`,
    )
    .all(...(requestId !== undefined ? [requestId] : [])) as ItemFact[];
}

export function requestTable(sqlite: Database.Database, input: ParsedInput<'feedbackRequests.table'>, now: Date): Output<'feedbackRequests.table'> {
  const today = now.toISOString().slice(0, 10);
  const unlinked = sqlite.prepare(`SELECT COUNT(*) AS n FROM feedback_items WHERE archived_at IS NULL AND request_id IS NULL AND kind != 'praise'`).get() as { n: number };
  return {
    currency: readSettings(sqlite).currency,
    horizonDays: input.horizonDays,
    unlinked: unlinked.n,
    rows: demandOf(requestsOf(sqlite, input.status), itemFacts(sqlite), today, input.horizonDays),
  };
}

export async function linkItems(ctx: Context, input: ParsedInput<'feedback.link'>): Promise<Output<'feedback.link'>> {
  const linked = await exclusive(ctx, (sqlite) =>
    sqlite.transaction(() => {
      if (input.requestId !== null && !sqlite.prepare(`SELECT 1 FROM feedback_requests WHERE id = ?`).get(input.requestId)) throw notFound('request', input.requestId);
      const found = sqlite.prepare(`SELECT COUNT(*) AS n FROM feedback_items WHERE id IN (${input.itemIds.map(() => '?').join(',')})`).get(...input.itemIds) as { n: number };
      const distinct = new Set(input.itemIds).size;
      if (found.n !== distinct)
        throw notFound(
          'feedback item',
          input.itemIds.find((id) => !sqlite.prepare(`SELECT 1 FROM feedback_items WHERE id = ?`).get(id))!,
        );
      const stamp = ctx.now().toISOString();
      const update = sqlite.prepare(`UPDATE feedback_items SET request_id = ?, updated_at = ? WHERE id = ?`);
      for (const id of new Set(input.itemIds)) update.run(input.requestId, stamp, id);
      return distinct;
    })(),
  );
  ctx.emit({ name: 'feedback.changed', ids: input.itemIds });
  return { linked };
}
