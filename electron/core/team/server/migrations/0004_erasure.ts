import { sql, type Kysely } from 'kysely';

// Erasing a person through the team (issue 19, docs/privacy.md, docs/team.md "Erasure"). Frozen once landed.
//
// team.erase(gid): SECURITY DEFINER (it must reach tombstones and the change log, which members
// cannot write), callable by members whose role may erase (a `team.permissions` row for the table
// 'erasures': CSMs for their own accounts' contacts, managers for anyone). In one transaction it
// - logs an `erase` entry first, so a laptop applies it while it still holds the person's row (it
//   needs their name to find mentions in its own text);
// - empties the person's rows (the contact, its consents, its custom values; live and tombstoned):
//   data '{}', deleted, marked `_erased` in their clocks so no later push can refill them;
// - unlinks the rows that point at the person and blanks the text that holds their words (the same
//   rules as the laptop, electron/core/privacy/rules.ts BLANKED; a test holds them equal);
// - replaces every mention of any name or e-mail the hub ever held for the person, in every row and
//   in every change log entry, and drops story quotes whose speaker was the person;
// - rewrites the person's own old log entries as `erase` entries without data;
// - records the gid (and nothing else) in team.erasures.
// A trigger then keeps the person out: a push that would refill an erased row is refused (42501,
// which the push reports as a rejection), a new row pointing at the person loses the link and its
// text, a new consent or custom value of the person is refused.

const UNLINKED_SQL = `p_data || jsonb_build_object('contact_id', NULL) || CASE p_tbl
       WHEN 'touchpoints' THEN '{"notes": null}'::jsonb
       WHEN 'tickets' THEN '{"subject": null}'::jsonb
       WHEN 'survey_responses' THEN '{"comment": null}'::jsonb
       WHEN 'feedback_items' THEN '{"text": "[erased]"}'::jsonb
       ELSE '{}'::jsonb END`;

/** The fields the laptop blanks, as this migration wrote them (read by the test that holds both equal). */
export const HUB_BLANKED: Record<string, Record<string, string | null>> = {
  touchpoints: { notes: null },
  tickets: { subject: null },
  survey_responses: { comment: null },
  feedback_items: { text: '[erased]' },
};

const statements = [
  `CREATE TABLE team.erasures (
     gid uuid PRIMARY KEY,
     seq bigint NOT NULL,
     at timestamptz NOT NULL DEFAULT now(),
     actor name NOT NULL DEFAULT session_user)`,
  `GRANT SELECT ON team.erasures TO fulcrum_team`,

  // The log gains the `erase` entry.
  `DO $$ DECLARE c text; BEGIN
     FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'team.change_log'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%upsert%' LOOP
       EXECUTE format('ALTER TABLE team.change_log DROP CONSTRAINT %I', c);
     END LOOP;
   END $$`,
  `ALTER TABLE team.change_log ADD CONSTRAINT change_log_op_check CHECK (op IN ('upsert','delete','erase'))`,

  // Who may erase: data, like every permission. CSMs the contacts of their own accounts, managers anyone's.
  `INSERT INTO team.permissions (role, tbl, own_rows_only) VALUES ('csm', 'erasures', true), ('manager', 'erasures', false) ON CONFLICT DO NOTHING`,

  `CREATE FUNCTION team.unlinked(p_tbl text, p_data jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS
   $$ SELECT ${UNLINKED_SQL} $$`,

  // A story's quotes (a JSON text inside data) without those whose speaker was erased.
  `CREATE FUNCTION team.without_erased_quotes(p_data jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
   DECLARE kept jsonb;
   BEGIN
     IF jsonb_typeof(p_data->'quotes') IS DISTINCT FROM 'string' OR position('[erased]' IN p_data->>'quotes') = 0 THEN RETURN p_data; END IF;
     SELECT coalesce(jsonb_agg(q), '[]'::jsonb) INTO kept FROM jsonb_array_elements((p_data->>'quotes')::jsonb) q
      WHERE position('[erased]' IN coalesce(q->>'speaker', '')) = 0;
     RETURN jsonb_set(p_data, '{quotes}', to_jsonb(kept::text));
   EXCEPTION WHEN others THEN
     RETURN p_data;
   END $$`,

  // data with every mention replaced (the pattern matches inside the JSON text; '[erased]' keeps it valid JSON).
  `CREATE FUNCTION team.scrubbed(p_data jsonb, p_pattern text) RETURNS jsonb LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS
   $$ SELECT team.without_erased_quotes(regexp_replace(p_data::text, p_pattern, '[erased]', 'gi')::jsonb) $$`,

  // The fields whose value changed get the erasure's clock, so an older edit still waiting on a laptop loses to it.
  `CREATE FUNCTION team.touched(p_old jsonb, p_new jsonb, p_clock text) RETURNS jsonb LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS
   $$ SELECT coalesce(jsonb_object_agg(n.key, p_clock), '{}'::jsonb) FROM jsonb_each(p_new) n WHERE p_old->n.key IS DISTINCT FROM n.value $$`,

  `CREATE FUNCTION team.erase(p_gid uuid) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   DECLARE
     person team.rows;
     known boolean;
     pattern text;
     s bigint;
     clock text := lpad(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text, 15, '0') || ':00000:erasure';
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

     UPDATE team.meta SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO s;
     INSERT INTO team.change_log (seq, gid, tbl, op, data, clocks, version, actor)
     VALUES (s, p_gid, 'contacts', 'erase', '{}', '{}', 0, session_user);

     -- Every name and e-mail the hub held for the person, now or in the log, as one whole-word pattern.
     SELECT string_agg(regexp_replace(substr(j, 2, length(j) - 2), '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g'), '|' ORDER BY length(j) DESC)
       INTO pattern
       FROM (SELECT DISTINCT to_jsonb(trim(t))::text AS j FROM (
               SELECT person.data->>'name' UNION ALL SELECT person.data->>'email'
               UNION ALL SELECT l.data->>'name' FROM team.change_log l WHERE l.gid = p_gid
               UNION ALL SELECT l.data->>'email' FROM team.change_log l WHERE l.gid = p_gid) x(t)
             WHERE t IS NOT NULL AND length(trim(t)) >= 3) terms;
     IF pattern IS NOT NULL THEN pattern := '(?<![[:alnum:]_])(' || pattern || ')(?![[:alnum:]_])'; END IF;

     -- The person's rows: the contact, its consents, its custom values, live or tombstoned.
     WITH emptied AS (
       UPDATE team.rows SET data = '{}', deleted = true, clocks = jsonb_build_object('*', clock, '_deleted', clock, '_erased', clock)
        WHERE gid = p_gid OR (tbl = 'consents' AND data->>'contact_id' = p_gid::text)
           OR (tbl = 'custom_field_values' AND data->>'record_id' = p_gid::text)
       RETURNING gid)
     SELECT coalesce(array_agg(gid), '{}') INTO gone FROM emptied;

     -- Rows that point at the person: kept for the figures, without the link and the person's words.
     FOR r IN SELECT gid, tbl, data, clocks FROM team.rows WHERE data->>'contact_id' = p_gid::text LOOP
       new_data := team.unlinked(r.tbl, r.data);
       UPDATE team.rows SET data = new_data, clocks = r.clocks || team.touched(r.data, new_data, clock) WHERE gid = r.gid;
       unlinked := unlinked + 1;
     END LOOP;

     IF pattern IS NOT NULL THEN
       FOR r IN SELECT gid, data, clocks FROM team.rows WHERE data::text ~* pattern LOOP
         new_data := team.scrubbed(r.data, pattern);
         UPDATE team.rows SET data = new_data, clocks = r.clocks || team.touched(r.data, new_data, clock) WHERE gid = r.gid;
         scrubbed := scrubbed + 1;
       END LOOP;
     END IF;

     -- The log: the person's own entries before this erasure become erase entries without data; every
     -- entry (also the intermediate ones the updates above just logged) loses the link and the mentions.
     UPDATE team.change_log SET op = 'erase', data = '{}', clocks = '{}' WHERE gid = ANY(gone) AND seq < s;
     UPDATE team.change_log SET data = team.unlinked(tbl, data) WHERE data->>'contact_id' = p_gid::text;
     IF pattern IS NOT NULL THEN
       UPDATE team.change_log SET data = team.scrubbed(data, pattern) WHERE data::text ~* pattern;
     END IF;

     INSERT INTO team.erasures (gid, seq) VALUES (p_gid, s);
     RETURN jsonb_build_object('seq', s, 'removed', cardinality(gone), 'unlinked', unlinked, 'scrubbed', scrubbed);
   END $$`,
  `REVOKE ALL ON FUNCTION team.erase(uuid) FROM PUBLIC`,
  `GRANT EXECUTE ON FUNCTION team.erase(uuid) TO fulcrum_team`,

  // Keeps an erased person out of the hub: triggers fire by name, so this runs after rows_before.
  `CREATE FUNCTION team.rows_erased() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   BEGIN
     IF TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM team.erasures e WHERE e.gid = NEW.gid) THEN
       RAISE EXCEPTION 'this person was erased from the team' USING ERRCODE = '42501';
     END IF;
     IF TG_OP = 'UPDATE' AND OLD.clocks ? '_erased' AND (NEW.data IS DISTINCT FROM OLD.data OR NOT NEW.deleted) THEN
       RAISE EXCEPTION 'this record was erased from the team with its person' USING ERRCODE = '42501';
     END IF;
     IF NEW.data->>'contact_id' IS NOT NULL AND EXISTS (SELECT 1 FROM team.erasures e WHERE e.gid::text = NEW.data->>'contact_id') THEN
       IF NEW.tbl = 'consents' THEN
         RAISE EXCEPTION 'this consent belongs to a person erased from the team' USING ERRCODE = '42501';
       END IF;
       NEW.data := team.unlinked(NEW.tbl, NEW.data);
     END IF;
     IF NEW.tbl = 'custom_field_values' AND EXISTS (SELECT 1 FROM team.erasures e WHERE e.gid::text = NEW.data->>'record_id') THEN
       RAISE EXCEPTION 'this value belongs to a person erased from the team' USING ERRCODE = '42501';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER rows_erased BEFORE INSERT OR UPDATE ON team.rows FOR EACH ROW EXECUTE FUNCTION team.rows_erased()`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
