import { sql, type Kysely } from 'kysely';

// The change log's counter taken once per transaction, not once per row (issue 19, docs/team.md "The hub").
// Frozen once landed.
//
// 0001's rows_after bumped `team.meta`'s counter row for every log entry. In one transaction every
// bump is a new version of that row which the next bump must walk past (none can be pruned before
// commit), so a transaction of n entries paid ~n²/2 steps: 20,000 bumps 18.7 s (docs/benchmarks.md).
// Now a transaction's first entry takes meta's row lock, held to commit, exactly as before; each entry
// is numbered after the highest entry the log holds (committed ones, and this transaction's own: the
// lock keeps every other writer out until this one commits, so seq still follows commit order, and a
// pull by `seq > cursor` never skips an entry that commits late). Meta's counter catches up once, at
// commit (a deferred trigger queued by the first entry's lock-taking update), so whoever reads it
// (join's cursor, team.erase, the sync's progress) reads the last committed entry as before, and one
// notification per transaction names it (listeners pull from their cursor anyway).
//
// Two more costs of the push found by the same profile (pg_stat_statements over a 10,000-change push,
// docs/benchmarks.md): 0006's wrapper built each chunk by appending to a jsonb value, copying the chunk
// on every mutation (~n²/2 for a batch of n): now an array, turned into jsonb once per chunk. And 0003's
// team.deleted_parent, a SQL function called inside a query, had its body parsed and planned again on
// every call (0.7 ms a mutation); as PL/pgSQL its plan is kept for the session, and an empty set of
// references (an update that moves no reference) asks nothing.

const statements = [
  // The transaction's first entry (team.seq_held names the transaction) takes the lock with an update
  // that changes nothing but queues the commit-time catch-up; every entry re-takes the lock, which is a
  // no-op once held, so a forged setting cannot skip it.
  `CREATE OR REPLACE FUNCTION team.rows_after() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   DECLARE
     counter bigint;
     top bigint;
     s bigint;
   BEGIN
     IF current_setting('team.seq_held', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
       UPDATE team.meta SET seq = seq WHERE id = 1;
       PERFORM set_config('team.seq_held', pg_current_xact_id()::text, true);
     END IF;
     SELECT m.seq INTO counter FROM team.meta m WHERE m.id = 1 FOR NO KEY UPDATE;
     SELECT max(l.seq) INTO top FROM team.change_log l;
     s := greatest(counter, coalesce(top, 0)) + 1;
     INSERT INTO team.change_log (seq, gid, tbl, op, data, clocks, version, client_id, mutation_id, actor)
     VALUES (s, NEW.gid, NEW.tbl, CASE WHEN NEW.deleted THEN 'delete' ELSE 'upsert' END, NEW.data, NEW.clocks, NEW.version,
             nullif(current_setting('team.client_id', true), '')::uuid, nullif(current_setting('team.mutation_id', true), '')::bigint, session_user);
     RETURN NULL;
   END $$`,

  // At commit (deferred): the counter catches up with the log, still under the lock; one notification.
  // Any update of meta queues it (team.erase's and init's bumps too); its own update queues one more
  // run, which finds nothing to do.
  `CREATE FUNCTION team.meta_at_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   DECLARE top bigint;
   BEGIN
     SELECT max(l.seq) INTO top FROM team.change_log l;
     UPDATE team.meta SET seq = top WHERE id = 1 AND seq < top;
     IF FOUND THEN PERFORM pg_notify('fulcrum_team', top::text); END IF;
     RETURN NULL;
   END $$`,
  `CREATE CONSTRAINT TRIGGER meta_at_commit AFTER UPDATE ON team.meta DEFERRABLE INITIALLY DEFERRED
     FOR EACH ROW EXECUTE FUNCTION team.meta_at_commit()`,

  // 0003's, the same answer: the first deleted row a new row (or a changed reference) points at, by the gids in its data.
  `CREATE OR REPLACE FUNCTION team.deleted_parent(p_data jsonb) RETURNS uuid LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
   BEGIN
     IF p_data IS NULL OR p_data = '{}'::jsonb THEN RETURN NULL; END IF;
     RETURN (SELECT r.gid FROM team.rows r
              WHERE r.deleted AND r.gid IN (SELECT f.value::uuid FROM jsonb_each_text(p_data) f
                                             WHERE f.value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
              LIMIT 1);
   END $$`,

  // One chunk of a batch applied by 0003's rules, its refusals kept for a resend (0006): the push's two flushes.
  `CREATE FUNCTION team.push_chunk(p_client uuid, p_chunk jsonb[], p_seen bigint) RETURNS jsonb LANGUAGE plpgsql SET search_path = pg_catalog AS $$
   DECLARE part jsonb;
   BEGIN
     part := team.push_0003(p_client, gen_random_uuid(), to_jsonb(p_chunk), p_seen);
     INSERT INTO team.push_refusals (client_id, mutation_id, rejection)
     SELECT p_client, (r.value->>'id')::bigint, r.value FROM jsonb_array_elements(part->'rejections') r ON CONFLICT DO NOTHING;
     RETURN part;
   END $$`,

  // 0006's push, its chunks kept as an array (appended in place) instead of a growing jsonb value.
  `CREATE OR REPLACE FUNCTION team.push(p_client uuid, p_batch uuid, p_mutations jsonb, p_seen bigint) RETURNS jsonb LANGUAGE plpgsql SET search_path = pg_catalog AS $$
   DECLARE
     c team.clients;
     m jsonb;
     chunk jsonb[] := '{}';
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
           IF cardinality(chunk) > 0 THEN
             part := team.push_chunk(p_client, chunk, p_seen);
             notices := notices || (part->'notices');
             clamped := clamped + (part->>'clamped')::int;
             chunk := '{}';
           END IF;
           refusal := team.refused_move(p_client, m, p_mutations);
           IF refusal IS NOT NULL THEN
             INSERT INTO team.push_refusals (client_id, mutation_id, rejection) VALUES (p_client, (m->>'id')::bigint, refusal) ON CONFLICT DO NOTHING;
             UPDATE team.clients SET last_mutation_id = greatest(last_mutation_id, (m->>'id')::bigint) WHERE client_id = p_client;
             CONTINUE;
           END IF;
         END IF;
         chunk := array_append(chunk, m);
       END LOOP;
       IF cardinality(chunk) > 0 THEN
         part := team.push_chunk(p_client, chunk, p_seen);
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
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
