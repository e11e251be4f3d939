import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_STAGES } from '../../shared/contract/references';
import { REQUEST_STATUSES } from '../../shared/contract/requests';
import { moveRefusal, STORY_STAGES } from '../../shared/contract/stories';
import { stageMoveProblem } from '../../electron/core/references/stages';
import { requestActionProblem, type RequestAction } from '../../electron/core/requests/lifecycle';
import { formatHlc } from '../../electron/core/team/hlc';
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

/** What the tests move, made on the creator's laptop before the team exists (local ids there, gids once uploaded). */
async function seed(core: TestCore) {
  const account = await core.call('accounts.create', { name: 'Acme' });
  const other = await core.call('accounts.create', { name: 'Globex' });
  const contact = await core.call('contacts.create', { accountId: account.id, name: 'Ada Lovelace' });
  const refIllegal = await core.call('references.create', { accountId: account.id, by: 'Ana' });
  const refLegal = await core.call('references.create', { accountId: other.id, by: 'Ana' });
  // A recruited reference with consent, asked once: a request to approve on one laptop and cancel on the other.
  const third = await core.call('accounts.create', { name: 'Initech' });
  const asked = await core.call('references.create', { accountId: third.id, contactId: null, by: 'Ana' });
  const initechContact = await core.call('contacts.create', { accountId: third.id, name: 'Bill Lumbergh' });
  await core.call('references.update', { id: asked.id, contactId: initechContact.id });
  await core.call('references.grantConsent', { referenceId: asked.id, activity: 'reference_call', grantedBy: 'Ana' });
  await core.call('references.move', { id: asked.id, stage: 'nominated', by: 'Ana' });
  await core.call('references.move', { id: asked.id, stage: 'recruited', by: 'Ana' });
  const request = await core.call('requests.create', { referenceId: asked.id, requester: 'Sales', activity: 'reference_call' });
  // A story in customer review with the customer's approval, and one at its first stage.
  const gated = await core.call('stories.create', { accountId: account.id, title: 'Acme cuts churn' });
  for (const stage of ['drafting', 'customer_review'] as const) await core.call('stories.move', { id: gated.id, stage });
  const approved = await core.call('stories.approve', { id: gated.id, approver: 'Ada Lovelace', role: 'customer' });
  const fresh = await core.call('stories.create', { accountId: other.id, title: 'Globex goes global' });
  const map = await core.call('journeys.create', { name: 'Onboarding' });
  await core.call('journeys.addStage', { journeyMapId: map.id, name: 'Sign' });
  const withStages = await core.call('journeys.addStage', { journeyMapId: map.id, name: 'Launch' });
  return {
    account: account.id,
    contact: contact.id,
    refIllegal: refIllegal.id,
    refLegal: refLegal.id,
    request: request.id,
    gated: gated.id,
    approval: approved.approvals[0]!.id,
    fresh: fresh.id,
    stages: withStages.stages.map((st) => st.id),
  };
}
let ids: Awaited<ReturnType<typeof seed>>;

/** The gid of the creator's row `id` in `tbl`, and the same row's local id on another laptop. */
const gidOf = (tbl: string, id: number) => creator.context.sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck().get(tbl, String(id)) as string;
const idOn = (core: TestCore, tbl: string, id: number) => Number(core.context.sqlite.prepare('SELECT row_key FROM team_rows WHERE gid = ?').pluck().get(gidOf(tbl, id)));
const hubRow = async (gid: string) =>
  (await su.query<{ data: Record<string, unknown>; clocks: Record<string, string>; deleted: boolean }>('SELECT data, clocks, deleted FROM team.rows WHERE gid = $1', [gid]))
    .rows[0]!;
const conflictsOf = (core: TestCore, gid: string) =>
  core.context.sqlite
    .prepare('SELECT kind, field, local_value AS localValue, remote_value AS remoteValue, local_hlc AS localHlc, remote_hlc AS remoteHlc FROM team_conflicts WHERE gid = ?')
    .all(gid) as {
    kind: string;
    field: string | null;
    localValue: string | null;
    remoteValue: string | null;
    localHlc: string | null;
    remoteHlc: string | null;
  }[];
const sync = (core: TestCore, login: string) => core.call('team.sync', { server: url(login) });

/** A member's own connection: what a laptop (or a person with psql) sends. */
async function asMember<T>(login: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url(login));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startPostgres();
  su = new pg.Client(server.url());
  await su.connect();
  await su.query(`CREATE ROLE ${ADMIN.user} LOGIN CREATEROLE PASSWORD '${ADMIN.password}'`);
  await su.query(`GRANT CREATE ON DATABASE postgres TO ${ADMIN.user}`);
  creator = await testCore(tempWorkspacePath('creator.fulcrum'));
  ids = await seed(creator);
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

describe('state machines re-validated on push', () => {
  it('a move from a value another laptop wrote since must be a legal edge: else a transition conflict, and the hub keeps its value', async () => {
    const gid = gidOf('references', ids.refIllegal);
    await one.call('references.move', { id: idOn(one, 'references', ids.refIllegal), stage: 'declined', by: 'Ana' });
    await sync(one, 'ana');
    // Ben had not seen it: candidate → nominated was legal on his laptop, declined → nominated is not.
    await two.call('references.move', { id: idOn(two, 'references', ids.refIllegal), stage: 'nominated', by: 'Ben' });
    const result = await sync(two, 'ben');
    expect(result.rejected).toBeGreaterThanOrEqual(1);
    expect((await hubRow(gid)).data.stage).toBe('declined');
    const conflict = conflictsOf(two, gid).find((c) => c.kind === 'transition');
    expect(conflict).toMatchObject({ kind: 'transition', field: 'stage', localValue: '"nominated"', remoteValue: '"declined"' });
    expect(conflict!.remoteHlc).toBe((await hubRow(gid)).clocks.stage);
    // The pull brought the hub's value: both laptops agree on it.
    expect(
      two.context.sqlite
        .prepare('SELECT stage FROM "references" WHERE id = ?')
        .pluck()
        .get(idOn(two, 'references', ids.refIllegal)),
    ).toBe('declined');
  });

  it('legal concurrent moves merge per field by the clock, with no conflict', async () => {
    const gid = gidOf('references', ids.refLegal);
    await one.call('references.move', { id: idOn(one, 'references', ids.refLegal), stage: 'nominated', by: 'Ana' });
    await two.call('references.move', { id: idOn(two, 'references', ids.refLegal), stage: 'declined', by: 'Ben' });
    await sync(one, 'ana');
    // nominated → declined is a legal edge: the later move (Ben's) wins.
    await sync(two, 'ben');
    expect((await hubRow(gid)).data.stage).toBe('declined');
    expect(conflictsOf(two, gid).filter((c) => c.kind === 'transition')).toEqual([]);
  });

  it('a request cancelled on one laptop cannot be approved on the other', async () => {
    const gid = gidOf('reference_requests', ids.request);
    await one.call('requests.cancel', { id: idOn(one, 'reference_requests', ids.request), reason: 'deal lost' });
    await sync(one, 'ana');
    await two.call('requests.approve', { id: idOn(two, 'reference_requests', ids.request), by: 'Ben' });
    await sync(two, 'ben');
    const row = await hubRow(gid);
    expect(row.data.status).toBe('cancelled');
    // The fields that went with the refused move (who approved, when) did not land either.
    expect(row.data.approved_by ?? null).toBeNull();
    expect(conflictsOf(two, gid)).toContainEqual(expect.objectContaining({ kind: 'transition', field: 'status', localValue: '"approved"', remoteValue: '"cancelled"' }));
  });

  it('a story reaches approved only with a live customer approval on the hub (withdrawn on another laptop: refused)', async () => {
    const gid = gidOf('success_stories', ids.gated);
    await one.call('stories.withdrawApproval', { id: idOn(one, 'success_stories', ids.gated), approvalId: idOn(one, 'story_approvals', ids.approval) });
    await sync(one, 'ana');
    await two.call('stories.move', { id: idOn(two, 'success_stories', ids.gated), stage: 'approved' });
    await sync(two, 'ben');
    expect((await hubRow(gid)).data.stage).toBe('customer_review');
    expect(conflictsOf(two, gid)).toContainEqual(expect.objectContaining({ kind: 'transition', field: 'stage', localValue: '"approved"', remoteValue: '"customer_review"' }));
  });

  it('several moves made offline on one laptop arrive as one legal path (the approval between them lands first)', async () => {
    const id = idOn(one, 'success_stories', ids.fresh);
    for (const stage of ['drafting', 'customer_review'] as const) await one.call('stories.move', { id, stage });
    await one.call('stories.approve', { id, approver: 'Hank Scorpio', role: 'customer' });
    await one.call('stories.move', { id, stage: 'approved' });
    const result = await sync(one, 'ana');
    expect(result).toMatchObject({ rejected: 0, pending: 0 });
    expect((await hubRow(gidOf('success_stories', ids.fresh))).data.stage).toBe('approved');
  });
});

describe('tombstones on the hub', () => {
  it('an edit of a deleted row is stored without resurrecting it; a new row under it is refused and stays on its laptop', async () => {
    const stageGid = gidOf('journey_stages', ids.stages[0]!);
    await one.call('journeys.removeStage', { id: idOn(one, 'journey_stages', ids.stages[0]!) });
    await sync(one, 'ana');
    expect((await hubRow(stageGid)).deleted).toBe(true);

    const stageOnTwo = idOn(two, 'journey_stages', ids.stages[0]!);
    await two.call('journeys.updateStage', { id: stageOnTwo, name: 'Sign (renamed offline)' });
    const map = await two.call('journeys.addTouchpoint', { journeyStageId: stageOnTwo, name: 'Welcome call' });
    const touchpointId = map.stages.find((st) => st.id === stageOnTwo)!.touchpoints.find((t) => t.name === 'Welcome call')!.id;
    const touchpointGid = two.context.sqlite.prepare(`SELECT gid FROM team_rows WHERE tbl = 'journey_touchpoints' AND row_key = ?`).pluck().get(String(touchpointId)) as string;
    await sync(two, 'ben');

    const stage = await hubRow(stageGid);
    expect(stage.deleted).toBe(true);
    expect(stage.data.name).toBe('Sign (renamed offline)');
    expect(stage.clocks.name! > stage.clocks._deleted!).toBe(true);
    expect((await su.query('SELECT 1 FROM team.rows WHERE gid = $1', [touchpointGid])).rowCount).toBe(0);
    expect(two.context.sqlite.prepare('SELECT local_only FROM team_rows WHERE gid = ?').pluck().get(touchpointGid)).toBe(1);
    const [refused] = conflictsOf(two, touchpointGid);
    expect(refused).toMatchObject({ kind: 'rejected' });
    expect(refused!.localValue).toMatch(new RegExp(`deleted on the team server \\(${stageGid}\\)`));
  });

  it('only the references the laptop names as parents (ON DELETE CASCADE) refuse a new row; a mere link to a deleted row does not', async () => {
    const stageGid = gidOf('journey_stages', ids.stages[0]!);
    const client = randomUUID();
    const hlc = `${String(Date.now()).padStart(15, '0')}:00000:${client}`;
    // A whole contact (the laptops pull it), with one more key naming the deleted stage.
    const contact = (await hubRow(gidOf('contacts', ids.contact))).data;
    const insert = (id: number, parents?: string[]) =>
      asMember('ana', async (c) => {
        const data = { ...contact, name: `Contact ${id}`, note_ref: stageGid };
        const mutation = { id, gid: randomUUID(), tbl: 'contacts', op: 'insert', hlc, data, parents };
        const reply = await c.query<{ r: { rejections: { kind: string }[] } }>(`SELECT team.push($1, gen_random_uuid(), $2::jsonb, 0) AS r`, [client, JSON.stringify([mutation])]);
        return { gid: mutation.gid, rejections: reply.rows[0]!.r.rejections };
      });
    const linked = await insert(1, ['account_id']);
    expect(linked.rejections).toEqual([]);
    expect((await su.query('SELECT 1 FROM team.rows WHERE gid = $1', [linked.gid])).rowCount).toBe(1);
    // Without the list (an older laptop, psql), every gid in the data counts.
    const unnamed = await insert(2);
    expect(unnamed.rejections).toEqual([expect.objectContaining({ kind: 'parent_deleted' })]);
  });

  it('a restore is an explicit write: older than the delete it changes nothing, newer it brings the row back', async () => {
    const stageGid = gidOf('journey_stages', ids.stages[0]!);
    const deletedAt = (await hubRow(stageGid)).clocks._deleted!;
    const client = randomUUID();
    const push = (id: number, hlc: string) =>
      asMember('ana', (c) =>
        c.query(`SELECT team.push($1, gen_random_uuid(), $2::jsonb, 0) AS r`, [
          client,
          JSON.stringify([{ id, gid: stageGid, tbl: 'journey_stages', op: 'restore', hlc, data: {} }]),
        ]),
      );
    await push(1, `000000000000001:00000:${client}`);
    expect((await hubRow(stageGid)).deleted).toBe(true);
    const newer = `${String(Number(deletedAt.slice(0, 15)) + 1_000).padStart(15, '0')}:00000:${client}`;
    await push(2, newer);
    const row = await hubRow(stageGid);
    expect(row).toMatchObject({ deleted: false });
    expect(row.clocks._deleted).toBe(newer);
    const logged = await su.query<{ op: string }>('SELECT op FROM team.change_log WHERE gid = $1 ORDER BY seq DESC LIMIT 1', [stageGid]);
    expect(logged.rows[0]!.op).toBe('upsert');
  });
});

describe('the clock clamp', () => {
  const hubNow = async () => Number((await su.query<{ ms: string }>('SELECT floor(extract(epoch FROM now()) * 1000) AS ms')).rows[0]!.ms);
  const msOf = (hlc: string) => Number(hlc.slice(0, 15));

  it('a laptop whose clock runs a year ahead gets clocks at most 5 minutes ahead, so a later edit elsewhere still wins', async () => {
    const accountGid = gidOf('accounts', ids.account);
    const contactGid = gidOf('contacts', ids.contact);
    const setOffset = (core: TestCore, ms: number) => core.context.sqlite.prepare(`UPDATE team_state SET value = ? WHERE key = 'offset_ms'`).run(String(ms));
    setOffset(one, 365 * 86_400_000);
    await one.call('accounts.update', { id: idOn(one, 'accounts', ids.account), name: 'Acme (from the future)' });
    await one.call('contacts.update', { id: idOn(one, 'contacts', ids.contact), title: 'CTO' });
    const sent = msOf(formatHlc(Number(one.context.sqlite.prepare(`SELECT value FROM team_state WHERE key = 'hlc'`).pluck().get()), 'x'));
    const before = await hubNow();
    await sync(one, 'ana');
    const after = await hubNow();
    expect(sent).toBeGreaterThan(after + 300 * 86_400_000);
    const account = await hubRow(accountGid);
    const contact = await hubRow(contactGid);
    expect(account.data.name).toBe('Acme (from the future)');
    expect(msOf(account.clocks.name!)).toBeGreaterThanOrEqual(before + 300_000);
    expect(msOf(account.clocks.name!)).toBeLessThanOrEqual(after + 300_000);
    // Clamped clocks keep the laptop's own order.
    expect(contact.clocks.title! > account.clocks.name!).toBe(true);

    // A colleague's clock 10 minutes ahead (past the limit too), editing after: the later edit wins.
    setOffset(two, 600_000);
    await two.call('accounts.update', { id: idOn(two, 'accounts', ids.account), name: 'Acme (edited later)' });
    await sync(two, 'ben');
    expect((await hubRow(accountGid)).data.name).toBe('Acme (edited later)');
  });
});
