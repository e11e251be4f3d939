import type Database from 'better-sqlite3';
import type { ReferenceStage } from '../../../shared/contract/references';

// The programme's rule "one live (not archived) reference per account", in one place: references.create
// asks it through Kysely (repo.ts liveReferenceOfAccount), an import asks it row by row on its own
// connection (import/referenceRule.ts). Both read this query and say it with this sentence.

/** The account's reference still in the programme, if any: the one a second nomination would collide with. */
export const LIVE_REFERENCE_OF_ACCOUNT_SQL = `SELECT id, stage FROM "references" WHERE account_id = ? AND archived_at IS NULL ORDER BY id LIMIT 1`;

export interface LiveReference {
  id: number;
  stage: ReferenceStage;
}

/** The same question on a better-sqlite3 connection (an import's, inside its transaction or on its parse thread). */
export function liveReferenceOfAccountIn(sqlite: Database.Database, accountId: number): LiveReference | undefined {
  return sqlite.prepare<[number], LiveReference>(LIVE_REFERENCE_OF_ACCOUNT_SQL).get(accountId);
}

/** Why a contact cannot speak for a reference: they work at another account (references.create and update, an import's row). */
export const worksElsewhere = (contactName: string) => `${contactName} works at another account, not the reference's`;

/** Why an account cannot take another reference. */
export const alreadyInProgramme = (accountName: string, existing: LiveReference) =>
  `${accountName} is already in the reference programme (reference ${existing.id}, ${existing.stage})`;
