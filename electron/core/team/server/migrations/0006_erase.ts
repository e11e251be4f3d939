// Part of hub migration 0006 (0006_refusals.ts): team.erase as 0004 wrote it, but its long scans (every
// row and every log entry that mentions the person) run before it takes the log's counter, so pushes
// go on meanwhile. 0004 took the counter first (its `erase` entry) and held it to commit: every push
// waited for the whole scan. Now: (1) without the counter, scrub the log and note which rows to change;
// (2) take the counter for the short write: the `erase` entry first, then the person's rows and the
// noted ones, plus whatever pushes logged since the scan (their entries after `s0`), then those
// entries' scrub. What 0004 removes, this removes. Frozen once landed.

export const ERASE_WITHOUT_HOLDING_THE_COUNTER = `CREATE OR REPLACE FUNCTION team.erase(p_gid uuid) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   DECLARE
     person team.rows;
     known boolean;
     pattern text;
     s0 bigint;
     s bigint;
     clock text;
     own uuid[];
     noted uuid[];
     since uuid[];
     gone uuid[];
     r record;
     new_data jsonb;
     unlinked int := 0;
     scrubbed int := 0;
   BEGIN
     IF EXISTS (SELECT 1 FROM team.erasures WHERE gid = p_gid) THEN
       RETURN jsonb_build_object('already', true);
     END IF;
     SELECT * INTO person FROM team.rows WHERE gid = p_gid FOR UPDATE;
     known := FOUND;
     IF known AND person.tbl <> 'contacts' THEN
       RAISE EXCEPTION 'only a contact can be erased' USING ERRCODE = '22023';
     END IF;
     IF NOT team.may_write('erasures', CASE WHEN known THEN person.owner ELSE team.my_name() END) THEN
       RAISE EXCEPTION '% may not erase this person', session_user USING ERRCODE = '42501';
     END IF;

     -- (1) The scan, without the counter. Everything logged after s0 is looked at again under it.
     SELECT seq INTO s0 FROM team.meta WHERE id = 1;

     -- Every name and e-mail the hub held for the person, now or in the log, as one whole-word pattern.
     SELECT string_agg(regexp_replace(substr(j, 2, length(j) - 2), '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g'), '|' ORDER BY length(j) DESC)
       INTO pattern
       FROM (SELECT DISTINCT to_jsonb(trim(t))::text AS j FROM (
               SELECT person.data->>'name' UNION ALL SELECT person.data->>'email'
               UNION ALL SELECT l.data->>'name' FROM team.change_log l WHERE l.gid = p_gid
               UNION ALL SELECT l.data->>'email' FROM team.change_log l WHERE l.gid = p_gid) x(t)
             WHERE t IS NOT NULL AND length(trim(t)) >= 3) terms;
     IF pattern IS NOT NULL THEN pattern := '(?<![[:alnum:]_])(' || pattern || ')(?![[:alnum:]_])'; END IF;

     -- The person's rows (the contact, its consents, its custom values, live or tombstoned) and the rows that mention them.
     SELECT coalesce(array_agg(gid), '{}') INTO own FROM team.rows
      WHERE gid = p_gid OR (tbl = 'consents' AND data->>'contact_id' = p_gid::text) OR (tbl = 'custom_field_values' AND data->>'record_id' = p_gid::text);
     SELECT coalesce(array_agg(gid), '{}') INTO noted FROM team.rows
      WHERE NOT (gid = ANY(own)) AND (data->>'contact_id' = p_gid::text OR (pattern IS NOT NULL AND data::text ~* pattern));

     -- The log's existing entries lose the link and the mentions (row locks on those entries only; pushes append).
     UPDATE team.change_log SET data = team.unlinked(tbl, data) WHERE seq <= s0 AND data->>'contact_id' = p_gid::text;
     IF pattern IS NOT NULL THEN
       UPDATE team.change_log SET data = team.scrubbed(data, pattern) WHERE seq <= s0 AND data::text ~* pattern;
     END IF;

     -- (2) The short write, under the counter: the erase entry first, so a laptop applies it while it still holds the person.
     UPDATE team.meta SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO s;
     clock := lpad(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text, 15, '0') || ':00000:erasure';
     INSERT INTO team.change_log (seq, gid, tbl, op, data, clocks, version, actor)
     VALUES (s, p_gid, 'contacts', 'erase', '{}', '{}', 0, session_user);
     -- Rows pushes wrote while the scan ran.
     SELECT coalesce(array_agg(DISTINCT gid), '{}') INTO since FROM team.change_log WHERE seq > s0 AND seq < s;

     WITH emptied AS (
       UPDATE team.rows SET data = '{}', deleted = true, clocks = jsonb_build_object('*', clock, '_deleted', clock, '_erased', clock)
        WHERE gid = ANY(own) OR (gid = ANY(since) AND (gid = p_gid OR (tbl = 'consents' AND data->>'contact_id' = p_gid::text)
                                  OR (tbl = 'custom_field_values' AND data->>'record_id' = p_gid::text)))
       RETURNING gid)
     SELECT coalesce(array_agg(gid), '{}') INTO gone FROM emptied;

     FOR r IN SELECT gid, tbl, data, clocks FROM team.rows WHERE (gid = ANY(noted) OR gid = ANY(since)) AND NOT (gid = ANY(gone))
                AND data->>'contact_id' = p_gid::text LOOP
       new_data := team.unlinked(r.tbl, r.data);
       UPDATE team.rows SET data = new_data, clocks = r.clocks || team.touched(r.data, new_data, clock) WHERE gid = r.gid;
       unlinked := unlinked + 1;
     END LOOP;
     IF pattern IS NOT NULL THEN
       FOR r IN SELECT gid, data, clocks FROM team.rows WHERE (gid = ANY(noted) OR gid = ANY(since)) AND NOT (gid = ANY(gone)) AND data::text ~* pattern LOOP
         new_data := team.scrubbed(r.data, pattern);
         UPDATE team.rows SET data = new_data, clocks = r.clocks || team.touched(r.data, new_data, clock) WHERE gid = r.gid;
         scrubbed := scrubbed + 1;
       END LOOP;
     END IF;

     -- The person's own entries before the erasure become erase entries (by the (gid, seq) index); the entries
     -- logged since the scan (pushes meanwhile, and the updates just above) lose the link and the mentions.
     UPDATE team.change_log SET op = 'erase', data = '{}', clocks = '{}' WHERE gid = ANY(gone) AND seq < s;
     UPDATE team.change_log SET data = team.unlinked(tbl, data) WHERE seq > s0 AND data->>'contact_id' = p_gid::text;
     IF pattern IS NOT NULL THEN
       UPDATE team.change_log SET data = team.scrubbed(data, pattern) WHERE seq > s0 AND data::text ~* pattern;
     END IF;

     INSERT INTO team.erasures (gid, seq) VALUES (p_gid, s);
     RETURN jsonb_build_object('seq', s, 'removed', cardinality(gone), 'unlinked', unlinked, 'scrubbed', scrubbed);
   END $$`;
