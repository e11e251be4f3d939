import { sql, type Kysely } from 'kysely';

// The push (docs/team.md "Push"): one call applies a batch of a laptop's changes in one transaction,
// exactly once. SECURITY INVOKER: the member's RLS policies and grants govern every write. Frozen.

const statements = [
  `CREATE FUNCTION team.push(p_client uuid, p_batch uuid, p_mutations jsonb) RETURNS jsonb LANGUAGE plpgsql SET search_path = pg_catalog AS $$
   DECLARE
     c team.clients;
     m jsonb;
     f record;
     id bigint;
     existing team.rows;
     merged_data jsonb;
     merged_clocks jsonb;
     field_clock text;
     n bigint;
     rejections jsonb := '[]';
     owner_name text;
   BEGIN
     INSERT INTO team.clients (client_id) VALUES (p_client) ON CONFLICT (client_id) DO NOTHING;
     SELECT * INTO c FROM team.clients WHERE client_id = p_client FOR UPDATE;
     IF NOT FOUND THEN RAISE EXCEPTION 'client % belongs to another login', p_client USING ERRCODE = '42501'; END IF;
     -- The same batch again (its reply was lost): nothing is applied twice.
     IF c.last_batch IS NOT DISTINCT FROM p_batch THEN
       RETURN jsonb_build_object('last_mutation_id', c.last_mutation_id, 'rejections', '[]'::jsonb, 'replayed', true);
     END IF;
     FOR m IN SELECT value FROM jsonb_array_elements(p_mutations) LOOP
       id := (m->>'id')::bigint;
       CONTINUE WHEN id <= c.last_mutation_id;
       PERFORM set_config('team.client_id', p_client::text, true);
       PERFORM set_config('team.mutation_id', id::text, true);
       BEGIN
         SELECT * INTO existing FROM team.rows WHERE gid = (m->>'gid')::uuid;
         IF NOT FOUND THEN
           IF m->>'op' = 'delete' THEN
             NULL; -- a row created and deleted before it ever reached the hub
           ELSE
             owner_name := CASE WHEN m->>'tbl' = 'accounts' THEN m->'data'->>'owner'
               ELSE (SELECT r.owner FROM team.rows r WHERE r.gid::text = m->'data'->>'account_id') END;
             INSERT INTO team.rows (gid, tbl, owner, data, clocks)
             VALUES ((m->>'gid')::uuid, m->>'tbl', owner_name, m->'data', jsonb_build_object('*', m->>'hlc'));
           END IF;
         ELSE
           -- Per field, the later clock wins (a field without its own clock has the row's '*').
           merged_data := existing.data;
           merged_clocks := existing.clocks;
           IF m->>'op' = 'delete' THEN
             IF m->>'hlc' > coalesce(existing.clocks->>'_deleted', existing.clocks->>'*', '') THEN
               merged_clocks := merged_clocks || jsonb_build_object('_deleted', m->>'hlc');
             END IF;
           ELSE
             FOR f IN SELECT key, value FROM jsonb_each(m->'data') LOOP
               field_clock := coalesce(existing.clocks->>f.key, existing.clocks->>'*', '');
               IF m->>'hlc' > field_clock THEN
                 merged_data := merged_data || jsonb_build_object(f.key, f.value);
                 merged_clocks := merged_clocks || jsonb_build_object(f.key, m->>'hlc');
               END IF;
             END LOOP;
           END IF;
           owner_name := CASE WHEN existing.tbl = 'accounts' THEN merged_data->>'owner' ELSE existing.owner END;
           UPDATE team.rows SET data = merged_data, clocks = merged_clocks, owner = owner_name,
             deleted = existing.deleted OR (m->>'op' = 'delete')
            WHERE gid = existing.gid;
           -- The RLS pitfall: a row the policy hides "updates" 0 rows. That is a refusal, not a success.
           GET DIAGNOSTICS n = ROW_COUNT;
           IF n = 0 THEN RAISE EXCEPTION 'not permitted to change this row' USING ERRCODE = '42501'; END IF;
         END IF;
       EXCEPTION WHEN insufficient_privilege OR check_violation OR not_null_violation OR invalid_text_representation THEN
         -- A permanent refusal still advances the mutation id, or the laptop would stall on it.
         rejections := rejections || jsonb_build_object('id', id, 'gid', m->>'gid', 'reason', SQLERRM);
       END;
       c.last_mutation_id := id;
     END LOOP;
     UPDATE team.clients SET last_mutation_id = c.last_mutation_id, last_batch = p_batch, last_seen = now() WHERE client_id = p_client;
     RETURN jsonb_build_object('last_mutation_id', c.last_mutation_id, 'rejections', rejections, 'replayed', false);
   END $$`,
  `GRANT EXECUTE ON FUNCTION team.push(uuid, uuid, jsonb) TO fulcrum_team`,
  // Members read which hub version they talk to (sync refuses an older hub by name).
  `GRANT SELECT ON team.migrations TO fulcrum_team`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
