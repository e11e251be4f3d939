import type Database from 'better-sqlite3';
import { changesSince, markNow, type LogEntry, type LogMark } from '../metrics/changeLog';
import { addResolutionTimes, applyContribution, cellKey, loadTicketCells, type TicketCell, type TicketContribution } from './ticketCells';

/**
 * The ticket cells kept in step with writes. Reading them is a scan of every ticket (seconds over
 * two million); a ticket written through the core instead logs its share of its cell before and
 * after (derived/hooks.ts, metrics/changeLog.ts), and the next measurement applies those to the
 * cells in memory: the first measurement after a write costs what a warm one does. Any other change
 * to tickets or accounts (an import, an account's segment) rereads them.
 */

/** A ticket write's log detail: its share before and after (null: it counted in no cell). */
export interface TicketChange {
  before: TicketContribution | null;
  after: TicketContribution | null;
}

interface Live {
  cells: TicketCell[];
  byKey: Map<string, TicketCell>;
  /** Whether the cells hold resolution times (read by a second scan, only once a card needs them). */
  resolution: boolean;
  mark: LogMark;
}

/** The domains whose writes change the cells: tickets (logged) and accounts (segment, archived: reread). */
const DOMAINS = ['tickets', 'accounts'] as const;

const state = new WeakMap<Database.Database, Live>();

function load(sqlite: Database.Database): Live {
  const mark = markNow(sqlite, DOMAINS);
  const cells = loadTicketCells(sqlite);
  return { cells, byKey: new Map(cells.map((cell) => [cellKey(cell), cell])), resolution: false, mark };
}

/** Applies logged ticket changes; false when an entry cannot be applied (an account's write: its segment or archiving moves all its tickets). */
function apply(live: Live, entries: readonly LogEntry[]): boolean {
  if (entries.some((entry) => entry.domain !== 'tickets' || !entry.detail)) return false;
  for (const entry of entries) {
    const { before, after } = entry.detail as TicketChange;
    if (before) applyContribution(live.cells, live.byKey, before, -1, live.resolution);
    if (after) applyContribution(live.cells, live.byKey, after, 1, live.resolution);
  }
  return true;
}

/** The cells as the tables are now, and a way to make sure they carry resolution times. */
export function liveTicketCells(sqlite: Database.Database): { cells: TicketCell[]; loadResolutionTimes(): void } {
  let live = state.get(sqlite);
  const since = live && changesSince(sqlite, live.mark, DOMAINS);
  if (live && since && apply(live, since.entries)) {
    live.mark = since.mark;
  } else {
    live = load(sqlite);
    state.set(sqlite, live);
  }
  const current = live;
  return {
    cells: current.cells,
    loadResolutionTimes() {
      if (current.resolution) return;
      addResolutionTimes(sqlite, current.cells);
      current.resolution = true;
    },
  };
}
