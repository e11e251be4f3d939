import { sql, type Kysely } from 'kysely';

// The team server's first schema (issue 19, docs/team.md "The hub"). PostgreSQL DDL, numbered and
// frozen like the workspace's SQLite migrations: change the hub in a new file.
//
// Shared rows are kept schemaless (one `team.rows` table, the row's fields as jsonb keyed by the
// laptop's column names), so a new shared table or column on the laptop needs no hub migration;
// permissions are data (`team.permissions`, `team.field_guards`) enforced by row-level security
// and a trigger, so a write sent around the app (psql with the user's login) meets the same rules.

const statements = [
  // Roles are cluster-wide: the names say whose they are. A person's login is a member of one.
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fulcrum_team') THEN CREATE ROLE fulcrum_team NOLOGIN; END IF;
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fulcrum_csm') THEN CREATE ROLE fulcrum_csm NOLOGIN IN ROLE fulcrum_team; END IF;
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fulcrum_marketing') THEN CREATE ROLE fulcrum_marketing NOLOGIN IN ROLE fulcrum_team; END IF;
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fulcrum_manager') THEN CREATE ROLE fulcrum_manager NOLOGIN IN ROLE fulcrum_team; END IF;
   END $$`,

  // seq: the change log's counter, bumped under this row's lock so it follows commit order.
  `CREATE TABLE team.meta (
     id int PRIMARY KEY CHECK (id = 1),
     team_id uuid NOT NULL,
     seq bigint NOT NULL DEFAULT 0,
     created_at timestamptz NOT NULL DEFAULT now())`,

  // Who is who: a login, the name the workspace's owner fields use, and the role.
  `CREATE TABLE team.members (
     login name PRIMARY KEY,
     display_name text NOT NULL UNIQUE,
     role text NOT NULL CHECK (role IN ('csm','marketing','manager')))`,

  // What each role may write, per shared table; own_rows_only: rows whose owner is the writer.
  `CREATE TABLE team.permissions (
     role text NOT NULL CHECK (role IN ('csm','marketing','manager')),
     tbl text NOT NULL,
     own_rows_only boolean NOT NULL DEFAULT false,
     PRIMARY KEY (role, tbl))`,

  // Fields a role may not change even in a row it may write.
  `CREATE TABLE team.field_guards (
     role text NOT NULL CHECK (role IN ('csm','marketing','manager')),
     tbl text NOT NULL,
     field text NOT NULL,
     PRIMARY KEY (role, tbl, field))`,

  // Every shared row. owner: the owning CSM's display name (an account's, copied to the rows under it).
  `CREATE TABLE team.rows (
     gid uuid PRIMARY KEY,
     tbl text NOT NULL,
     owner text,
     data jsonb NOT NULL,
     clocks jsonb NOT NULL DEFAULT '{}',
     deleted boolean NOT NULL DEFAULT false,
     version bigint NOT NULL DEFAULT 1,
     updated_by name NOT NULL DEFAULT session_user,
     updated_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX rows_tbl ON team.rows (tbl)`,

  `CREATE TABLE team.change_log (
     seq bigint PRIMARY KEY,
     gid uuid NOT NULL,
     tbl text NOT NULL,
     op text NOT NULL CHECK (op IN ('upsert','delete')),
     data jsonb NOT NULL,
     clocks jsonb NOT NULL,
     version bigint NOT NULL,
     client_id uuid,
     mutation_id bigint,
     actor name NOT NULL,
     at timestamptz NOT NULL DEFAULT now())`,

  // One row per laptop: the last mutation the hub applied from it and the batch that carried it.
  `CREATE TABLE team.clients (
     client_id uuid PRIMARY KEY,
     login name NOT NULL DEFAULT session_user,
     last_mutation_id bigint NOT NULL DEFAULT 0,
     last_batch uuid,
     last_seen timestamptz NOT NULL DEFAULT now())`,

  `CREATE FUNCTION team.my_name() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
   $$ SELECT display_name FROM team.members WHERE login = session_user $$`,

  // session_user, not current_user: inside SECURITY DEFINER current_user is the function's owner.
  `CREATE FUNCTION team.may_write(p_tbl text, p_owner text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
   $$ SELECT EXISTS (SELECT 1 FROM team.permissions p
        WHERE p.tbl = p_tbl AND pg_has_role(session_user, 'fulcrum_' || p.role, 'member')
          AND (NOT p.own_rows_only OR p_owner IS NOT DISTINCT FROM team.my_name())) $$`,

  // Before a write: identity fields never change, the version counts, guarded fields are refused.
  `CREATE FUNCTION team.rows_before() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   DECLARE guarded text;
   BEGIN
     IF TG_OP = 'UPDATE' THEN
       IF NEW.gid <> OLD.gid OR NEW.tbl <> OLD.tbl THEN
         RAISE EXCEPTION 'a shared row keeps its id and table' USING ERRCODE = '42501';
       END IF;
       NEW.version := OLD.version + 1;
     ELSE
       NEW.version := 1;
     END IF;
     -- Guards bind changes, not creation; a superuser (the admin's upload) is member of every role.
     IF TG_OP = 'UPDATE' AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
       SELECT g.field INTO guarded FROM team.field_guards g
        WHERE g.tbl = NEW.tbl AND pg_has_role(session_user, 'fulcrum_' || g.role, 'member')
          AND (NEW.data -> g.field) IS DISTINCT FROM (OLD.data -> g.field)
        LIMIT 1;
     END IF;
     IF guarded IS NOT NULL THEN
       RAISE EXCEPTION '% may not change %.%', session_user, NEW.tbl, guarded USING ERRCODE = '42501';
     END IF;
     NEW.updated_by := session_user;
     NEW.updated_at := now();
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER rows_before BEFORE INSERT OR UPDATE ON team.rows FOR EACH ROW EXECUTE FUNCTION team.rows_before()`,

  // After a write: log it under meta's row lock (seq = commit order), tagged with the laptop's
  // client and mutation ids when a push set them (SET LOCAL team.client_id / team.mutation_id).
  `CREATE FUNCTION team.rows_after() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   DECLARE s bigint;
   BEGIN
     UPDATE team.meta SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO s;
     INSERT INTO team.change_log (seq, gid, tbl, op, data, clocks, version, client_id, mutation_id, actor)
     VALUES (s, NEW.gid, NEW.tbl, CASE WHEN NEW.deleted THEN 'delete' ELSE 'upsert' END, NEW.data, NEW.clocks, NEW.version,
             nullif(current_setting('team.client_id', true), '')::uuid, nullif(current_setting('team.mutation_id', true), '')::bigint, session_user);
     PERFORM pg_notify('fulcrum_team', s::text);
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER rows_after AFTER INSERT OR UPDATE ON team.rows FOR EACH ROW EXECUTE FUNCTION team.rows_after()`,

  // Row-level security: everyone in the team reads every shared row and the log; writes follow
  // team.permissions. No DELETE grant: a delete is a tombstone (deleted = true).
  `ALTER TABLE team.rows ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY rows_read ON team.rows FOR SELECT TO fulcrum_team USING (true)`,
  `CREATE POLICY rows_insert ON team.rows FOR INSERT TO fulcrum_team WITH CHECK (team.may_write(tbl, owner))`,
  `CREATE POLICY rows_update ON team.rows FOR UPDATE TO fulcrum_team USING (team.may_write(tbl, owner)) WITH CHECK (team.may_write(tbl, owner))`,
  `ALTER TABLE team.change_log ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY log_read ON team.change_log FOR SELECT TO fulcrum_team USING (true)`,
  `ALTER TABLE team.clients ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY clients_own ON team.clients FOR ALL TO fulcrum_team USING (login = session_user) WITH CHECK (login = session_user)`,

  `GRANT USAGE ON SCHEMA team TO fulcrum_team`,
  `GRANT SELECT ON team.meta, team.members, team.permissions, team.field_guards, team.change_log TO fulcrum_team`,
  `GRANT SELECT, INSERT ON team.rows TO fulcrum_team`,
  `GRANT UPDATE (owner, data, clocks, deleted) ON team.rows TO fulcrum_team`,
  `GRANT SELECT, INSERT, UPDATE ON team.clients TO fulcrum_team`,
  `REVOKE ALL ON FUNCTION team.my_name(), team.may_write(text, text) FROM PUBLIC`,
  `GRANT EXECUTE ON FUNCTION team.my_name(), team.may_write(text, text) TO fulcrum_team`,

  // The starting permissions (the team's admin may change them: they are data).
  `INSERT INTO team.permissions (role, tbl, own_rows_only)
   SELECT 'csm', t, true FROM unnest(ARRAY['accounts','contacts','touchpoints','tickets','survey_responses','deployments','outcomes','deals',
     'purchases','custom_field_values','tasks','success_plans','plan_objectives','plan_milestones','feedback_items','references','reference_stage_changes']) t
   UNION ALL SELECT 'marketing', t, false FROM unnest(ARRAY['references','reference_stage_changes','consents','reference_requests','success_stories',
     'story_outcomes','story_approvals','personas','journey_maps','journey_stages','journey_touchpoints','journey_links']) t
   UNION ALL SELECT 'manager', t, false FROM unnest(ARRAY['accounts','playbooks','goals','feedback_requests','custom_fields','settings']) t`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
