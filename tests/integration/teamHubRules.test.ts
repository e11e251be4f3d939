import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_STAGES } from '../../shared/contract/references';
import { REQUEST_STATUSES } from '../../shared/contract/requests';
import { moveRefusal, STORY_STAGES } from '../../shared/contract/stories';
import { stageMoveProblem } from '../../electron/core/references/stages';
import { requestActionProblem, type RequestAction } from '../../electron/core/requests/lifecycle';
import { SHARED_TABLES } from '../../electron/core/team/tables';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';

// Issue 19, the hub's rules on push (hub migration 0003) against a real PostgreSQL, every laptop
// connecting as an ordinary member login: state machines re-validated when another laptop moved a
// row first, tombstones that an edit does not resurrect, and the clock clamp.

let server: TestPostgres;
let su: pg.Client;
let creator: TestCore;
let one: TestCore;
let two: TestCore;
const ADMIN = { user: 'team_admin', password: 'admin-pw' };
const url = (login: string) => server.url(login, `${login}-pw`);

beforeAll(async () => {
  server = await startPostgres();
  su = new pg.Client(server.url());
  await su.connect();
  await su.query(`CREATE ROLE ${ADMIN.user} LOGIN CREATEROLE PASSWORD '${ADMIN.password}'`);
  await su.query(`GRANT CREATE ON DATABASE postgres TO ${ADMIN.user}`);
  creator = await testCore(tempWorkspacePath('creator.fulcrum'));
  await creator.call('team.create', { server: server.url(ADMIN.user, ADMIN.password) });
  // Two members who may write every shared table (permissions are data): the rules tested here are the merge's, not the roles'.
  for (const [login, name] of [
    ['ana', 'Ana'],
    ['ben', 'Ben'],
  ]) {
    await su.query(`CREATE ROLE ${login} LOGIN PASSWORD '${login}-pw' IN ROLE fulcrum_manager`);
    await su.query(`INSERT INTO team.members (login, display_name, role) VALUES ($1, $2, 'manager')`, [login, name]);
  }
  await su.query(`INSERT INTO team.permissions (role, tbl, own_rows_only) SELECT 'manager', t, false FROM unnest($1::text[]) t ON CONFLICT DO NOTHING`, [[...SHARED_TABLES]]);
  one = await testCore(tempWorkspacePath('one.fulcrum'));
  await one.call('team.join', { server: url('ana') });
  two = await testCore(tempWorkspacePath('two.fulcrum'));
  await two.call('team.join', { server: url('ben') });
}, 180_000);

afterAll(async () => {
  for (const core of [creator, one, two]) await core?.close();
  await su?.end();
  server?.stop();
});

describe('the hub’s transitions table', () => {
  it('holds exactly the moves the domains allow (references, requests, stories)', async () => {
    const domain = new Set<string>();
    for (const from of REFERENCE_STAGES) for (const to of REFERENCE_STAGES) if (from !== to && stageMoveProblem(from, to) === null) domain.add(`references.stage:${from}>${to}`);
    const target: Record<RequestAction, string> = { approve: 'approved', schedule: 'scheduled', complete: 'completed', decline: 'declined', cancel: 'cancelled' };
    for (const from of REQUEST_STATUSES)
      for (const [action, to] of Object.entries(target))
        if (from !== to && requestActionProblem(1, from, action as RequestAction) === null) domain.add(`reference_requests.status:${from}>${to}`);
    // The customer's approval is a gate of its own (checked on the hub separately), not an edge.
    for (const from of STORY_STAGES) for (const to of STORY_STAGES) if (from !== to && moveRefusal(from, to, true) === null) domain.add(`success_stories.stage:${from}>${to}`);
    const hub = (await su.query<{ t: string }>(`SELECT tbl || '.' || field || ':' || from_value || '>' || to_value AS t FROM team.transitions`)).rows.map((r) => r.t);
    expect(new Set(hub)).toEqual(domain);
    expect(hub).toHaveLength(domain.size);
  });
});
