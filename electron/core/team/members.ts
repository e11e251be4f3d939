import { sql } from 'kysely';
import type { ParsedInput } from '../../../shared/contract';
import { CoreError } from '../errors';
import { connectHub, hubError } from './server/connect';

// The team's members (docs/team.md "Roles"): a person is a login role IN ROLE fulcrum_<role> plus a
// team.members row (login, the display name owner fields use, role). Every member reads the list;
// only the team's admin (the login that owns the `team` schema, who ran team init) adds one: it may
// create roles, and the server refuses anyone else (no CREATEROLE, no INSERT on team.members).

export async function listMembers(server: string) {
  const hub = connectHub(server);
  try {
    const rows = await hub.selectFrom('team.members').select(['login', 'display_name', 'role']).orderBy('display_name').execute();
    return { members: rows.map((r) => ({ login: r.login, displayName: r.display_name, role: r.role })) };
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function addMember(input: ParsedInput<'team.addMember'>) {
  const hub = connectHub(input.server);
  try {
    await hub.transaction().execute(async (trx) => {
      // Named before the server's own refusal, which would only say "permission denied to create role".
      const owner = await sql<{ admin: boolean }>`SELECT n.nspowner = r.oid AS admin FROM pg_namespace n, pg_roles r WHERE n.nspname = 'team' AND r.rolname = session_user`.execute(
        trx,
      );
      if (owner.rows.length === 0) throw new CoreError('NOT_FOUND', 'the server holds no team yet; create one with team init');
      if (!owner.rows[0]!.admin) throw new CoreError('FORBIDDEN', "only the team's admin (the login that created the team) adds members");
      const taken = await trx
        .selectFrom('team.members')
        .select('login')
        .where((eb) => eb.or([eb('login', '=', input.login), eb('display_name', '=', input.displayName)]))
        .execute();
      if (taken.length > 0)
        throw new CoreError('CONFLICT', `the team already has a member ${taken[0]!.login === input.login ? `with login ${input.login}` : `named ${input.displayName}`}`);
      const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ${input.login}`.execute(trx);
      if (exists.rows[0]!.n > 0) throw new CoreError('CONFLICT', `login ${input.login} already exists on the server; choose another`);
      // Identifiers and passwords cannot be bound: the login is checked by the contract (lower-case, digits, _), the password quoted.
      await sql.raw(`CREATE ROLE "${input.login}" LOGIN PASSWORD ${literal(input.password)} IN ROLE fulcrum_${input.role}`).execute(trx);
      await trx.insertInto('team.members').values({ login: input.login, display_name: input.displayName, role: input.role }).execute();
    });
  } catch (error) {
    throw hubError(error);
  } finally {
    await hub.destroy();
  }
  return { login: input.login, displayName: input.displayName, role: input.role };
}
