// What every per-account generator is handed: its own random stream, the sink, the id counters,
// the timeline and the ids of the fixed catalogue rows.

import type { Channel } from '../../../shared/contract/common';
import type { Timeline } from './accounts';
import type { TouchpointKind } from './catalog';
import type { Rng } from './random';
import type { Sink, TableName } from './rows';

export interface Gen {
  rng: Rng;
  sink: Sink;
  /** The next id of a table. Ids are assigned here, not by SQLite, so children can name parents before they are flushed. */
  id: (table: TableName) => number;
  timeline: Timeline;
  /** persona id per index of PERSONAS */
  personaIds: readonly number[];
  /** The journey touchpoint each kind of recorded touchpoint is linked to. */
  journeyLinks: Partial<Record<TouchpointKind, number>>;
}

export interface ContactInfo {
  id: number;
  name: string;
  title: string;
  persona: number;
  isChampion: boolean;
  isSponsor: boolean;
  /** Channels the contact's persona is willing to be reached through. */
  willing: readonly Channel[];
}

export function createIds(): (table: TableName) => number {
  const next = new Map<TableName, number>();
  return (table) => {
    const id = (next.get(table) ?? 0) + 1;
    next.set(table, id);
    return id;
  };
}
