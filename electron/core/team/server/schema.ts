import type { ColumnType, Generated, Kysely } from 'kysely';

// The hub's tables as its migrations leave them (schema `team`), so the laptop's queries against the
// server are typed from the table like the workspace's. Frozen migrations stay raw DDL.

type JsonObject = Record<string, unknown>;
/** timestamptz: pg reads it as a Date; written by the server's defaults. */
type ServerTime = ColumnType<Date, never, never>;

export interface HubDatabase {
  'team.migrations': { version: number; name: string; applied_at: ServerTime };
  'team.meta': { id: number; team_id: string; seq: Generated<number>; created_at: ServerTime };
  'team.members': { login: string; display_name: string; role: 'csm' | 'marketing' | 'manager' };
  'team.permissions': { role: 'csm' | 'marketing' | 'manager'; tbl: string; own_rows_only: Generated<boolean> };
  'team.field_guards': { role: 'csm' | 'marketing' | 'manager'; tbl: string; field: string };
  /** 0003: the state machines' legal moves, per table and field (copied from the domains' rules). */
  'team.transitions': { tbl: string; field: string; from_value: string; to_value: string };
  'team.rows': {
    gid: string;
    tbl: string;
    owner: string | null;
    data: JsonObject;
    clocks: Generated<Record<string, string>>;
    deleted: Generated<boolean>;
    version: Generated<number>;
    updated_by: ColumnType<string, never, never>;
    updated_at: ServerTime;
  };
  'team.change_log': {
    seq: number;
    gid: string;
    tbl: string;
    op: 'upsert' | 'delete' | 'erase';
    data: JsonObject;
    clocks: Record<string, string>;
    version: number;
    client_id: string | null;
    mutation_id: number | null;
    actor: string;
    at: ServerTime;
  };
  /** 0004: erased people, by gid only (docs/privacy.md). */
  'team.erasures': { gid: string; seq: number; at: ServerTime; actor: ColumnType<string, never, never> };
  /** 0006: what the hub refused, per laptop and mutation id, resent when a push is replayed after a lost reply. */
  'team.push_refusals': { client_id: string; mutation_id: number; rejection: JsonObject; at: ServerTime };
  /** 0006: history rows written beside a state-machine move; refused with their move. */
  'team.move_history': { tbl: string; parent_field: string; moved_tbl: string; moved_field: string; value_field: string };
  'team.clients': {
    client_id: string;
    login: ColumnType<string, never, never>;
    last_mutation_id: Generated<number>;
    last_batch: string | null;
    last_seen: ServerTime;
    /** 0003: the last clock the hub clamped for this laptop (its clamped clocks keep their order). */
    last_clock: string | null;
  };
}

/** A connection to the team server, typed by its tables. */
export type Hub = Kysely<HubDatabase>;
