import { sql, type Kysely } from 'kysely';

// The hub's merge rules (docs/team.md "Push, pull and merge"), replacing 0002's team.push:
// - the clock clamp: a mutation clock more than 5 minutes ahead of the hub's now() is clamped to it,
//   so a laptop with a wrong wall clock cannot win every merge forever;
// - state machines re-validated: a move of a reference's stage, a request's status or a story's
//   stage that another laptop's move made illegal is refused (`transition`), the hub keeps its value;
//   a story reaches approved or published only with a live customer approval on the hub;
// - tombstones: an edit of a deleted row is stored but does not resurrect it; `restore` with a newer
//   clock does; a new row under a deleted parent is refused.
// The reply also names each field whose incoming value lost to a newer one (`superseded`).
// Frozen once landed: a later rule is a new file.

// The transitions, copied from the domains' rules (shared/contract/references.ts STAGE_TRANSITIONS,
// electron/core/requests/lifecycle.ts, shared/contract/stories.ts moveRefusal). A test holds this
// table equal to what the domains allow; when they change, a new hub migration follows.
const TRANSITIONS: Record<string, Record<string, Record<string, string[]>>> = {
  references: {
    stage: {
      candidate: ['nominated', 'declined'],
      nominated: ['recruited', 'declined', 'candidate'],
      recruited: ['active', 'retired'],
      active: ['resting', 'retired'],
      resting: ['active', 'retired'],
      retired: ['candidate'],
      declined: ['candidate'],
    },
  },
  reference_requests: {
    status: {
      requested: ['approved', 'declined', 'cancelled'],
      approved: ['scheduled', 'declined', 'cancelled'],
      scheduled: ['completed', 'declined', 'cancelled'],
    },
  },
  success_stories: {
    stage: {
      idea: ['drafting'],
      drafting: ['idea', 'customer_review'],
      customer_review: ['drafting', 'approved'],
      approved: ['customer_review', 'published'],
      published: ['approved', 'retired'],
      retired: ['published'],
    },
  },
};

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const transitionRows = Object.entries(TRANSITIONS).flatMap(([tbl, fields]) =>
  Object.entries(fields).flatMap(([field, edges]) => Object.entries(edges).flatMap(([from, tos]) => tos.map((to) => `(${[tbl, field, from, to].map(literal).join(', ')})`))),
);

/** A UUID as text (the hub's references to other rows in `data`). */
const UUID_RE = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

const statements = [
  `CREATE TABLE team.transitions (
     tbl text NOT NULL,
     field text NOT NULL,
     from_value text NOT NULL,
     to_value text NOT NULL,
     PRIMARY KEY (tbl, field, from_value, to_value))`,
  `INSERT INTO team.transitions (tbl, field, from_value, to_value) VALUES ${transitionRows.join(',\n     ')}`,
  `GRANT SELECT ON team.transitions TO fulcrum_team`,

  // The last clamped clock per laptop: its clamped clocks keep their order across batches.
  `ALTER TABLE team.clients ADD COLUMN last_clock text`,
  // "Has this laptop seen the hub's value?" looks up the log by row.
  `CREATE INDEX change_log_gid ON team.change_log (gid, seq)`,

  // At most 5 minutes ahead of the hub's now(); a clamped clock stays after the laptop's previous one.
  `CREATE FUNCTION team.clamp_clock(p_hlc text, p_after text) RETURNS text LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
   DECLARE
     limit_ms bigint := floor(extract(epoch FROM now()) * 1000)::bigint + 300000;
     ms bigint;
     counter int;
     clamped text;
   BEGIN
     IF p_hlc !~ '^[0-9]{15}:[0-9]{5}:.+$' THEN
       RAISE EXCEPTION 'not a clock: %', p_hlc USING ERRCODE = '23514';
     END IF;
     IF split_part(p_hlc, ':', 1)::bigint <= limit_ms THEN RETURN p_hlc; END IF;
     clamped := lpad(limit_ms::text, 15, '0') || ':00000:' || substr(p_hlc, 23);
     IF p_after IS NOT NULL AND clamped COLLATE "C" <= p_after COLLATE "C" THEN
       ms := split_part(p_after, ':', 1)::bigint;
       counter := split_part(p_after, ':', 2)::int + 1;
       IF counter > 65535 THEN ms := ms + 1; counter := 0; END IF;
       clamped := lpad(ms::text, 15, '0') || ':' || lpad(counter::text, 5, '0') || ':' || substr(p_hlc, 23);
     END IF;
     RETURN clamped;
   END $$`,

  // The first deleted row a new row (or a changed reference) points at, by the gids in its data.
  `CREATE FUNCTION team.deleted_parent(p_data jsonb) RETURNS uuid LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
   SELECT r.gid FROM team.rows r
    WHERE r.deleted AND r.gid IN (SELECT f.value::uuid FROM jsonb_each_text(p_data) f WHERE f.value ~ ${UUID_RE})
    LIMIT 1 $$`,

  // Why an incoming change breaks a state machine, or null. A move from a value this laptop had seen
  // (its own write, or one it pulled before moving) was checked by its own rules; a move from a value
  // another laptop wrote since must be a legal edge from it. A story's customer approval is checked always.
  `CREATE FUNCTION team.transition_problem(p_row team.rows, p_data jsonb, p_hlc text, p_client uuid, p_seen bigint) RETURNS jsonb
   LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
   DECLARE
     t record;
     v_from text;
     v_to text;
     field_clock text;
     first_seq bigint;
   BEGIN
     FOR t IN SELECT DISTINCT x.field FROM team.transitions x WHERE x.tbl = p_row.tbl LOOP
       CONTINUE WHEN NOT (p_data ? t.field);
       v_from := p_row.data->>t.field;
       v_to := p_data->>t.field;
       field_clock := coalesce(p_row.clocks->>t.field, p_row.clocks->>'*', '');
       -- An unchanged value, or one that loses on its clock anyway (superseded, not applied).
       CONTINUE WHEN v_from IS NOT DISTINCT FROM v_to OR p_hlc COLLATE "C" <= field_clock COLLATE "C";
       IF p_row.tbl = 'success_stories' AND v_to IN ('approved', 'published') AND NOT EXISTS (
           SELECT 1 FROM team.rows a WHERE a.tbl = 'story_approvals' AND NOT a.deleted
              AND a.data->>'story_id' = p_row.gid::text AND a.data->>'role' = 'customer') THEN
         RETURN jsonb_build_object('field', t.field, 'local', p_data->t.field, 'remote', p_row.data->t.field, 'remote_hlc', field_clock,
           'reason', format('the story cannot be %s: the customer''s approval is not on the team server (withdrawn on another laptop?)', v_to));
       END IF;
       CONTINUE WHEN split_part(field_clock, ':', 3) = p_client::text;
       IF p_seen IS NOT NULL THEN
         SELECT min(l.seq) INTO first_seq FROM team.change_log l
          WHERE l.gid = p_row.gid AND coalesce(l.clocks->>t.field, l.clocks->>'*') = field_clock;
         CONTINUE WHEN first_seq IS NULL OR first_seq <= p_seen;
       END IF;
       IF NOT EXISTS (SELECT 1 FROM team.transitions x
                       WHERE x.tbl = p_row.tbl AND x.field = t.field AND x.from_value = v_from AND x.to_value = v_to) THEN
         RETURN jsonb_build_object('field', t.field, 'local', p_data->t.field, 'remote', p_row.data->t.field, 'remote_hlc', field_clock,
           'reason', format('%s cannot move from %s to %s: another laptop moved it to %s first', t.field, v_from, v_to, v_from));
       END IF;
     END LOOP;
     RETURN NULL;
   END $$`,

  // p_seen: the laptop's pull cursor (the hub's changes up to it are what it had seen).
  `CREATE FUNCTION team.push(p_client uuid, p_batch uuid, p_mutations jsonb, p_seen bigint) RETURNS jsonb LANGUAGE plpgsql SET search_path = pg_catalog AS $$
   DECLARE
     c team.clients;
     m jsonb;
     f record;
     id bigint;
     op text;
     hlc text;
     incoming jsonb;
     parent_refs jsonb;
     handled boolean;
     existing team.rows;
     merged_data jsonb;
     merged_clocks jsonb;
     is_deleted boolean;
     field_clock text;
     n bigint;
     problem jsonb;
     parent uuid;
     owner_name text;
     clamped int := 0;
     rejections jsonb := '[]';
     notices jsonb := '[]';
   BEGIN
     INSERT INTO team.clients (client_id) VALUES (p_client) ON CONFLICT (client_id) DO NOTHING;
     SELECT * INTO c FROM team.clients WHERE client_id = p_client FOR UPDATE;
     IF NOT FOUND THEN RAISE EXCEPTION 'client % belongs to another login', p_client USING ERRCODE = '42501'; END IF;
     -- The same batch again (its reply was lost): nothing is applied twice.
     IF c.last_batch IS NOT DISTINCT FROM p_batch THEN
       RETURN jsonb_build_object('last_mutation_id', c.last_mutation_id, 'rejections', '[]'::jsonb, 'notices', '[]'::jsonb, 'clamped', 0, 'replayed', true);
     END IF;
     FOR m IN SELECT value FROM jsonb_array_elements(p_mutations) LOOP
       id := (m->>'id')::bigint;
       CONTINUE WHEN id <= c.last_mutation_id;
       PERFORM set_config('team.client_id', p_client::text, true);
       PERFORM set_config('team.mutation_id', id::text, true);
       BEGIN
         op := m->>'op';
         IF op IS NULL OR op NOT IN ('insert', 'update', 'delete', 'restore') THEN
           RAISE EXCEPTION 'unknown change %', op USING ERRCODE = '23514';
         END IF;
         hlc := team.clamp_clock(m->>'hlc', c.last_clock);
         IF hlc <> m->>'hlc' THEN clamped := clamped + 1; c.last_clock := hlc; END IF;
         incoming := coalesce(m->'data', '{}'::jsonb);
         -- The references the row cannot live without, as the laptop names them (its foreign keys' ON DELETE
         -- CASCADE); without the list, every gid in the data counts.
         parent_refs := CASE WHEN m ? 'parents' THEN (SELECT coalesce(jsonb_object_agg(d.key, d.value), '{}'::jsonb) FROM jsonb_each(incoming) d
                                                       WHERE d.key IN (SELECT jsonb_array_elements_text(m->'parents')))
                        ELSE incoming END;
         SELECT * INTO existing FROM team.rows WHERE gid = (m->>'gid')::uuid;
         handled := NOT FOUND;
         IF NOT FOUND AND op IN ('insert', 'update') THEN
           parent := team.deleted_parent(parent_refs);
           IF parent IS NOT NULL THEN
             rejections := rejections || jsonb_build_object('id', id, 'gid', m->>'gid', 'kind', 'parent_deleted',
               'reason', format('it belongs to a row deleted on the team server (%s)', parent));
           ELSE
             owner_name := CASE WHEN m->>'tbl' = 'accounts' THEN incoming->>'owner'
               ELSE (SELECT r.owner FROM team.rows r WHERE r.gid::text = incoming->>'account_id') END;
             -- Another push may create the same gid meanwhile (a deterministic id): then this merges into its row.
             INSERT INTO team.rows (gid, tbl, owner, data, clocks)
             VALUES ((m->>'gid')::uuid, m->>'tbl', owner_name, incoming, jsonb_build_object('*', hlc))
             ON CONFLICT (gid) DO NOTHING;
             GET DIAGNOSTICS n = ROW_COUNT;
             IF n = 0 THEN
               SELECT * INTO existing FROM team.rows WHERE gid = (m->>'gid')::uuid;
               handled := NOT FOUND;
             END IF;
           END IF;
         END IF; -- a delete or restore of a row the hub never had: nothing to do
         IF NOT handled THEN
           -- One writer per row: lock it, then read it again (a concurrent push may have changed it since;
           -- READ COMMITTED reads the latest). A row the member may not update is not locked: its update is refused below.
           PERFORM 1 FROM team.rows WHERE gid = existing.gid FOR UPDATE;
           IF FOUND THEN SELECT * INTO existing FROM team.rows WHERE gid = existing.gid; END IF;
         END IF;
         IF handled THEN
           NULL;
         ELSIF op = 'delete' THEN
           -- Deletes win; the data is kept (a tombstone) with the delete's clock.
           merged_clocks := existing.clocks;
           IF hlc COLLATE "C" > coalesce(existing.clocks->>'_deleted', '') COLLATE "C" THEN
             merged_clocks := merged_clocks || jsonb_build_object('_deleted', hlc);
           END IF;
           IF NOT existing.deleted OR merged_clocks <> existing.clocks THEN
             UPDATE team.rows SET clocks = merged_clocks, deleted = true WHERE gid = existing.gid;
             GET DIAGNOSTICS n = ROW_COUNT;
             IF n = 0 THEN RAISE EXCEPTION 'not permitted to change this row' USING ERRCODE = '42501'; END IF;
           END IF;
         ELSE
           problem := CASE WHEN existing.deleted THEN NULL ELSE team.transition_problem(existing, incoming, hlc, p_client, p_seen) END;
           parent := team.deleted_parent((SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(parent_refs)
                                           WHERE existing.data->key IS DISTINCT FROM value));
           IF problem IS NOT NULL THEN
             rejections := rejections || (problem || jsonb_build_object('id', id, 'gid', m->>'gid', 'kind', 'transition', 'hlc', hlc));
           ELSIF parent IS NOT NULL THEN
             rejections := rejections || jsonb_build_object('id', id, 'gid', m->>'gid', 'kind', 'parent_deleted',
               'reason', format('it would point at a row deleted on the team server (%s)', parent));
           ELSE
             -- Per field, the later clock wins (a field without its own clock has the row's '*').
             merged_data := existing.data;
             merged_clocks := existing.clocks;
             is_deleted := existing.deleted;
             FOR f IN SELECT key, value FROM jsonb_each(incoming) LOOP
               field_clock := coalesce(existing.clocks->>f.key, existing.clocks->>'*', '');
               IF hlc COLLATE "C" > field_clock COLLATE "C" THEN
                 merged_data := merged_data || jsonb_build_object(f.key, f.value);
                 merged_clocks := merged_clocks || jsonb_build_object(f.key, hlc);
               ELSIF existing.data->f.key IS DISTINCT FROM f.value THEN
                 notices := notices || jsonb_build_object('id', id, 'gid', m->>'gid', 'kind', 'superseded', 'field', f.key,
                   'local', f.value, 'remote', existing.data->f.key, 'hlc', hlc, 'remote_hlc', field_clock);
               END IF;
             END LOOP;
             IF existing.deleted THEN
               IF op = 'restore' AND hlc COLLATE "C" > coalesce(existing.clocks->>'_deleted', '') COLLATE "C" THEN
                 is_deleted := false;
                 merged_clocks := merged_clocks || jsonb_build_object('_deleted', hlc);
               ELSE
                 -- Stored with its clocks, but the row stays deleted until an explicit, newer restore.
                 notices := notices || jsonb_build_object('id', id, 'gid', m->>'gid', 'kind', 'edit_on_deleted', 'hlc', hlc,
                   'remote_hlc', existing.clocks->>'_deleted');
               END IF;
             END IF;
             IF merged_data <> existing.data OR merged_clocks <> existing.clocks OR is_deleted <> existing.deleted THEN
               owner_name := CASE WHEN existing.tbl = 'accounts' THEN merged_data->>'owner' ELSE existing.owner END;
               UPDATE team.rows SET data = merged_data, clocks = merged_clocks, owner = owner_name, deleted = is_deleted
                WHERE gid = existing.gid;
               -- The RLS pitfall: a row the policy hides "updates" 0 rows. That is a refusal, not a success.
               GET DIAGNOSTICS n = ROW_COUNT;
               IF n = 0 THEN RAISE EXCEPTION 'not permitted to change this row' USING ERRCODE = '42501'; END IF;
             END IF;
           END IF;
         END IF;
       EXCEPTION WHEN insufficient_privilege OR check_violation OR not_null_violation OR invalid_text_representation THEN
         -- A permanent refusal still advances the mutation id, or the laptop would stall on it.
         rejections := rejections || jsonb_build_object('id', id, 'gid', m->>'gid',
           'kind', CASE WHEN SQLSTATE = '42501' THEN 'forbidden' ELSE 'invalid' END, 'reason', SQLERRM);
       END;
       c.last_mutation_id := id;
     END LOOP;
     UPDATE team.clients SET last_mutation_id = c.last_mutation_id, last_batch = p_batch, last_clock = c.last_clock, last_seen = now()
      WHERE client_id = p_client;
     RETURN jsonb_build_object('last_mutation_id', c.last_mutation_id, 'rejections', rejections, 'notices', notices, 'clamped', clamped,
       'server_now', floor(extract(epoch FROM now()) * 1000)::bigint, 'replayed', false);
   END $$`,
  `GRANT EXECUTE ON FUNCTION team.push(uuid, uuid, jsonb, bigint) TO fulcrum_team`,

  // 0002's signature stays for laptops that do not send their cursor: the same rules, every move
  // from another laptop's value checked.
  `CREATE OR REPLACE FUNCTION team.push(p_client uuid, p_batch uuid, p_mutations jsonb) RETURNS jsonb LANGUAGE sql SET search_path = pg_catalog AS
   $$ SELECT team.push(p_client, p_batch, p_mutations, NULL::bigint) $$`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** The transitions this migration put on the hub (read by the test that holds them equal to the domains' rules). */
export const HUB_TRANSITIONS = TRANSITIONS;
