import { sql } from 'kysely';
import { hubMigrations, type HubMigration } from './migrations';
import type { Hub } from './schema';

/**
 * Brings the hub's schema up to date: each pending migration in its own transaction, recorded in
 * team.migrations, under an advisory lock so two laptops running init at once do not both apply it.
 * Needs a login that may create schemas and roles (the team's admin), never an app role.
 */
export async function migrateHub(db: Hub, list: readonly HubMigration[] = hubMigrations): Promise<number> {
  let applied = 0;
  for (const migration of list) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('fulcrum_team_migrations'))`.execute(trx);
      await sql`CREATE SCHEMA IF NOT EXISTS team`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS team.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
      const { rows } = await sql<{ version: number }>`SELECT version FROM team.migrations WHERE version = ${migration.version}`.execute(trx);
      if (rows.length > 0) return false;
      await migration.up(trx);
      await sql`INSERT INTO team.migrations (version, name) VALUES (${migration.version}, ${migration.name})`.execute(trx);
      return true;
    });
    if (done) applied++;
  }
  return applied;
}
