// Month names as exports write them, in English and the languages of the CS teams' tools (issue 13:
// "9 octobre 2012", "9. Oktober 2012", "9 de octubre de 2012", "9 okt. 2012"). Built from the
// runtime's own locale data (Intl.DateTimeFormat), not hand-typed lists: both the standalone name
// ("październik") and the one a date uses ("9 października"), long and short. Compared normalised:
// lower case, no accents, no trailing dot. A name that means different months in two of these
// languages is reported as ambiguous, never read as one of them.

export const MONTH_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'nb', 'fi', 'pl'] as const;

/** "Déc." -> "dec": how a cell's month word and the table's names are compared. */
export const normaliseMonth = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '').trim();

type Entry = { month: number; locales: Set<string> };

/** The month table of some locales (exported for a test of two languages that disagree). */
export function monthTable(locales: readonly string[] = MONTH_LOCALES): Map<string, Entry[]> {
  const table = new Map<string, Entry[]>();
  const add = (name: string, month: number, locale: string) => {
    const key = normaliseMonth(name);
    if (key.length < 3 || /\d/.test(key)) return;
    const entries = table.get(key) ?? [];
    const entry = entries.find((e) => e.month === month);
    if (entry) entry.locales.add(locale);
    else entries.push({ month, locales: new Set([locale]) });
    table.set(key, entries);
  };
  for (const locale of locales) {
    for (const width of ['long', 'short'] as const) {
      const alone = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: width, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) {
        const date = new Date(Date.UTC(2012, m - 1, 9));
        add(alone.format(date), m, locale);
        const part = inDate.formatToParts(date).find((p) => p.type === 'month');
        if (part) add(part.value, m, locale);
      }
    }
  }
  // English's common "Sept", which Intl's short form ("Sep") does not give.
  if (locales.includes('en')) add('sept', 9, 'en');
  return table;
}

let TABLE: Map<string, Entry[]> | undefined;

/** A month word -> 1..12; null when no language here names a month so; a message when languages disagree. */
export function monthOfName(name: string, table?: Map<string, Entry[]>): number | null | { ambiguous: string } {
  const entries = (table ?? (TABLE ??= monthTable())).get(normaliseMonth(name));
  if (!entries) return null;
  if (entries.length === 1) return entries[0]!.month;
  const readings = entries.map((e) => `month ${e.month} in ${[...e.locales].join(', ')}`).join(' but ');
  return { ambiguous: `'${name}' is ${readings}: write the month as a number or in full` };
}
