import type Database from 'better-sqlite3';
import { STAGE_TRANSITIONS, type ReferenceStage } from '../../../shared/contract/references';
import type { Record_ } from './convert';

// An imported reference's stage under the programme's rules (issue 13): the transition table and
// the consent gate of references.move. An import never puts a reference where the app would refuse
// to move it: a new reference brings its stage (a programme moved over from another tool keeps its
// standing) unless that stage is reached only by recruiting and its contact has no valid consent;
// an existing one walks the table's shortest path to the file's stage (each step logged, writer.ts)
// and stops before recruiting without consent. Either way the row is imported at the last legal
// stage, with a warning the import summary shows, never silently and never as a refused row.

/** Stages a reference reaches only through `recruited`, which needs its contact's consent on file. */
const PAST_RECRUITING: ReadonlySet<ReferenceStage> = new Set(['recruited', 'active', 'resting']);

/** The stages a reference passes through from `from` to `to` by the transition table, `to` last; [] when they are the same. */
export function stagePath(from: ReferenceStage, to: ReferenceStage): ReferenceStage[] {
  if (from === to) return [];
  // Breadth first: the fewest moves, as a user would make them one by one.
  const cameFrom = new Map<ReferenceStage, ReferenceStage>([[from, from]]);
  const queue: ReferenceStage[] = [from];
  while (queue.length > 0) {
    const stage = queue.shift()!;
    for (const next of STAGE_TRANSITIONS[stage]) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, stage);
      if (next === to) {
        const path: ReferenceStage[] = [to];
        for (let at = stage; at !== from; at = cameFrom.get(at)!) path.unshift(at);
        return path;
      }
      queue.push(next);
    }
  }
  return [to];
}

/** Why the reference cannot be recruited now, or null when its contact has a consent valid now. */
export type ConsentGap = string | null;

export interface StageDecision {
  stage: ReferenceStage;
  /** Set when the stage is not the file's: what was stored instead and why. */
  warning?: string;
}

/**
 * The stage to store for a row bringing `to`, where `from` is the reference's stage now (null for
 * a new reference), given why recruiting would be refused (`gap`, null when it would not).
 */
export function legalImportStage(from: ReferenceStage | null, to: ReferenceStage, gap: ConsentGap): StageDecision {
  if (gap === null) return { stage: to };
  if (from === null) {
    if (!PAST_RECRUITING.has(to)) return { stage: to };
    return { stage: 'nominated', warning: `imported as nominated, not ${to}: ${gap}; then move it to ${to}` };
  }
  const path = stagePath(from, to);
  const blocked = path.indexOf('recruited');
  if (blocked < 0) return { stage: to };
  const stage = blocked === 0 ? from : path[blocked - 1]!;
  const verb = stage === from ? `kept at ${from}` : `moved from ${from} to ${stage}`;
  return { stage, warning: `${verb}, not ${to}: ${gap}; then move it on` };
}

/**
 * The references target's row step (targets.ts `adjust`): each accepted row's stage made legal,
 * reading the reference's stage now and its contact's consents through `sqlite` (reads only).
 */
export function referenceStageStep(sqlite: Database.Database, now: Date) {
  const at = now.toISOString();
  const stageOf = sqlite.prepare<[number], ReferenceStage>(`SELECT stage FROM "references" WHERE id = ?`).pluck();
  const contactOf = sqlite.prepare<[number], number | null>(`SELECT contact_id FROM "references" WHERE id = ?`).pluck();
  const nameOf = sqlite.prepare<[number], string>(`SELECT name FROM contacts WHERE id = ?`).pluck();
  // consentStateAt's 'valid' in SQL: granted by now, not revoked by now, not expired by now.
  const validConsent = sqlite
    .prepare<[number, string, string, string], number>(
      `SELECT 1 FROM consents WHERE contact_id = ? AND granted_at <= ? AND (revoked_at IS NULL OR revoked_at > ?) AND (expires_at IS NULL OR expires_at > ?) LIMIT 1`,
    )
    .pluck();
  const gapOf = (contactId: number | null): ConsentGap => {
    if (contactId === null) return 'the reference has no contact, and recruiting needs its contact’s consent (map a contact e-mail column)';
    if (validConsent.get(contactId, at, at, at) !== undefined) return null;
    return `${nameOf.get(contactId) ?? 'its contact'} has no consent valid today; record one in the consent ledger`;
  };
  return (value: Record_, existingId: number | undefined): { field: string; message: string } | undefined => {
    const to = value.stage as ReferenceStage | undefined;
    if (to === undefined) return undefined;
    const from = existingId === undefined ? null : (stageOf.get(existingId) ?? null);
    if (from === to) return undefined;
    const contactId = typeof value.contactId === 'number' ? value.contactId : existingId === undefined ? null : (contactOf.get(existingId) ?? null);
    // The consent is read only where the move needs it.
    const needsConsent = from === null ? PAST_RECRUITING.has(to) : stagePath(from, to).includes('recruited');
    const decision = legalImportStage(from, to, needsConsent ? gapOf(contactId) : null);
    if (!decision.warning) return undefined;
    value.stage = decision.stage;
    return { field: 'stage', message: decision.warning };
  };
}
