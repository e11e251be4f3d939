import { sql, type Kysely } from 'kysely';
import { ERASE_WITHOUT_HOLDING_THE_COUNTER } from './0006_erase';

// Three correctness gaps of the push and the erasure (issue 19, docs/team.md "Failure cases"). Frozen once landed.
//
// 1. Refusals kept with their mutation (`team.push_refusals`): a push replayed after a lost reply
//    (the same batch id, or a new one whose mutation ids the hub already applied) gets back what the
//    hub refused in it, so the laptop lists it. Kept until the laptop has plainly recorded them: it
//    sends its pending changes from the lowest up, so a refusal below a batch's first id is known
//    there; it is dropped a day later (a history row may still ask for its move's verdict, below).
// 2. A move's history row shares its move's verdict (`team.move_history`): a `reference_stage_changes`
//    insert naming a move the hub refused as `transition` is refused with it, never applied alone.
//    0003's push becomes `team.push_0003`, called by the new `team.push` chunk by chunk: a history
//    row is decided after everything before it in the batch was applied or refused.
// 3. `team.erase` scans without holding the log's counter (`team.meta`'s row): 0006_erase.ts.

const statements = [
  `CREATE TABLE team.push_refusals (
     client_id uuid NOT NULL REFERENCES team.clients ON DELETE CASCADE,
     mutation_id bigint NOT NULL,
     rejection jsonb NOT NULL,
     at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (client_id, mutation_id))`,
  `ALTER TABLE team.push_refusals ENABLE ROW LEVEL SECURITY`,
  // team.clients shows a member only her own laptops, so this shows her only theirs.
  `CREATE POLICY refusals_own ON team.push_refusals FOR ALL TO fulcrum_team
     USING (EXISTS (SELECT 1 FROM team.clients c WHERE c.client_id = push_refusals.client_id))
     WITH CHECK (EXISTS (SELECT 1 FROM team.clients c WHERE c.client_id = push_refusals.client_id))`,
  `GRANT SELECT, INSERT, DELETE ON team.push_refusals TO fulcrum_team`,

  // A history row written beside a state-machine move, by the table that holds it: the moved row it
  // names (parent_field), the moved field, and the field holding the value moved to.
  `CREATE TABLE team.move_history (
     tbl text PRIMARY KEY,
     parent_field text NOT NULL,
     moved_tbl text NOT NULL,
     moved_field text NOT NULL,
     value_field text NOT NULL)`,
  `INSERT INTO team.move_history VALUES ('reference_stage_changes', 'reference_id', 'references', 'stage', 'to_stage')`,
  `GRANT SELECT ON team.move_history TO fulcrum_team`,

  `ALTER FUNCTION team.push(uuid, uuid, jsonb, bigint) RENAME TO push_0003`,

  // The move a history row records, when the hub refused it: the latest refusal of that row's field
  // to that value before the history row, with no later accepted change of the field in between.
  `CREATE FUNCTION team.refused_move(p_client uuid, p_m jsonb, p_batch jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
   DECLARE
     h team.move_history;
     r team.push_refusals;
   BEGIN
     SELECT * INTO h FROM team.move_history WHERE tbl = p_m->>'tbl';
     IF NOT FOUND OR p_m->>'op' <> 'insert' THEN RETURN NULL; END IF;
     SELECT * INTO r FROM team.push_refusals x
      WHERE x.client_id = p_client AND x.mutation_id < (p_m->>'id')::bigint AND x.rejection->>'kind' = 'transition'
        AND x.rejection->>'gid' = p_m->'data'->>h.parent_field AND x.rejection->>'field' = h.moved_field
        AND x.rejection->'local' = p_m->'data'->h.value_field
      ORDER BY x.mutation_id DESC LIMIT 1;
     IF NOT FOUND THEN RETURN NULL; END IF;
     -- A later change of the same field in this batch that the hub took: the history row is that one's.
     IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_batch) b
                 WHERE (b.value->>'id')::bigint > r.mutation_id AND (b.value->>'id')::bigint < (p_m->>'id')::bigint
                   AND b.value->>'gid' = r.rejection->>'gid' AND b.value->'data' ? h.moved_field
                   AND NOT EXISTS (SELECT 1 FROM team.push_refusals y WHERE y.client_id = p_client AND y.mutation_id = (b.value->>'id')::bigint)) THEN
       RETURN NULL;
     END IF;
     RETURN jsonb_build_object('id', (p_m->>'id')::bigint, 'gid', p_m->>'gid', 'kind', 'transition', 'field', h.moved_field,
       'local', r.rejection->'local', 'remote', r.rejection->'remote', 'remote_hlc', r.rejection->'remote_hlc', 'move', r.mutation_id,
       'reason', format('the history of a move the team server refused (%s)', r.rejection->>'reason'));
   END $$`,

  `CREATE FUNCTION team.push(p_client uuid, p_batch uuid, p_mutations jsonb, p_seen bigint) RETURNS jsonb LANGUAGE plpgsql SET search_path = pg_catalog AS $$
   DECLARE
     c team.clients;
     m jsonb;
     chunk jsonb := '[]';
     part jsonb;
     refusal jsonb;
     first_id bigint;
     notices jsonb := '[]';
     clamped int := 0;
     replayed boolean;
   BEGIN
     INSERT INTO team.clients (client_id) VALUES (p_client) ON CONFLICT (client_id) DO NOTHING;
     SELECT * INTO c FROM team.clients WHERE client_id = p_client FOR UPDATE;
     IF NOT FOUND THEN RAISE EXCEPTION 'client % belongs to another login', p_client USING ERRCODE = '42501'; END IF;
     SELECT min((value->>'id')::bigint) INTO first_id FROM jsonb_array_elements(p_mutations);
     DELETE FROM team.push_refusals WHERE client_id = p_client AND mutation_id < first_id AND at < now() - interval '1 day';
     replayed := c.last_batch IS NOT DISTINCT FROM p_batch;
     IF NOT replayed THEN
       FOR m IN SELECT value FROM jsonb_array_elements(p_mutations) ORDER BY (value->>'id')::bigint LOOP
         CONTINUE WHEN (m->>'id')::bigint <= c.last_mutation_id;
         IF m->>'tbl' IN (SELECT tbl FROM team.move_history) AND m->>'op' = 'insert' THEN
           -- Its move may be in the chunk so far: that is decided first.
           IF jsonb_array_length(chunk) > 0 THEN
             part := team.push_0003(p_client, gen_random_uuid(), chunk, p_seen);
             INSERT INTO team.push_refusals (client_id, mutation_id, rejection)
             SELECT p_client, (r.value->>'id')::bigint, r.value FROM jsonb_array_elements(part->'rejections') r ON CONFLICT DO NOTHING;
             notices := notices || (part->'notices');
             clamped := clamped + (part->>'clamped')::int;
             chunk := '[]';
           END IF;
           refusal := team.refused_move(p_client, m, p_mutations);
           IF refusal IS NOT NULL THEN
             INSERT INTO team.push_refusals (client_id, mutation_id, rejection) VALUES (p_client, (m->>'id')::bigint, refusal) ON CONFLICT DO NOTHING;
             UPDATE team.clients SET last_mutation_id = greatest(last_mutation_id, (m->>'id')::bigint) WHERE client_id = p_client;
             CONTINUE;
           END IF;
         END IF;
         chunk := chunk || jsonb_build_array(m);
       END LOOP;
       IF jsonb_array_length(chunk) > 0 THEN
         part := team.push_0003(p_client, gen_random_uuid(), chunk, p_seen);
         INSERT INTO team.push_refusals (client_id, mutation_id, rejection)
         SELECT p_client, (r.value->>'id')::bigint, r.value FROM jsonb_array_elements(part->'rejections') r ON CONFLICT DO NOTHING;
         notices := notices || (part->'notices');
         clamped := clamped + (part->>'clamped')::int;
       END IF;
       UPDATE team.clients SET last_batch = p_batch, last_seen = now() WHERE client_id = p_client;
     END IF;
     SELECT * INTO c FROM team.clients WHERE client_id = p_client;
     -- Every refusal of this batch's mutations, also those decided by an earlier call whose reply was lost.
     RETURN jsonb_build_object('last_mutation_id', c.last_mutation_id,
       'rejections', (SELECT coalesce(jsonb_agg(x.rejection ORDER BY x.mutation_id), '[]'::jsonb) FROM team.push_refusals x
                       WHERE x.client_id = p_client AND x.mutation_id IN (SELECT (value->>'id')::bigint FROM jsonb_array_elements(p_mutations))),
       'notices', notices, 'clamped', clamped, 'server_now', floor(extract(epoch FROM now()) * 1000)::bigint, 'replayed', replayed);
   END $$`,
  `GRANT EXECUTE ON FUNCTION team.push(uuid, uuid, jsonb, bigint) TO fulcrum_team`,
  ERASE_WITHOUT_HOLDING_THE_COUNTER,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
