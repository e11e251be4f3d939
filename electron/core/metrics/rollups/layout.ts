import { CHANNELS } from '../../../../shared/contract/common';
import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';

/**
 * The counter vector of one rollup row (an account-month or a segment-month): fixed offsets into
 * an array of unsigned counters, stored as a BLOB of little-endian uint32. Changing the layout
 * bumps ROLLUP_LAYOUT_VERSION, and the core rebuilds the rollups of a workspace built with an
 * older one when it opens it.
 */
// 2: the dimension level, the accounts' keys and the facet counts (migration 0007).
// 3: the cohort cells and the accounts' start and churn months (migration 0013).
export const ROLLUP_LAYOUT_VERSION = 3;

const block = (start: number, length: number) => ({ start, length });

let at = 0;
const next = (length: number) => {
  const b = block(at, length);
  at += length;
  return b;
};

export const L = {
  /** Tickets opened in the month. */
  opened: next(1),
  /** Tickets resolved in the month (whenever opened): opened − resolved, summed, is the backlog. */
  resolved: next(1),
  /** Tickets opened, by priority (TICKET_PRIORITIES order). */
  byPriority: next(TICKET_PRIORITIES.length),
  /** Tickets opened, by channel (CHANNELS order). */
  byChannel: next(CHANNELS.length),
  /** Tickets with a CSAT answer, and those answering 4-5, by channel. */
  channelCsatN: next(CHANNELS.length),
  channelCsatSatisfied: next(CHANNELS.length),
  /** Survey answers per scale point: NPS 0-10, CSAT 1-5, NSAT 1-4 + don't know + n/a, CES 1-7. */
  nps: next(11),
  csat: next(5),
  nsat: next(6),
  ces: next(7),
  /** Advocate pairs: champions, moral supporters, captives, rebels. */
  advocates: next(4),
  touchpoints: next(1),
} as const;

export const COUNTERS = at;

/**
 * Sketch series in the `times` BLOB: first response and resolution minutes, per priority of the
 * ticket (so SLA attainment per priority reads its own series; the overall median merges them).
 */
export const SERIES = {
  firstResponse: (priority: number) => priority,
  resolution: (priority: number) => TICKET_PRIORITIES.length + priority,
} as const;
export const SERIES_COUNT = 2 * TICKET_PRIORITIES.length;

export const priorityIndex = (p: string) => (TICKET_PRIORITIES as readonly string[]).indexOf(p);
export const channelIndex = (c: string) => (CHANNELS as readonly string[]).indexOf(c);
