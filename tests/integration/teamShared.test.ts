import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { uuid5 } from '../../electron/core/lib/uuid5';
import { naturalGid } from '../../electron/core/team/natural';
import { TEAM_SETTINGS } from '../../electron/core/team/tables';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';

// Issue 19 (E): what the team shares beyond the first tables, with two laptops and a real server.
// Team settings (keyed by their key; only managers change them, refused on the server for a CSM),
// custom fields and their polymorphic values, purchases, calls to action and their playbook's tasks
// with deterministic ids (two laptops running the same rule make one), starter playbooks and
// templates by natural key, an assessment shared explicitly (unshared ones stay), capture re-installed
// after migrations on open, and the members channel.

const FIXTURES = join(import.meta.dirname, '../fixtures/custom-fields');
const ADMIN = { user: 'team_admin', password: 'admin-pw' };
let server: TestPostgres;
let superuser: pg.Client;
let creator: TestCore;
let dana: TestCore;
let creatorPath: string;
const adminUrl = () => server.url(ADMIN.user, ADMIN.password);
const danaUrl = () => server.url('dana', 'dana-pass');

async function asLogin<T>(user: string, password: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(server.url(user, password));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
const hubRows = async (tbl: string) =>
  (await superuser.query<{ gid: string; owner: string | null; data: Record<string, unknown> }>('SELECT gid, owner, data FROM team.rows WHERE tbl = $1 AND NOT deleted', [tbl]))
    .rows;
const gidOf = (core: TestCore, tbl: string, key: string | number) =>
  core.context.sqlite.prepare('SELECT gid FROM team_rows WHERE tbl = ? AND row_key = ?').pluck().get(tbl, String(key)) as string | undefined;

beforeAll(async () => {
  server = await startPostgres();
  superuser = new pg.Client(server.url());
  await superuser.connect();
  await superuser.query(`CREATE ROLE ${ADMIN.user} LOGIN CREATEROLE PASSWORD '${ADMIN.password}'`);
  await superuser.query(`GRANT CREATE ON DATABASE postgres TO ${ADMIN.user}`);

  creatorPath = tempWorkspacePath('creator.fulcrum');
  creator = await testCore(creatorPath, { files: plainPaths() });
  await creator.call('import.commit', {
    jobId: 'a',
    path: join(FIXTURES, 'accounts.csv'),
    into: 'accounts',
    mapping: {
      fields: { externalId: 'Account ID', name: 'Company' },
      customFields: [
        { column: 'Plan', type: 'choice' },
        { column: 'Seats', type: 'number' },
      ],
    },
  });
  await creator.call('import.commit', {
    jobId: 'p',
    path: join(FIXTURES, 'purchases.csv'),
    into: 'purchases',
    mapping: { fields: { externalId: 'Order', account: 'Customer', purchasedOn: 'Date', amountMinor: 'Amount' }, customFields: [{ column: 'Channel', type: 'choice' }] },
  });
  const acme = (await creator.call('accounts.list', { search: 'Acme' })).rows[0]!;
  // Dana's account renews in half a year: no rule fires yet.
  await creator.call('accounts.update', { id: acme.id, owner: 'Dana Reyes', renewalDate: '2026-09-01' });
  await creator.call('settings.update', { currency: 'EUR' });
  const templateId = (await creator.call('assessments.templates', {}))[0]!.id;
  await creator.call('assessments.create', { templateId, assessedOn: '2026-02-01', assessor: 'Ines', clientName: 'Acme Corp', respondents: [{ name: 'Ada' }] });
  await creator.call('assessments.create', { templateId, assessedOn: '2026-02-02', assessor: 'Ines', clientName: 'Private client', respondents: [{ name: 'Bob' }] });
}, 180_000);

afterAll(async () => {
  await creator?.close();
  await dana?.close();
  await superuser?.end();
  server?.stop();
});

describe('sharing what the first tables did not', () => {
  it('init uploads team settings by key, custom fields with values pointing at their records, purchases, starter playbooks by natural key; no assessment', async () => {
    await creator.call('team.create', { server: adminUrl() });
    const settings = await hubRows('settings');
    expect(settings.map((r) => r.data.key)).toContain('currency');
    for (const row of settings) {
      expect(TEAM_SETTINGS).toContain(row.data.key);
      expect(row.gid).toBe(uuid5(`settings|${String(row.data.key)}`));
    }
    // A custom field value names its record by the record's gid, in the table its field's kind names.
    const fields = await hubRows('custom_fields');
    const values = await hubRows('custom_field_values');
    const accounts = new Map((await hubRows('accounts')).map((r) => [r.gid, r]));
    const purchases = new Set((await hubRows('purchases')).map((r) => r.gid));
    const kindOf = new Map(fields.map((f) => [f.gid, f.data.record_kind]));
    expect(values.length).toBeGreaterThan(5);
    for (const value of values) {
      const kind = kindOf.get(String(value.data.field_id));
      expect(kind === 'accounts' ? accounts.has(String(value.data.record_id)) : purchases.has(String(value.data.record_id))).toBe(true);
    }
    // Its owner is its record's (hub 0005), so the account's CSM may change it.
    const acmeGid = [...accounts.values()].find((a) => a.data.name === 'Acme Corp')!.gid;
    expect(values.filter((v) => v.data.record_id === acmeGid).every((v) => v.owner === 'Dana Reyes')).toBe(true);
    expect((await hubRows('purchases')).length).toBe(creator.context.sqlite.prepare('SELECT count(*) FROM purchases').pluck().get());
    const playbooks = await hubRows('playbooks');
    expect(playbooks.find((p) => p.data.opens_on === 'healthRed')!.gid).toBe(uuid5('playbooks|healthRed'));
    expect(await hubRows('assessments')).toEqual([]);
  });

  it('team.addMember is the admin’s; team.members lists the team for every member', async () => {
    const added = await creator.call('team.addMember', { server: adminUrl(), login: 'dana', displayName: 'Dana Reyes', role: 'csm', password: 'dana-pass' });
    expect(added).toEqual({ login: 'dana', displayName: 'Dana Reyes', role: 'csm' });
    await creator.call('team.addMember', { server: adminUrl(), login: 'max', displayName: 'Max Weber', role: 'manager', password: 'max-pass' });
    const twice = await creator.fail('team.addMember', { server: adminUrl(), login: 'dana', displayName: 'Dana R', role: 'csm', password: 'dana-pass' });
    expect(twice.code).toBe('CONFLICT');
    const bad = await creator.fail('team.addMember', { server: adminUrl(), login: 'Robert"; DROP', displayName: 'x', role: 'csm', password: 'long-enough' });
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.message).toMatch(/login/);
    const refused = await creator.fail('team.addMember', { server: danaUrl(), login: 'eve', displayName: 'Eve', role: 'manager', password: 'eve-pass1' });
    expect(refused.code).toBe('FORBIDDEN');
    expect((await superuser.query(`SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'eve'`)).rows[0].n).toBe(0);
    const listed = await creator.call('team.members', { server: danaUrl() });
    expect(listed.members).toEqual([
      { login: 'dana', displayName: 'Dana Reyes', role: 'csm' },
      { login: 'max', displayName: 'Max Weber', role: 'manager' },
    ]);
  });

  it('join brings settings, custom values and purchases; both laptops hash alike', async () => {
    dana = await testCore(tempWorkspacePath('dana.fulcrum'));
    await dana.call('team.join', { server: danaUrl() });
    expect((await dana.call('settings.get', {})).currency).toBe('EUR');
    const plan = dana.context.sqlite
      .prepare(
        `SELECT v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.field_id JOIN accounts a ON a.id = v.record_id WHERE f.name = 'Plan' AND a.name = 'Acme Corp'`,
      )
      .pluck()
      .get();
    expect(plan).toBe('Gold');
    expect((await dana.call('team.info', { hashes: true })).hashes).toEqual((await creator.call('team.info', { hashes: true })).hashes);
  });

  it('a CSM changes custom field values of her own accounts only, checked on the server around the app', async () => {
    const accounts = await hubRows('accounts');
    const values = await hubRows('custom_field_values');
    const mine = values.find((v) => v.owner === 'Dana Reyes')!;
    const owners = new Map(accounts.map((a) => [a.gid, a.owner]));
    const theirs = values.find((v) => owners.has(String(v.data.record_id)) && owners.get(String(v.data.record_id)) !== 'Dana Reyes')!;
    await asLogin('dana', 'dana-pass', async (client) => {
      expect((await client.query(`UPDATE team.rows SET data = data || '{"value":"Platinum"}' WHERE gid = $1`, [mine.gid])).rowCount).toBe(1);
      expect((await client.query(`UPDATE team.rows SET data = data || '{"value":"Platinum"}' WHERE gid = $1`, [theirs.gid])).rowCount).toBe(0);
      // A value on a colleague's account inserted directly takes that account's owner, and is refused.
      await expect(
        client.query(`INSERT INTO team.rows (gid, tbl, data) VALUES (gen_random_uuid(), 'custom_field_values', jsonb_build_object('record_id', $1::text, 'value', 'x'))`, [
          theirs.data.record_id,
        ]),
      ).rejects.toMatchObject({ code: '42501' });
    });
    // Back as it was, so the laptops' hashes still agree with the hub below.
    await superuser.query(`UPDATE team.rows SET data = $2 WHERE gid = $1`, [mine.gid, mine.data]);
  });

  it('only managers change team settings: a CSM’s write is refused on the server, also sent around the app', async () => {
    const currency = (await hubRows('settings')).find((r) => r.data.key === 'currency')!;
    await asLogin('dana', 'dana-pass', async (client) => {
      expect((await client.query(`UPDATE team.rows SET data = data || '{"value":"\\"GBP\\""}' WHERE gid = $1`, [currency.gid])).rowCount).toBe(0);
      await expect(client.query(`INSERT INTO team.rows (gid, tbl, data) VALUES (gen_random_uuid(), 'settings', '{"key":"discountRate","value":"0.5"}')`)).rejects.toMatchObject({
        code: '42501',
      });
    });
    await asLogin('max', 'max-pass', async (client) => {
      expect((await client.query(`UPDATE team.rows SET data = data WHERE gid = $1`, [currency.gid])).rowCount).toBe(1);
    });
    // Through the app: Dana's laptop keeps her change locally and lists the refusal; the hub keeps EUR.
    await dana.call('settings.update', { currency: 'GBP' });
    const synced = await dana.call('team.sync', { server: danaUrl() });
    expect(synced.rejected).toBeGreaterThanOrEqual(1);
    expect((await hubRows('settings')).find((r) => r.data.key === 'currency')!.data.value).toBe('"EUR"');
    // A manager's change reaches every laptop.
    await creator.call('settings.update', { discountRate: 0.07 });
    await creator.call('team.sync', { server: adminUrl() });
    await dana.call('team.sync', { server: danaUrl() });
    expect((await dana.call('settings.get', {})).discountRate).toBe(0.07);
  });

  it('the same rule on two laptops opens one call to action and one set of playbook tasks on the hub', async () => {
    // Both laptops in step, then each moves to July (the renewal is 62 days away, no touchpoint) and runs the rules offline.
    await creator.call('team.sync', { server: adminUrl() });
    await dana.call('team.sync', { server: danaUrl() });
    for (const core of [creator, dana]) core.setNow('2026-07-01T09:00:00.000Z');
    const a = await creator.call('ctas.evaluate', {});
    const b = await dana.call('ctas.evaluate', {});
    const renewalA = a.opened.filter((id) => id.startsWith('renewalQuiet:'));
    const renewalB = b.opened.filter((id) => id.startsWith('renewalQuiet:'));
    expect(renewalA).toHaveLength(1);
    expect(renewalB).toHaveLength(1);
    // Local ids differ (each laptop's account id); the global ids agree, made by the trigger in SQL as by the upload in JavaScript.
    const gidA = gidOf(creator, 'calls_to_action', renewalA[0]!)!;
    expect(gidOf(dana, 'calls_to_action', renewalB[0]!)).toBe(gidA);
    const row = creator.context.sqlite.prepare('SELECT * FROM calls_to_action WHERE id = ?').get(renewalA[0]!) as Record<string, unknown>;
    expect(naturalGid('calls_to_action', row, (t, k) => gidOf(creator, t, String(k)) ?? null)).toBe(gidA);

    await dana.call('team.sync', { server: danaUrl() });
    await creator.call('team.sync', { server: adminUrl() });
    await dana.call('team.sync', { server: danaUrl() });
    const ctas = (await hubRows('calls_to_action')).filter((r) => r.data.rule === 'renewalQuiet');
    expect(ctas).toHaveLength(1);
    expect(ctas[0]!.owner).toBe('Dana Reyes');
    const tasks = (await hubRows('tasks')).filter((r) => r.data.cta_id === gidA);
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((t) => t.data.playbook_step)).size).toBe(tasks.length);
    for (const core of [creator, dana]) {
      expect(core.context.sqlite.prepare(`SELECT count(*) FROM calls_to_action WHERE rule = 'renewalQuiet'`).pluck().get()).toBe(1);
      expect(core.context.sqlite.prepare(`SELECT count(*) FROM tasks WHERE cta_id IS NOT NULL AND playbook_step IS NOT NULL AND cta_id LIKE 'renewalQuiet:%'`).pluck().get()).toBe(
        tasks.length,
      );
    }
    expect((await dana.call('team.info', { hashes: true })).hashes).toEqual((await creator.call('team.info', { hashes: true })).hashes);
    // A second pass opens nothing: the pulled call to action has this laptop's own id.
    expect((await dana.call('ctas.evaluate', {})).opened.filter((id) => id.startsWith('renewalQuiet:'))).toEqual([]);
  });

  it('an assessment leaves the laptop only when shared; the other stays', async () => {
    const list = await creator.call('assessments.list', {});
    const shared = list.find((x) => x.clientName === 'Acme Corp')!;
    const kept = list.find((x) => x.clientName === 'Private client')!;
    const result = await creator.call('team.shareAssessment', { id: shared.id });
    expect(result).toMatchObject({ assessmentId: shared.id, alreadyShared: false });
    expect(result.rows).toBeGreaterThanOrEqual(3);
    expect(await creator.call('team.shareAssessment', { id: shared.id })).toMatchObject({ rows: 0, alreadyShared: true });
    expect((await creator.fail('team.shareAssessment', { id: 999_999 })).code).toBe('NOT_FOUND');
    // Edits after sharing travel too; the unshared one's never do.
    await creator.call('assessments.update', { id: shared.id, scope: 'Whole support organisation' });
    await creator.call('assessments.update', { id: kept.id, scope: 'Secret scope' });
    await creator.call('team.sync', { server: adminUrl() });
    const hub = await hubRows('assessments');
    expect(hub.map((r) => r.data.client_name)).toEqual(['Acme Corp']);
    expect(hub[0]!.data.scope).toBe('Whole support organisation');
    expect((await hubRows('assessment_respondents')).map((r) => r.data.name)).toEqual(['Ada']);
    expect((await superuser.query(`SELECT count(*)::int AS n FROM team.change_log WHERE data::text LIKE '%Secret scope%' OR data::text LIKE '%Private client%'`)).rows[0].n).toBe(
      0,
    );
    // Dana receives it on her copy of the starter template.
    await dana.call('team.sync', { server: danaUrl() });
    const hers = (await dana.call('assessments.list', {})).find((x) => x.clientName === 'Acme Corp')!;
    expect((await dana.call('assessments.get', { id: hers.id })).respondents.map((r) => r.name)).toEqual(['Ada']);
    expect((await dana.call('team.info', { hashes: true })).hashes).toEqual((await creator.call('team.info', { hashes: true })).hashes);
    const solo = await testCore(tempWorkspacePath('solo.fulcrum'));
    expect((await solo.fail('team.shareAssessment', { id: 1 })).code).toBe('CONFLICT');
    await solo.close();
  });

  it('a laptop joining later gets calls to action under its own ids, the shared assessment on its own starter template, and hashes alike', async () => {
    await creator.call('team.sync', { server: adminUrl() });
    const third = await testCore(tempWorkspacePath('third.fulcrum'));
    try {
      third.setNow('2026-07-01T09:00:00.000Z');
      await third.call('team.join', { server: danaUrl() });
      expect((await third.call('team.info', { hashes: true })).hashes).toEqual((await creator.call('team.info', { hashes: true })).hashes);
      expect((await third.call('ctas.evaluate', {})).opened.filter((id) => id.startsWith('renewalQuiet:'))).toEqual([]);
      // The starter templates it seeds on first use sit beside the team's copy of one, never twice.
      const names = (await third.call('assessments.templates', {})).map((t) => t.name).sort();
      expect(names).toEqual((await creator.call('assessments.templates', {})).map((t) => t.name).sort());
      expect((await third.call('assessments.list', {})).map((x) => x.clientName)).toEqual(['Acme Corp']);
    } finally {
      await third.close();
    }
  });

  it('a table rebuilt by a migration loses its triggers; reopening the team workspace installs them again and a write is captured', async () => {
    await creator.close();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(creatorPath);
    // A rebuild as a migration does it (SQLite's documented way to change a column): the table's triggers go with it.
    raw.pragma('foreign_keys = OFF');
    const ddl = (raw.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'purchases'`).pluck().get() as string).replace('CREATE TABLE purchases', 'CREATE TABLE purchases_new');
    raw.exec(`BEGIN; ${ddl}; INSERT INTO purchases_new SELECT * FROM purchases; DROP TABLE purchases; ALTER TABLE purchases_new RENAME TO purchases;
      CREATE INDEX purchases_account ON purchases (account_id, purchased_on); COMMIT;`);
    expect(raw.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'purchases'`).pluck().get()).toBe(0);
    raw.close();
    creator = await testCore(creatorPath, { files: plainPaths() });
    const { sqlite } = creator.context;
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'purchases'`).pluck().get()).toBe(3);
    const before = sqlite.prepare(`SELECT count(*) FROM team_changes WHERE tbl = 'purchases'`).pluck().get() as number;
    const id = sqlite.prepare('SELECT max(id) FROM purchases').pluck().get() as number;
    await creator.call('purchases.update', { id, currency: 'CHF' });
    expect(sqlite.prepare(`SELECT count(*) FROM team_changes WHERE tbl = 'purchases'`).pluck().get()).toBe(before + 1);
  });

  it('a call to action a rule opens on a laptop whose role may not write it stays there unlisted and becomes the team’s when a CSM’s laptop opens it; one opened by hand is listed', async () => {
    await superuser.query(`CREATE ROLE mia LOGIN PASSWORD 'mia-pass' IN ROLE fulcrum_marketing`);
    await superuser.query(`INSERT INTO team.members (login, display_name, role) VALUES ('mia', 'Mia Chen', 'marketing')`);
    const miaUrl = server.url('mia', 'mia-pass');
    // An account of Dana's renewing half a year out: no rule fires when it is made.
    creator.setNow('2026-03-01T09:00:00.000Z');
    const beta = await creator.call('accounts.create', { name: 'Beta Renewals', owner: 'Dana Reyes', renewalDate: '2026-09-01', arrMinor: 1_000_000 });
    await creator.call('team.sync', { server: adminUrl() });
    const mia = await testCore(tempWorkspacePath('mia.fulcrum'));
    try {
      await mia.call('team.join', { server: miaUrl });
      // July: marketing's laptop runs the rules first, offline, and opens the renewal call to action with its tasks; Mia opens one by hand too.
      for (const core of [creator, mia]) core.setNow('2026-07-01T09:00:00.000Z');
      const betaHere = (await mia.call('accounts.list', { search: 'Beta Renewals' })).rows[0]!;
      expect((await mia.call('ctas.evaluate', {})).opened.filter((id) => id.startsWith(`renewalQuiet:${betaHere.id}:`))).toHaveLength(1);
      await mia.call('ctas.open', { clientId: '6f9d2c1e-4b7a-4c3d-9e8f-1a2b3c4d5e6f', accountId: betaHere.id, reason: 'Ask for a case study' });
      const pushed = await mia.call('team.sync', { server: miaUrl });
      // The hub refuses all of them (marketing writes no calls to action or tasks); only Mia's own is listed.
      const listed = (await mia.call('team.conflicts', {})).conflicts.filter((c) => c.table === 'calls_to_action' || c.table === 'tasks');
      expect(pushed.rejected).toBe(listed.length);
      expect(listed.filter((c) => c.table === 'calls_to_action')).toHaveLength(1);
      expect(listed.every((c) => c.kind === 'rejected')).toBe(true);
      expect((await hubRows('calls_to_action')).filter((r) => r.data.account_id === gidOf(creator, 'accounts', beta.id))).toEqual([]);

      // Dana's side (the creator's laptop here) opens the same call to action; after both sync it is the team's on both, under one gid.
      await creator.call('ctas.evaluate', {});
      await creator.call('team.sync', { server: adminUrl() });
      await mia.call('team.sync', { server: miaUrl });
      const onHub = (await hubRows('calls_to_action')).filter((r) => r.data.account_id === gidOf(creator, 'accounts', beta.id));
      expect(onHub).toHaveLength(1);
      expect(mia.context.sqlite.prepare(`SELECT local_only FROM team_rows WHERE gid = ?`).pluck().get(onHub[0]!.gid)).toBe(0);
      expect((await mia.call('team.info', { hashes: true })).hashes!.calls_to_action).toBe((await creator.call('team.info', { hashes: true })).hashes!.calls_to_action);
    } finally {
      await mia.close();
    }
  });
});
