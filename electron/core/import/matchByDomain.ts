import type Database from 'better-sqlite3';

// Survey answers whose respondent is no known contact find their account by the e-mail's domain
// (issue 13). An account's domains are the ones it declares (a custom field named like "Domain" or
// "Website") and, when no account declares a domain, the domains of its contacts' e-mails. A public
// mail domain (gmail.com) names nobody; a domain two accounts have is reported, never guessed.

/** Mail providers anyone can sign up with: an address there says nothing about the company. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  't-online.de',
  'mail.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'btinternet.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'interia.pl',
  'rediffmail.com',
]);
/** The big providers' country domains (hotmail.co.uk, yahoo.fr, outlook.de…). */
const PUBLIC_FAMILIES = /^(gmail|hotmail|outlook|live|yahoo|aol|gmx|yandex|msn)\.[a-z]{2,3}(\.[a-z]{2})?$/;

export const isPublicMailDomain = (domain: string) => PUBLIC_MAIL_DOMAINS.has(domain) || PUBLIC_FAMILIES.test(domain);

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** The domain of an e-mail address, lower-cased; undefined when the text is not one. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : undefined;
}

/** A domain as an account's field gives it: 'https://www.Acme.com/about', 'acme.com', '@acme.com' -> 'acme.com'. */
export function declaredDomain(text: string): string | undefined {
  const value = text.trim().toLowerCase();
  if (value.includes('@')) return emailDomain(value.startsWith('@') ? `x${value}` : value);
  const host = value
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#:]/)[0]!
    .replace(/^www\./, '');
  return DOMAIN.test(host) ? host : undefined;
}

/** The domain and its parents down to two labels, most specific first: eu.acme.com, acme.com. */
export function domainCandidates(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** An account's domain, and whether the account declares it (a field) or its contacts' e-mails show it. */
export interface DomainEntry {
  domain: string;
  accountId: number;
  declared: boolean;
}

export type DomainMatch = { accountId: number } | { ambiguous: number[] } | { publicDomain: string } | undefined;

/**
 * Pure: the lookup from a respondent's domain to its account. The most specific of the domain's
 * candidates that any account has decides; at each, declared domains come before contacts' ones.
 */
export function domainIndex(entries: Iterable<DomainEntry>): (domain: string) => DomainMatch {
  const declared = new Map<string, Set<number>>();
  const seen = new Map<string, Set<number>>();
  for (const entry of entries) {
    if (isPublicMailDomain(entry.domain)) continue;
    const map = entry.declared ? declared : seen;
    let accounts = map.get(entry.domain);
    if (!accounts) map.set(entry.domain, (accounts = new Set()));
    accounts.add(entry.accountId);
  }
  return (domain) => {
    if (isPublicMailDomain(domain)) return { publicDomain: domain };
    for (const candidate of domainCandidates(domain)) {
      const accounts = declared.get(candidate) ?? seen.get(candidate);
      if (!accounts) continue;
      return accounts.size === 1 ? { accountId: [...accounts][0]! } : { ambiguous: [...accounts].sort((a, b) => a - b) };
    }
    return undefined;
  };
}

/** Custom fields of accounts whose name says they hold the company's domain. */
const DOMAIN_FIELD = /^(e-?mail )?(company )?(domains?|web ?site|url|homepage|web)$/;

/** Every account's domains from the workspace: its declared ones, then its contacts' (one pass over each). */
export function* accountDomainEntries(sqlite: Database.Database): Generator<DomainEntry> {
  const fields = sqlite
    .prepare<unknown[], { id: number; name: string }>(`SELECT id, name FROM custom_fields WHERE record_kind = 'accounts' AND type IN ('text', 'choice')`)
    .all()
    .filter((field) => DOMAIN_FIELD.test(field.name.trim().toLowerCase()));
  for (const field of fields) {
    const values = sqlite.prepare<unknown[], { accountId: number; value: string }>(
      `SELECT v.record_id AS accountId, v.value FROM custom_field_values v JOIN accounts a ON a.id = v.record_id WHERE v.field_id = ? AND a.archived_at IS NULL`,
    );
    for (const row of values.all(field.id)) {
      // A field may list several: "acme.com, acme.co.uk".
      for (const part of row.value.split(/[\s,;]+/)) {
        const domain = part ? declaredDomain(part) : undefined;
        if (domain) yield { domain, accountId: row.accountId, declared: true };
      }
    }
  }
  const contacts = sqlite.prepare<unknown[], { domain: string; accountId: number }>(
    `SELECT DISTINCT lower(substr(c.email, instr(c.email, '@') + 1)) AS domain, c.account_id AS accountId
     FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.email LIKE '%@%' AND c.archived_at IS NULL AND a.archived_at IS NULL`,
  );
  for (const row of contacts.all()) {
    const domain = emailDomain(`x@${row.domain}`);
    if (domain) yield { domain, accountId: row.accountId, declared: false };
  }
}
