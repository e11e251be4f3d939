import type Database from 'better-sqlite3';
import { monthSql, stmt } from '../db/sql';
import type { ReachedContact } from './adherence';

/** Interactions with the persona's contacts in [from, to) (ISO dates), within a segment. */
export function reachedContacts(sqlite: Database.Database, personaId: number, from: string, to: string, segment: string | null): ReachedContact[] {
  return stmt<ReachedContact>(
    sqlite,
    `SELECT ${monthSql('t.occurred_at')} AS month, t.channel FROM touchpoints t
      JOIN contacts c ON c.id = t.contact_id JOIN accounts a ON a.id = t.account_id
      WHERE c.persona_id = ? AND t.archived_at IS NULL AND a.archived_at IS NULL AND t.occurred_at >= ? AND t.occurred_at < ? AND (? IS NULL OR a.segment = ?)`,
  ).all(personaId, from, to, segment, segment);
}

/** The interactions through unwilling channels, newest first, with who and where. */
export function violations(sqlite: Database.Database, personaId: number, channels: readonly string[], from: string, to: string, segment: string | null, limit: number) {
  if (channels.length === 0) return { rows: [], total: 0 };
  const where = `FROM touchpoints t JOIN contacts c ON c.id = t.contact_id JOIN accounts a ON a.id = t.account_id
    LEFT JOIN journey_touchpoints j ON j.id = t.journey_touchpoint_id
    WHERE c.persona_id = ? AND t.archived_at IS NULL AND a.archived_at IS NULL AND t.occurred_at >= ? AND t.occurred_at < ?
      AND (? IS NULL OR a.segment = ?) AND t.channel IN (${channels.map(() => '?').join(',')})`;
  const params = [personaId, from, to, segment, segment, ...channels];
  const total = sqlite
    .prepare<unknown[], number>(`SELECT count(*) ${where}`)
    .pluck()
    .get(...params)!;
  const rows = sqlite
    .prepare(
      `SELECT t.id AS touchpointId, t.occurred_at AS occurredAt, a.id AS accountId, a.name AS accountName, c.id AS contactId,
      c.name AS contactName, t.channel, t.kind, j.name AS journeyTouchpointName ${where} ORDER BY t.occurred_at DESC, t.id DESC LIMIT ?`,
    )
    .all(...params, limit);
  return { rows, total };
}
