import type { ImportMapping } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import type { Source, SourceRow } from './source';
import { isMissing, parseInstant } from './values';

// An event log (one row per event: case id, activity, timestamp, resource) read as tickets, one per
// case: opened = the first event; first response = the first event whose activity is one the user
// named; resolved = the first resolving activity; status from the last event. Repeated case ids are
// the point of the file, so the rows are grouped before the import sees them: the plan reads this
// source of one row per case, under headers of its own.

type EventLog = NonNullable<ImportMapping['eventLog']>;

export const EVENT_LOG_HEADERS = ['Case', 'Opened', 'First response', 'Resolved', 'Status', 'Last activity', 'Events', 'Account'] as const;

interface Event {
  at: string;
  activity: string;
  resource: string;
  account: string;
}

/** The ticket fields the synthetic columns fill (the caller's own fields are laid over these). */
export const EVENT_LOG_FIELDS: ImportMapping['fields'] = {
  externalId: 'Case',
  openedAt: 'Opened',
  firstResponseAt: 'First response',
  resolvedAt: 'Resolved',
  status: 'Status',
  topic: 'Last activity',
};

/** Pure: one case's events (any order) as its ticket's cells, in EVENT_LOG_HEADERS' order. */
export function caseCells(caseId: string, events: readonly Event[], spec: EventLog): string[] {
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const first = ordered[0]!;
  const last = ordered.at(-1)!;
  const firstResponse = ordered.find((event) => event !== first && spec.firstResponse.includes(event.activity));
  const resolved = ordered.find((event) => spec.resolved.includes(event.activity));
  const status = spec.statusByActivity?.[last.activity] ?? (spec.resolved.includes(last.activity) ? 'solved' : 'open');
  const account = ordered.find((event) => event.account !== '')?.account ?? '';
  return [caseId, first.at, firstResponse?.at ?? '', resolved?.at ?? '', status, last.activity, String(ordered.length), account];
}

export function eventLogSource(source: Source, spec: EventLog): Source {
  const index = (column: string | undefined, role: string) => {
    if (column === undefined) return -1;
    const at = source.headers.indexOf(column);
    if (at < 0) throw new CoreError('BAD_INPUT', `the event log's ${role} column '${column}' is not in the file`);
    return at;
  };
  const caseAt = index(spec.caseId, 'case id');
  const activityAt = index(spec.activity, 'activity');
  const timeAt = index(spec.timestamp, 'timestamp');
  const resourceAt = index(spec.resource, 'resource');
  const accountAt = index(spec.account, 'account');
  // Grouped once, on first read (the plan samples, then the run reads again).
  let grouped: SourceRow[] | undefined;
  const group = (): SourceRow[] => {
    if (grouped) return grouped;
    const cases = new Map<string, { row: number; events: Event[] }>();
    for (const { row, cells } of source.rows()) {
      const caseId = (cells[caseAt] ?? '').trim();
      if (isMissing(caseId)) continue;
      const raw = cells[timeAt] ?? '';
      const parsed = parseInstant(raw, 'ymd');
      // An unreadable time stays as written: the ticket's openedAt reports it as the problem of its row.
      const event = {
        at: 'value' in parsed ? parsed.value : raw,
        activity: (cells[activityAt] ?? '').trim(),
        resource: resourceAt < 0 ? '' : (cells[resourceAt] ?? '').trim(),
        account: accountAt < 0 ? '' : (cells[accountAt] ?? '').trim(),
      };
      const found = cases.get(caseId);
      if (found) found.events.push(event);
      else cases.set(caseId, { row, events: [event] });
    }
    // A case's row number is its first event's, so a problem points at the file.
    grouped = [...cases].map(([caseId, { row, events }]) => ({ row, cells: caseCells(caseId, events, spec) }));
    return grouped;
  };
  let done = 0;
  return {
    ...source,
    headers: [...EVENT_LOG_HEADERS],
    *rows() {
      const rows = group();
      done = 0;
      for (const row of rows) {
        done++;
        yield row;
      }
    },
    fraction: () => (grouped && grouped.length > 0 ? done / grouped.length : 0),
  };
}

/** The mapping an event log is imported with: the synthetic columns, the account column, the caller's fields over them. */
export function eventLogMapping(mapping: ImportMapping): ImportMapping {
  const spec = mapping.eventLog!;
  const fields = { ...EVENT_LOG_FIELDS, ...(spec.account ? { account: 'Account' } : {}), ...mapping.fields };
  return { ...mapping, fields };
}
