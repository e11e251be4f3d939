import { matches, type AccountFacts, type MetricsFilter } from './repo';

/**
 * The dashboard's accounts by cell (issue 14): for each filter dimension (segment, industry,
 * region, owner, lifecycle stage) and value, the positions in the accounts input (inputs.ts) of
 * the accounts with that value, ascending. Built in one pass beside the accounts input it indexes
 * and patched with it (inputs.ts accountIndexOf); a filter then reads the lists of its values instead of testing every
 * account (the filtered accounts come out in the accounts input's order, as `filter(matches)` gave them).
 */

const KEYS = ['segment', 'industry', 'region', 'owner', 'lifecycleStage'] as const;
type Key = (typeof KEYS)[number];

export interface AccountIndex {
  all: readonly AccountFacts[];
  byValue: Map<Key, Map<string, number[]>>;
}

export function buildIndex(all: readonly AccountFacts[]): AccountIndex {
  const byValue = new Map<Key, Map<string, number[]>>(KEYS.map((key) => [key, new Map<string, number[]>()]));
  all.forEach((account, position) => {
    for (const key of KEYS) {
      const value = account[key];
      if (value === null) continue;
      const lists = byValue.get(key)!;
      const list = lists.get(value);
      if (list) list.push(position);
      else lists.set(value, [position]);
    }
  });
  return { all, byValue };
}

/**
 * The account at `position` moved from `before`'s values to `after`'s (an account write, inputs.ts):
 * out of its old values' lists, into its new ones' at its place in order, as buildIndex would list it
 * (a value no account has any more has no list, a new one is listed after the others).
 */
export function moveInIndex(index: AccountIndex, position: number, before: AccountFacts, after: AccountFacts): void {
  for (const key of KEYS) {
    if (before[key] === after[key]) continue;
    const lists = index.byValue.get(key)!;
    if (before[key] !== null) {
      const list = lists.get(before[key])!;
      list.splice(list.indexOf(position), 1);
      if (list.length === 0) lists.delete(before[key]);
    }
    if (after[key] !== null) {
      const list = lists.get(after[key]);
      if (!list) lists.set(after[key], [position]);
      else {
        let at = list.length;
        while (at > 0 && list[at - 1]! > position) at--;
        list.splice(at, 0, position);
      }
    }
  }
}

/**
 * Positions (ascending) of the accounts that match the filter, or null for no filter (every
 * account). Reads the lists of the filter's most selective dimension and tests only those accounts
 * against the rest of the filter (two dimensions at once walk the smaller one's accounts, not all).
 */
export function positionsFor(index: AccountIndex, filter: MetricsFilter): Int32Array | null {
  const named = KEYS.filter((key) => (filter[key]?.length ?? 0) > 0);
  if (named.length === 0) return null;
  const listsOf = (key: Key) => filter[key]!.map((value) => index.byValue.get(key)!.get(value) ?? []);
  const sizeOf = (key: Key) => listsOf(key).reduce((n, list) => n + list.length, 0);
  const narrowest = named.reduce((best, key) => (sizeOf(key) < sizeOf(best) ? key : best));
  // The values of one dimension are disjoint: their lists concatenated and sorted hold each account once.
  const lists = listsOf(narrowest);
  const positions = new Int32Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) for (const p of list) positions[at++] = p;
  positions.sort();
  if (named.length === 1) return positions;
  return positions.filter((p) => matches(index.all[p]!, filter));
}

/** The items at the positions (all of them, the list itself, for null), in order. */
export function pick<T>(items: readonly T[], positions: Int32Array | null): readonly T[] {
  if (positions === null) return items;
  const out = new Array<T>(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = items[positions[k]!]!;
  return out;
}
