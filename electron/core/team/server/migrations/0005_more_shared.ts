import { sql, type Kysely } from 'kysely';

// What else a team shares (docs/team.md "What is shared"): calls to action and the tasks their
// playbooks open (deterministic ids, so two laptops make one), custom field values and purchases,
// team settings, and an assessment its consultant shared explicitly. Permissions are data; this adds
// the rows for the newly shared tables, and gives rows whose owner the push cannot read from an
// `account_id` (a custom field value names its record polymorphically, an assessment's children
// name their assessment) the owner of the row they hang on, so a CSM's own-rows rule covers them.
// Frozen once landed.

const statements = [
  // BEFORE INSERT, after rows_before (triggers fire by name); RLS's WITH CHECK runs after both.
  // The gids compared as uuid (team.rows' primary key), never gid::text, which would scan the table per row of an upload.
  `CREATE FUNCTION team.as_gid(p text) RETURNS uuid LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS
   $$ SELECT CASE WHEN p ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN p::uuid END $$`,
  `CREATE FUNCTION team.rows_owner() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
   BEGIN
     SELECT r.owner INTO NEW.owner FROM team.rows r
      WHERE r.gid IN (team.as_gid(NEW.data->>'record_id'), team.as_gid(NEW.data->>'assessment_id'), team.as_gid(NEW.data->>'account_id')) AND r.owner IS NOT NULL
      LIMIT 1;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER rows_owner BEFORE INSERT ON team.rows FOR EACH ROW WHEN (NEW.owner IS NULL) EXECUTE FUNCTION team.rows_owner()`,

  // Settings (team keys only ever reach the hub) stay the managers' (0001); custom field definitions too.
  `INSERT INTO team.permissions (role, tbl, own_rows_only)
   SELECT 'csm', t, true FROM unnest(ARRAY['calls_to_action']) t
   UNION ALL SELECT 'manager', t, false FROM unnest(ARRAY['calls_to_action','tasks','custom_field_values','purchases']) t
   UNION ALL SELECT r, t, false FROM unnest(ARRAY['csm','manager']) r,
     unnest(ARRAY['assessment_templates','assessments','assessment_respondents','assessment_answers','assessment_targets','assessment_recommendations']) t
   ON CONFLICT DO NOTHING`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen raw DDL, typed against no particular schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
