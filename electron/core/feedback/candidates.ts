import type Database from 'better-sqlite3';
import type { Output } from '../../../shared/contract';
import { notFound } from '../errors';
import { requestsOf } from './service';

interface Asker {
  accountId: number;
  name: string;
  owner: string | null;
  arrMinor: number;
  band: string | null;
  contactId: number | null;
  contactName: string | null;
  email: string | null;
  isChampion: number | null;
  isExecutiveSponsor: number | null;
  nps: number | null;
  reference: number;
  praise: number;
}

/**
 * Who to tell when a request ships (the current customers who asked, with the contacts who asked),
 * and which of them to ask first for a beta or a launch reference: a simple, stated score over
 * today's health, the contact's role, their latest NPS answer, an existing reference and praise.
 */
export function requestCandidates(sqlite: Database.Database, requestId: number): Output<'feedbackRequests.candidates'> {
  const request = requestsOf(sqlite).find((r) => r.id === requestId);
  if (!request) throw notFound('request', requestId);
  const askers = sqlite
    .prepare(
      `SELECT DISTINCT a.id AS accountId, a.name, a.owner, a.arr_minor AS arrMinor, h.band,
              c.id AS contactId, c.name AS contactName, c.email, c.is_champion AS isChampion, c.is_executive_sponsor AS isExecutiveSponsor,
              (SELECT s.score FROM survey_responses s WHERE s.contact_id = c.id AND s.kind = 'nps' AND s.archived_at IS NULL AND s.score IS NOT NULL
                ORDER BY s.responded_at DESC, s.id DESC LIMIT 1) AS nps,
              EXISTS (SELECT 1 FROM "references" r WHERE r.account_id = a.id AND r.archived_at IS NULL AND r.stage IN ('recruited','active','resting')) AS reference,
              EXISTS (SELECT 1 FROM feedback_items p WHERE p.account_id = a.id AND p.kind = 'praise' AND p.archived_at IS NULL) AS praise
         FROM feedback_items f
         JOIN accounts a ON a.id = f.account_id AND a.archived_at IS NULL AND a.churned_at IS NULL
         LEFT JOIN contacts c ON c.id = f.contact_id AND c.archived_at IS NULL
         LEFT JOIN health_snapshots h ON h.account_id = a.id AND h.current = 1
        WHERE f.request_id = ? AND f.archived_at IS NULL
        ORDER BY a.name, a.id, c.name, c.id`,
    )
    .all(requestId) as Asker[];

  const toTell = new Map<number, Output<'feedbackRequests.candidates'>['toTell'][number]>();
  for (const a of askers) {
    const entry = toTell.get(a.accountId) ?? { accountId: a.accountId, name: a.name, owner: a.owner, arrMinor: a.arrMinor, contacts: [] };
    if (a.contactId !== null && !entry.contacts.some((c) => c.id === a.contactId)) entry.contacts.push({ id: a.contactId, name: a.contactName!, email: a.email });
    toTell.set(a.accountId, entry);
  }

  // One candidate per contact who asked; an account whose items name no contact is one candidate itself.
  const seen = new Set<string>();
  const referenceCandidates = askers
    .filter((a) => {
      const key = a.contactId !== null ? `c${a.contactId}` : `a${a.accountId}`;
      if (a.contactId === null && askers.some((b) => b.accountId === a.accountId && b.contactId !== null)) return false;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((a) => {
      const { score, reasons } = referenceScore(a);
      return { accountId: a.accountId, name: a.name, contactId: a.contactId, contactName: a.contactName, score, reasons, arrMinor: a.arrMinor };
    })
    .sort((x, y) => y.score - x.score || y.arrMinor - x.arrMinor || x.name.localeCompare(y.name))
    .map(({ arrMinor: _, ...candidate }) => candidate);

  return { request, toTell: [...toTell.values()].sort((x, y) => y.arrMinor - x.arrMinor || x.name.localeCompare(y.name)), referenceCandidates };
}

/** The score's parts, each with the reason it shows. Pure. */
export function referenceScore(a: Pick<Asker, 'band' | 'isChampion' | 'isExecutiveSponsor' | 'nps' | 'reference' | 'praise'>) {
  const parts: [number, string][] = [];
  if (a.band === 'green') parts.push([2, 'health green']);
  else if (a.band === 'amber') parts.push([1, 'health amber']);
  else if (a.band === 'red') parts.push([-2, 'health red']);
  if (a.isChampion) parts.push([2, 'champion']);
  if (a.isExecutiveSponsor) parts.push([1, 'executive sponsor']);
  if (a.nps !== null && a.nps >= 9) parts.push([2, `promoter (NPS ${a.nps})`]);
  else if (a.nps !== null && a.nps <= 6) parts.push([-2, `detractor (NPS ${a.nps})`]);
  if (a.reference) parts.push([1, 'already a reference']);
  if (a.praise) parts.push([1, 'has given praise']);
  return { score: parts.reduce((s, [p]) => s + p, 0), reasons: parts.map(([, r]) => r) };
}
