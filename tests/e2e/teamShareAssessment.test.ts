import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { startApp, type App } from './harness';
import { ask } from './workspace';

// Issue 19 (E): a consultant's assessment leaves the laptop only when she shares it. In a team
// workspace (a real PostgreSQL hub), the assessment screen offers "Share with team…", whose
// confirmation says what leaves the laptop; after it and a sync the hub holds that assessment and
// not the other one. Outside a team the button is not there.

const ADMIN = { user: 'team_admin', password: 'admin-pw' };
let server: TestPostgres;
let superuser: pg.Client;
let app: App;
let sharedId: number;
let keptId: number;
let soloId: number;
let soloPath: string;

beforeAll(async () => {
  server = await startPostgres();
  superuser = new pg.Client(server.url());
  await superuser.connect();
  await superuser.query(`CREATE ROLE ${ADMIN.user} LOGIN CREATEROLE PASSWORD '${ADMIN.password}'`);
  await superuser.query(`GRANT CREATE ON DATABASE postgres TO ${ADMIN.user}`);
  const path = tempWorkspacePath('team-e2e.fulcrum');
  const core = await testCore(path);
  const templateId = (await core.call('assessments.templates', {}))[0]!.id;
  const make = async (clientName: string, names: string[]) =>
    (await core.call('assessments.create', { templateId, assessedOn: '2026-02-01', assessor: 'Ines Duarte', clientName, respondents: names.map((name) => ({ name })) })).assessment
      .id;
  sharedId = await make('Globex Retail', ['Ana Silva', 'Ben Ode']);
  keptId = await make('Initech Private', ['Carla Mendes']);
  await core.call('team.create', { server: server.url(ADMIN.user, ADMIN.password) });
  await core.close();
  soloPath = tempWorkspacePath('solo-e2e.fulcrum');
  const solo = await testCore(soloPath);
  const soloTemplate = (await solo.call('assessments.templates', {}))[0]!.id;
  soloId = (await solo.call('assessments.create', { templateId: soloTemplate, assessedOn: '2026-02-01', assessor: 'Ines Duarte', clientName: 'Solo client', respondents: [] }))
    .assessment.id;
  await solo.close();
  app = await startApp(path);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await superuser?.end();
  server?.stop();
});

describe('sharing an assessment with the team', () => {
  it('says what leaves the laptop, shares on confirmation, and the hub then holds only that assessment', async () => {
    const page = await app.open(`assessments/${sharedId}/setup`);
    await page.getByTestId('assessment-page').waitFor();
    await page.getByTestId('assessment-share').click();
    const dialog = page.getByTestId('assessment-share-dialog');
    await dialog.waitFor();
    const what = await page.getByTestId('assessment-share-what').innerText();
    expect(what).toContain('Globex Retail');
    expect(what).toContain('2 respondents');
    await app.screenshot(page, 'team-share-assessment-confirm');
    // Cancel first: nothing is queued.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await ask(app.core, 'team.assessmentSharing', { id: sharedId })).toEqual({ inTeam: true, shared: false });

    await page.getByTestId('assessment-share').click();
    await page.getByTestId('assessment-share-dialog-confirm').click();
    await page.getByTestId('assessment-shared').waitFor();
    await app.screenshot(page, 'team-share-assessment-shared');
    expect(await ask(app.core, 'team.assessmentSharing', { id: sharedId })).toEqual({ inTeam: true, shared: true });

    await ask(app.core, 'team.sync', { server: server.url(ADMIN.user, ADMIN.password) });
    const hub = (await superuser.query<{ data: { client_name: string } }>(`SELECT data FROM team.rows WHERE tbl = 'assessments'`)).rows;
    expect(hub.map((r) => r.data.client_name)).toEqual(['Globex Retail']);
    const respondents = (await superuser.query<{ name: string }>(`SELECT data->>'name' AS name FROM team.rows WHERE tbl = 'assessment_respondents' ORDER BY 1`)).rows;
    expect(respondents.map((r) => r.name)).toEqual(['Ana Silva', 'Ben Ode']);
    expect((await superuser.query(`SELECT count(*)::int AS n FROM team.change_log WHERE data::text LIKE '%Initech%' OR data::text LIKE '%Carla Mendes%'`)).rows[0].n).toBe(0);

    // The other assessment still offers sharing; it was not shared.
    await page.goto(page.url().replace(`assessments/${sharedId}/setup`, `assessments/${keptId}/setup`));
    await page.getByTestId('assessment-share').waitFor();
    await page.close();
  });

  it('outside a team there is no Share button', async () => {
    await app.close();
    app = await startApp(soloPath);
    const page = await app.open(`assessments/${soloId}/setup`);
    await page.getByTestId('assessment-archive').waitFor();
    expect(await ask(app.core, 'team.assessmentSharing', { id: soloId })).toEqual({ inTeam: false, shared: false });
    expect(await page.getByTestId('assessment-share').count()).toBe(0);
    await page.close();
  });
});
