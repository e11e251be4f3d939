import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath } from '../fixtures/core';
import { startApp, type App } from './harness';
import { pickAccount } from './pickAccount';
import { ask } from './workspace';

// Templates edited in the app, answers collected in a spreadsheet, and the portable assessment file.
let app: App;
let assessmentId: number;
let templateId: number;
beforeAll(async () => {
  app = await startApp(tempWorkspacePath('assessments.fulcrum'));
  const cx = (await ask(app.core, 'assessments.templates', {})).find((t) => t.name === 'Customer-success maturity')!;
  templateId = cx.id;
  const created = await ask(app.core, 'assessments.create', {
    templateId,
    clientName: 'Initech',
    assessedOn: '2026-03-02',
    assessor: 'Mara Quinn',
    respondents: [{ name: 'Ana', role: 'VP Customer Success', function: null }],
  });
  assessmentId = created.assessment.id;
});
afterAll(() => app?.close());

describe('assessment templates and files', () => {
  it('edits a template in use as its next version, after showing what is wrong', async () => {
    const page = await app.open('assessments');
    await page.getByRole('link', { name: 'Customer-success maturity' }).click();
    await page.getByTestId('template-editor').waitFor();
    expect(await page.getByTestId('template-save').innerText()).toBe('Save as version 2');
    await page.getByTestId('dimension-name-0').fill('Getting started');
    await page.getByTestId('dimension-weight-0').fill('2');
    await page.getByTestId('item-statement-0-0').fill('');
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-error').waitFor();
    expect(await page.getByTestId('template-error').innerText()).toContain('dimension "Getting started" › item 1 › statement: is required');
    await app.screenshot(page, 'assessment-template-error');
    await page.getByTestId('item-statement-0-0').fill('Every new customer has a dated go-live plan.');
    await page.getByTestId('template-save').click();
    await page.waitForURL((url) => !url.hash.endsWith(`/templates/${templateId}`));
    await page.getByText('Not used by any assessment yet').waitFor();
    const templates = await ask(app.core, 'assessments.templates', { includeOlderVersions: true });
    const versions = templates.filter((t) => t.name === 'Customer-success maturity');
    expect(versions.map((t) => [t.version, t.framework.dimensions[0]!.name, t.framework.dimensions[0]!.weight])).toEqual([
      [2, 'Getting started', 2],
      [1, 'Onboarding', 1],
    ]);
    await app.screenshot(page, 'assessment-template-editor');
    await page.close();
  });

  it('exports the answer sheet, imports it filled in, and refuses a wrong cell', async () => {
    const page = await app.open(`assessments/${assessmentId}/report`);
    await page.getByTestId('answer-sheet-card').locator('select').selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sheet-export').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('item_key,dimension,statement,levels,level: Ana,evidence: Ana');
    // Ana answers 3 everywhere in the spreadsheet; a colleague adds Raj's column.
    const filled = lines.map((line, i) => (i === 0 ? `${line},level: Raj,evidence: Raj` : `${line.replace(/,,$/, ',3,')},Managed,From the QBR deck`)).join('\n');
    await page.getByTestId('sheet-input').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
    await expect.poll(() => page.getByTestId('sheet-message').innerText()).toBe('30 answers imported, 1 new respondent.');
    const detail = await ask(app.core, 'assessments.get', { id: assessmentId });
    expect(detail.respondents.map((r) => r.name)).toEqual(['Ana', 'Raj']);
    expect(detail.answers.filter((a) => a.level === 4 && a.evidence === 'From the QBR deck')).toHaveLength(15);

    const wrong = lines.map((line, i) => (i === 3 ? line.replace(/,,$/, ',great,') : line)).join('\n');
    await page.getByTestId('sheet-input').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
    await expect.poll(() => page.getByTestId('sheet-error').innerText()).toContain('row 4: "level: Ana": "great" is not a level');
    await page.getByTestId('sheet-error').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'assessment-sheet-error');
    await page.close();
  });

  it('exports the assessment file and opens it as a new assessment', async () => {
    const page = await app.open(`assessments/${assessmentId}/report`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-file').click()]);
    expect(download.suggestedFilename()).toBe('initech-2026-03-02.fulcrum-assessment.json');
    const content = readFileSync(await download.path());
    await page.goto(`${app.bridge.url}/#/assessments`);
    await page.getByTestId('import-file-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: content });
    await page.waitForURL((url) => /#\/assessments\/\d+$/.test(url.hash) && !url.hash.endsWith(`/${assessmentId}`));
    const copyId = Number(/assessments\/(\d+)$/.exec(page.url())![1]);
    const copy = await ask(app.core, 'assessments.get', { id: copyId });
    expect(copy.assessment.clientName).toBe('Initech');
    expect(copy.answers).toHaveLength(30);
    await page.getByTestId('respondents-card').waitFor();
    await app.screenshot(page, 'assessment-imported');
    await page.close();
  });

  it('assesses an account, shows it on the account page, and archives it after asking', async () => {
    const account = await ask(app.core, 'accounts.create', { name: 'Hooli' });
    const page = await app.open('assessments');
    await page.getByTestId('assessment-new').click();
    await page.getByTestId('input-templateId').selectOption({ label: 'Customer leverage readiness (v1)' });
    await pickAccount(page, 'input-accountId', 'Hooli');
    await page.getByTestId('input-assessor').fill('Mara Quinn');
    await page.getByTestId('respondent-name-0').fill('Gavin');
    await page.getByTestId('new-assessment-submit').click();
    await page.waitForURL(/#\/assessments\/\d+\/answer$/);
    expect(await page.getByTestId('assessment-client').innerText()).toBe('Hooli');
    const id = Number(/assessments\/(\d+)/.exec(page.url())![1]);

    // Rename the respondent and give every item a target from the first tab.
    await page.getByTestId('tab-setup').click();
    await page.getByRole('button', { name: 'Edit Gavin' }).click();
    await page.getByTestId('respondent-edit-name').fill('Gavin Belson');
    await page.getByTestId('respondent-edit-save').click();
    await page.getByTestId('targets-level').selectOption('4');
    await page.getByTestId('targets-fill').click();
    await expect.poll(async () => (await ask(app.core, 'assessments.get', { id })).targets.length).toBe(10);
    expect((await ask(app.core, 'assessments.get', { id })).respondents.map((r) => r.name)).toEqual(['Gavin Belson']);
    await page.getByText('10 of 10 items have a target').waitFor();
    await app.screenshot(page, 'assessment-setup');

    await page.goto(`${app.bridge.url}/#/accounts/${account.id}`);
    await expect.poll(() => page.getByTestId('account-assessment').count()).toBe(1);
    await page.getByTestId('account-assessments').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'assessment-account-card');

    await page.goto(`${app.bridge.url}/#/assessments/${id}`);
    await page.getByTestId('assessment-archive').click();
    await page.getByTestId('assessment-archive-confirm-confirm').click();
    await page.getByTestId('assessment-archive-confirm').waitFor({ state: 'detached' });
    expect((await ask(app.core, 'assessments.get', { id })).assessment.archivedAt).not.toBeNull();
    await page.goto(`${app.bridge.url}/#/assessments`);
    await page.getByTestId('assessment-row').first().waitFor();
    expect(await page.getByTestId('assessment-row').filter({ hasText: 'Hooli' }).count()).toBe(0);
    await page.getByTestId('assessments-show-archived').check();
    await expect.poll(() => page.getByTestId('assessment-row').filter({ hasText: 'Hooli' }).count()).toBe(1);
    await page.close();
  });
});
