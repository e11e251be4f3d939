import type Database from 'better-sqlite3';
import type { ImportMapping, ImportPreview } from '../../../shared/contract/import';
import type { CellProblem, Record_ } from './convert';
import type { RowHook } from './customColumns';
import { sourceColumn } from './mapping';
import { accountDomainEntries, domainIndex, emailDomain, type DomainMatch } from './matchByDomain';
import type { TargetDef } from './targets';
import { isMissing } from './values';

// Survey answers' respondents (issue 13): after a row's own conversion (a known contact brings its
// account), an answer still without an account finds it by its e-mail's domain (matchByDomain.ts),
// and every answer is counted by how its account was found, for the preview and the result.

export type RespondentCounts = NonNullable<ImportPreview['respondents']>;

const MAX_AMBIGUOUS = 20;

/** The row hook that matches respondents by domain, for a survey import whose respondent e-mail is mapped. */
export function respondentsHook(sqlite: Database.Database, def: TargetDef, mapping: ImportMapping, headers: readonly string[]): RowHook | undefined {
  const source = mapping.fields.contactEmail;
  if (def.name !== 'surveyResponses' || !source) return undefined;
  const index = headers.indexOf(sourceColumn(source));
  if (index < 0) return undefined;
  const column = sourceColumn(source);
  // Read when the first answer needs it: a file whose respondents are all contacts never reads it.
  let match: ((domain: string) => DomainMatch) | undefined;
  const counts = { byContact: 0, byAccount: 0, byDomain: 0, unmatched: 0, publicDomain: 0 };
  const ambiguous = new Map<string, { accounts: number[]; answers: number }>();

  return {
    check(cells: readonly string[], record: Record_): CellProblem[] {
      const raw = cells[index];
      if (raw === undefined || isMissing(raw)) return [];
      if (record.contactId !== undefined) {
        counts.byContact++;
        return [];
      }
      if (record.accountId !== undefined) {
        counts.byAccount++;
        return [];
      }
      const domain = emailDomain(raw);
      match ??= domainIndex(accountDomainEntries(sqlite));
      const found = domain === undefined ? undefined : match(domain);
      if (found && 'accountId' in found) {
        counts.byDomain++;
        record.accountId = found.accountId;
        return [];
      }
      counts.unmatched++;
      if (domain === undefined) return [{ column, message: `'${raw.trim()}' is no known contact, and not an e-mail address whose domain could name the account` }];
      if (found && 'publicDomain' in found) {
        counts.publicDomain++;
        return [
          { column, message: `'${raw.trim()}' is no known contact, and ${domain} is a public mail domain, which names no account: add the contact or map an account column` },
        ];
      }
      if (found && 'ambiguous' in found) {
        const entry = ambiguous.get(domain) ?? { accounts: found.ambiguous, answers: 0 };
        entry.answers++;
        ambiguous.set(domain, entry);
        return [
          { column, message: `'${raw.trim()}' is no known contact, and ${found.ambiguous.length} accounts have the domain ${domain}: add the contact or map an account column` },
        ];
      }
      return [{ column, message: `'${raw.trim()}' is no known contact, and no account has the domain ${domain}` }];
    },
    accepted() {},
    write() {},
    respondents(): RespondentCounts {
      const listed = [...ambiguous].slice(0, MAX_AMBIGUOUS);
      const ids = [...new Set(listed.flatMap(([, entry]) => entry.accounts))];
      const names = new Map(
        ids.length === 0
          ? []
          : sqlite
              .prepare<unknown[], { id: number; name: string }>(`SELECT id, name FROM accounts WHERE id IN (${ids.map(() => '?').join(', ')})`)
              .all(...ids)
              .map((row) => [row.id, row.name]),
      );
      return {
        ...counts,
        ambiguous: listed.map(([domain, entry]) => ({ domain, accounts: entry.accounts.map((id) => names.get(id) ?? `account ${id}`), answers: entry.answers })),
      };
    },
  };
}
