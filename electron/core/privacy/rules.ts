/**
 * What erasing a person does to each kind of record (docs/privacy.md), as data and pure functions,
 * so the laptop (erase.ts) and the team's server (hub migration 0004) follow the same rules.
 *
 * - Rows *of* the person: the contact, its consents (a foreign key to contacts that is NOT NULL) and
 *   its custom field values: deleted.
 * - Rows that *point at* the person (a nullable contact_id): kept for the figures, the link set to
 *   null and the text the person wrote or that records the conversation with them blanked (BLANKED).
 * - Everywhere else: a mention of the person's name or e-mail in any text is replaced by ERASED, and a
 *   story quote whose speaker was the person is dropped.
 */

export const ERASED = '[erased]';

/** Text fields that hold the person's words, per table with a nullable contact_id; the value they get. */
export const BLANKED: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  touchpoints: { notes: null },
  tickets: { subject: null },
  survey_responses: { comment: null },
  feedback_items: { text: ERASED },
};

/** A shorter name is not looked for in free text: it would match inside ordinary words' neighbours ("Al", "Jo"). */
export const MIN_TERM = 3;

/** The strings to look for: the name and e-mail, as typed and as they appear inside JSON text (escaped). */
export function termsOf(values: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const value of values) {
    const term = value?.trim();
    if (!term || term.length < MIN_TERM) continue;
    terms.add(term);
    terms.add(JSON.stringify(term).slice(1, -1));
  }
  return [...terms];
}

/**
 * LIKE patterns one of which every mention contains: the longest run of printable ASCII in each term
 * (LIKE ignores ASCII letter case, so 'ANNA' is found by '%anna%'). A cheap first filter before the
 * exact match runs in JavaScript; null when a term has no such run (then every value is checked).
 */
export function likeFragments(terms: readonly string[]): string[] | null {
  const fragments: string[] = [];
  for (const term of terms) {
    const run = (term.match(/[\x20-\x7e]+/g) ?? []).map((r) => r.trim()).sort((a, b) => b.length - a.length)[0];
    if (!run || run.length < MIN_TERM) return null;
    fragments.push(`%${run.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return [...new Set(fragments)];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word, case-insensitive match of any term (a letter or digit next to it means another word). */
export function mentionPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

export function mentions(text: unknown, pattern: RegExp): boolean {
  if (typeof text !== 'string') return false;
  pattern.lastIndex = 0;
  return pattern.test(text);
}

export function scrubText(text: string, pattern: RegExp): string {
  pattern.lastIndex = 0;
  return text.replace(pattern, ERASED);
}

const isErasedSpeaker = (speaker: unknown) => typeof speaker === 'string' && speaker.includes(ERASED);

/** A story's quotes (JSON text) without those whose speaker was erased; the text unchanged when none is. */
export function dropErasedQuotes(quotes: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(quotes);
  } catch {
    return quotes;
  }
  if (!Array.isArray(parsed)) return quotes;
  const kept = parsed.filter((q) => !(typeof q === 'object' && q !== null && isErasedSpeaker((q as { speaker?: unknown }).speaker)));
  return kept.length === parsed.length ? quotes : JSON.stringify(kept);
}
