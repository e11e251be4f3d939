import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { BLANKED, dropErasedQuotes, ERASED, likeFragments, mentionPattern, mentions, scrubText, termsOf } from './rules';

/**
 * Erasing a person on this laptop (docs/privacy.md): one transaction removes the contact, its
 * consents and custom values, unlinks and blanks the records that point at it, and replaces every
 * mention of its name or e-mail in any text column of the file; an `erasures` row (no personal data)
 * records it. In a team, capture is muted around it (the hub's `team.erase` applies the same rules
 * there) and the team's side tables lose the person's outbox entries and conflict values.
 */

interface ContactRow {
  id: number;
  name: string;
  email: string | null;
}

interface Link {
  table: string;
  column: string;
  /** NOT NULL: the row belongs to the person (a consent) and goes with them. */
  owned: boolean;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every foreign key to contacts in the file (read from the schema, so a new table is covered by default). */
function linksToContacts(sqlite: Database.Database): Link[] {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const links: Link[] = [];
  for (const table of tables) {
    const fks = sqlite.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`).all(table) as { table: string; from: string }[];
    for (const fk of fks.filter((f) => f.table === 'contacts')) {
      const notNull = (sqlite.prepare(`SELECT "notnull" FROM pragma_table_info(?) WHERE name = ?`).pluck().get(table, fk.from) as number) === 1;
      links.push({ table, column: fk.from, owned: notNull });
    }
  }
  return links;
}

/** Text columns per table (declared TEXT or untyped), everywhere but the erasure records and the team's state. */
function textColumns(sqlite: Database.Database): Map<string, string[]> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('erasures', 'team_state')`)
    .pluck()
    .all() as string[];
  const out = new Map<string, string[]>();
  for (const table of tables) {
    const columns = (sqlite.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[])
      .filter((c) => c.type === '' || c.type.toUpperCase().includes('TEXT'))
      .map((c) => c.name);
    if (columns.length > 0) out.set(table, columns);
  }
  return out;
}

const patterns = new Map<string, RegExp>();
const registered = new WeakSet<Database.Database>();

/** SQL functions over the pattern's source: does a value mention the person, and the value scrubbed. */
function register(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  registered.add(sqlite);
  const compiled = (source: string) => {
    let pattern = patterns.get(source);
    if (!pattern) patterns.set(source, (pattern = new RegExp(source, 'giu')));
    return pattern;
  };
  sqlite.function('fulcrum_mentions', { deterministic: true }, (value: unknown, source: unknown) => (mentions(value, compiled(String(source))) ? 1 : 0));
  sqlite.function('fulcrum_scrub', { deterministic: true }, (value: unknown, source: unknown) =>
    typeof value === 'string' ? scrubText(value, compiled(String(source))) : (value as string | number | bigint | Buffer | null),
  );
  sqlite.function('fulcrum_drop_erased_quotes', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? dropErasedQuotes(value) : null));
}

function readContact(sqlite: Database.Database, id: number): ContactRow {
  const contact = sqlite.prepare('SELECT id, name, email FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!contact) throw new CoreError('NOT_FOUND', `contact ${id} not found`);
  return contact;
}

/** Rows whose text columns mention the person: LIKE first (in SQLite, cheap), then the exact match in JavaScript. */
function mentionWhere(columns: string[], terms: string[], pattern: RegExp): { where: string; params: unknown[] } {
  const fragments = likeFragments(terms);
  const exact = columns.map((c) => `fulcrum_mentions(${q(c)}, ?)`).join(' OR ');
  const exactParams = columns.map(() => pattern.source);
  if (!fragments) return { where: `(${exact})`, params: exactParams };
  const like = columns.flatMap((c) => fragments.map(() => `${q(c)} LIKE ? ESCAPE '\\'`)).join(' OR ');
  return { where: `(${like}) AND (${exact})`, params: [...columns.flatMap(() => fragments), ...exactParams] };
}

/** The rows of the person that leave with them (not their consents' children: a consent has none). */
function ownedWhere(link: Link) {
  return `${q(link.column)} = ?`;
}

/** The contact's name (for the typed confirmation) and whether the workspace is in a team, without the plan's scan. */
export function erasureTarget(sqlite: Database.Database, contactId: number): { name: string; inTeam: boolean } {
  const { name } = readContact(sqlite, contactId);
  return { name, inTeam: sqlite.prepare(`SELECT 1 FROM team_state WHERE key = 'team_id'`).get() !== undefined };
}

export interface ErasurePlan {
  contactId: number;
  name: string;
  email: string | null;
  removed: { table: string; count: number }[];
  unlinked: { table: string; count: number; blanked: string[] }[];
  mentions: { table: string; count: number }[];
  inTeam: boolean;
}

const customValuesWhere = `record_id = ? AND field_id IN (SELECT id FROM custom_fields WHERE record_kind = 'contacts')`;

/** What erasing a contact would remove, unlink and scrub: the confirmation's facts, read without writing. */
export function planErasure(sqlite: Database.Database, contactId: number): ErasurePlan {
  register(sqlite);
  const contact = readContact(sqlite, contactId);
  const links = linksToContacts(sqlite);
  const count = (sqlText: string, ...params: unknown[]) =>
    sqlite
      .prepare(sqlText)
      .pluck()
      .get(...params) as number;
  const removed = [{ table: 'contacts', count: 1 }];
  for (const link of links.filter((l) => l.owned)) removed.push({ table: link.table, count: count(`SELECT count(*) FROM ${q(link.table)} WHERE ${ownedWhere(link)}`, contactId) });
  removed.push({ table: 'custom_field_values', count: count(`SELECT count(*) FROM custom_field_values WHERE ${customValuesWhere}`, contactId) });
  const unlinked = links
    .filter((l) => !l.owned)
    .map((l) => ({ table: l.table, count: count(`SELECT count(*) FROM ${q(l.table)} WHERE ${q(l.column)} = ?`, contactId), blanked: Object.keys(BLANKED[l.table] ?? {}) }));
  const terms = termsOf([contact.name, contact.email]);
  const pattern = mentionPattern(terms);
  const found: ErasurePlan['mentions'] = [];
  if (pattern) {
    for (const [table, columns] of textColumns(sqlite)) {
      const own = links.filter((l) => l.table === table);
      // Rows that are removed or unlinked anyway are not counted again as mentions.
      const exclude = table === 'contacts' ? ' AND id <> ?' : own.map((l) => ` AND ${q(l.column)} IS NOT ?`).join('');
      const params = table === 'contacts' ? [contactId] : own.map(() => contactId);
      const mention = mentionWhere(columns, terms, pattern);
      const n = count(`SELECT count(*) FROM ${q(table)} WHERE ${mention.where}${exclude}`, ...mention.params, ...params);
      if (n > 0) found.push({ table, count: n });
    }
  }
  const inTeam = sqlite.prepare(`SELECT 1 FROM team_state WHERE key = 'team_id'`).get() !== undefined;
  return {
    contactId,
    name: contact.name,
    email: contact.email,
    removed: removed.filter((r) => r.count > 0),
    unlinked: unlinked.filter((u) => u.count > 0),
    mentions: found,
    inTeam,
  };
}

export interface ErasureCounts {
  erasureId: number;
  removed: number;
  unlinked: number;
  mentions: number;
  gid: string | null;
}

/** Replaces mentions in every text column of the file; returns how many rows changed. */
function scrubMentions(sqlite: Database.Database, terms: string[], pattern: RegExp): number {
  let changed = 0;
  for (const [table, columns] of textColumns(sqlite)) {
    const set = columns.map((c) => `${q(c)} = fulcrum_scrub(${q(c)}, ?)`).join(', ');
    const mention = mentionWhere(columns, terms, pattern);
    changed += sqlite.prepare(`UPDATE ${q(table)} SET ${set} WHERE ${mention.where}`).run(...columns.map(() => pattern.source), ...mention.params).changes;
  }
  // A quote whose speaker was the person is their words: it goes, not only their name.
  sqlite.prepare(`UPDATE success_stories SET quotes = fulcrum_drop_erased_quotes(quotes) WHERE instr(quotes, ?) > 0`).run(ERASED);
  return changed;
}

/**
 * Erases contact `contactId` in one transaction (the caller's, when already inside one: a pull).
 * `source` says whether it was asked for here or applied from the team's log; an erasure made here
 * in a team waits as `pending` for the next sync to send it to the hub.
 */
export function eraseContact(sqlite: Database.Database, contactId: number, now: Date, source: 'here' | 'team'): ErasureCounts {
  register(sqlite);
  return sqlite.transaction((): ErasureCounts => {
    const contact = readContact(sqlite, contactId);
    const team = sqlite.prepare(`SELECT 1 FROM team_state WHERE key = 'team_id'`).get() !== undefined;
    const wasMuted = sqlite.prepare(`SELECT 1 FROM team_state WHERE key = 'muted'`).get() !== undefined;
    if (team && !wasMuted) sqlite.prepare(`INSERT INTO team_state (key, value) VALUES ('muted', '1')`).run();
    const gidsOf = (table: string, keys: unknown[]) =>
      keys.map((k) => sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck().get(table, String(k)) as string | undefined).filter((g) => g !== undefined);
    const erased: string[] = [];
    const touched: string[] = [];
    let removed = 0;
    let unlinked = 0;
    for (const link of linksToContacts(sqlite)) {
      const t = q(link.table);
      const keys = sqlite
        .prepare(`SELECT rowid FROM ${t} WHERE ${q(link.column)} = ?`)
        .pluck()
        .all(contactId);
      if (link.owned) {
        erased.push(...gidsOf(link.table, keys));
        removed += sqlite.prepare(`DELETE FROM ${t} WHERE ${q(link.column)} = ?`).run(contactId).changes;
      } else {
        touched.push(...gidsOf(link.table, keys));
        const blanks = Object.entries(BLANKED[link.table] ?? {});
        const set = [`${q(link.column)} = NULL`, ...blanks.map(([c]) => `${q(c)} = ?`)].join(', ');
        unlinked += sqlite.prepare(`UPDATE ${t} SET ${set} WHERE ${q(link.column)} = ?`).run(...blanks.map(([, v]) => v), contactId).changes;
      }
    }
    const fieldIds = sqlite.prepare(`SELECT field_id FROM custom_field_values WHERE ${customValuesWhere}`).pluck().all(contactId);
    erased.push(
      ...gidsOf(
        'custom_field_values',
        fieldIds.map((f) => JSON.stringify([f, contactId])),
      ),
    );
    removed += sqlite.prepare(`DELETE FROM custom_field_values WHERE ${customValuesWhere}`).run(contactId).changes;
    const gid = gidsOf('contacts', [contactId])[0] ?? null;
    if (gid) erased.push(gid);
    removed += sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(contactId).changes;
    const terms = termsOf([contact.name, contact.email]);
    const pattern = mentionPattern(terms);
    const scrubbed = pattern ? scrubMentions(sqlite, terms, pattern) : 0;
    if (team) {
      const mark = sqlite.prepare('UPDATE team_rows SET deleted = 1 WHERE gid = ?');
      const forget = sqlite.prepare('DELETE FROM team_changes WHERE gid = ?');
      const clear = sqlite.prepare('UPDATE team_conflicts SET local_value = NULL, remote_value = NULL WHERE gid = ?');
      for (const g of erased) {
        mark.run(g);
        forget.run(g);
      }
      for (const g of [...erased, ...touched]) clear.run(g);
      if (!wasMuted) sqlite.prepare(`DELETE FROM team_state WHERE key = 'muted'`).run();
    }
    const erasureId = Number(
      sqlite
        .prepare(`INSERT INTO erasures (contact_id, gid, source, erased_at, removed, scrubbed, hub_state) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(contactId, gid, source, now.toISOString(), removed, unlinked + scrubbed, team && source === 'here' ? 'pending' : null).lastInsertRowid,
    );
    return { erasureId, removed, unlinked, mentions: scrubbed, gid };
  })();
}

/**
 * Rebuilds the file without the pages the erasure freed or rewrote (VACUUM), then empties the WAL,
 * so no old copy of the person's data stays in the workspace's bytes. Outside a transaction only.
 */
export function vacuumAfterErasure(sqlite: Database.Database, now: Date): { walCleared: boolean } {
  sqlite.exec('VACUUM');
  sqlite.prepare('UPDATE erasures SET vacuumed_at = ? WHERE vacuumed_at IS NULL').run(now.toISOString());
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { walCleared: result === undefined || result.busy === 0 };
}

export const erasuresAwaitingVacuum = (sqlite: Database.Database) => sqlite.prepare('SELECT count(*) FROM erasures WHERE vacuumed_at IS NULL').pluck().get() as number;
