import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
let assessmentId: number;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(30));
  // The demo comes with a consultant's assessment (demo/assessment.ts); these tests start from none.
  for (const demo of await ask(app.core, 'assessments.list', {})) await ask(app.core, 'assessments.archive', { id: demo.id });
});
afterAll(() => app?.close());

const REPORTS = join(SCREENSHOTS, '..', 'reports');

/** Answers every item from the keyboard: a number key picks the level, Enter moves on. */
async function answerAll(page: Page, keys: string[]) {
  const card = page.getByTestId('answer-card');
  await card.focus();
  for (const key of keys) {
    await card.press(key);
    await card.press('Enter');
  }
}

describe('assessments', () => {
  it('starts an assessment from a starter template with two respondents', async () => {
    const page = await app.open('assessments');
    await page.getByTestId('assessments-empty').waitFor();
    await expect.poll(() => page.getByTestId('template-row').count()).toBe(3);
    await app.screenshot(page, 'assessments-empty');
    await page.getByTestId('assessment-new').click();
    await page.getByTestId('new-assessment').waitFor();
    await page.getByTestId('input-templateId').selectOption({ label: 'Customer-experience maturity (v1)' });
    await page.getByTestId('input-clientName').fill('Globex Retail');
    await page.getByTestId('input-assessor').fill('Mara Quinn');
    await page.getByTestId('input-scope').fill('Customer service and onboarding in EMEA');
    await page.getByTestId('respondent-name-0').fill('Ana Silva');
    await page.getByTestId('respondent-role-0').fill('COO');
    await page.getByTestId('respondent-add').click();
    await page.getByTestId('respondent-name-1').fill('Ben Ode');
    await page.getByTestId('respondent-function-1').fill('Support');
    await app.screenshot(page, 'assessment-new');
    await page.getByTestId('new-assessment-submit').click();
    await page.waitForURL(/#\/assessments\/\d+\/answer$/);
    assessmentId = Number(/assessments\/(\d+)/.exec(page.url())![1]);
    const detail = await ask(app.core, 'assessments.get', { id: assessmentId });
    expect(detail.respondents.map((r) => [r.name, r.role, r.function])).toEqual([
      ['Ana Silva', 'COO', null],
      ['Ben Ode', null, 'Support'],
    ]);
    expect(detail.template.lockedAt).not.toBeNull();
    await page.close();
  });

  it('answers from the keyboard for two respondents, with evidence and targets, and resumes', async () => {
    const page = await app.open(`assessments/${assessmentId}/answer`);
    await page.getByTestId('answer-card').waitFor();
    expect(await page.getByTestId('answer-progress').innerText()).toContain('0 of 18 answered');
    // Ana: mostly 4 ("Managed"), measurement items 2, one "don't know".
    const ana = ['4', '4', '4', '3', '3', '4', '4', '5', '4', '2', '2', '2', '4', '4', '3', 'd', '4', '4'];
    await answerAll(page, ana.slice(0, 9));
    // Leave and come back: the screen resumes at Ana's tenth item.
    await page.reload();
    await page.getByTestId('answer-card').waitFor();
    await expect.poll(() => page.getByTestId('answer-statement').innerText()).toContain('Satisfaction, loyalty and effort');
    // The item card has the keyboard from the start.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('answer-card');
    await answerAll(page, ana.slice(9));
    await expect.poll(() => page.getByTestId('answer-progress').innerText()).toContain('18 of 18 answered');

    // Evidence and a target on the first item.
    await page.getByTestId('item-link').first().click();
    await page.getByTestId('answer-evidence').fill('Vision statement in the 2026 plan, page 3');
    await page.getByTestId('answer-target').selectOption('5');
    // Evidence autosaves a moment after typing stops.
    await expect
      .poll(async () => (await ask(app.core, 'assessments.get', { id: assessmentId })).answers.find((a) => a.itemKey === 'strategy-vision')?.evidence)
      .toBe('Vision statement in the 2026 plan, page 3');
    await expect.poll(async () => (await ask(app.core, 'assessments.get', { id: assessmentId })).targets).toEqual([{ itemKey: 'strategy-vision', level: 5 }]);
    await app.screenshot(page, 'assessment-answering');

    // Ben sees it differently: 2 where Ana said 4 (a disagreement), 1 on measurement.
    await page.getByTestId('answer-respondent').selectOption({ label: 'Ben Ode' });
    await expect.poll(() => page.getByTestId('answer-progress').innerText()).toContain('0 of 18 answered');
    const ben = ['2', '3', '3', '3', '3', '2', '3', '4', '3', '1', '1', '2', '3', '3', '3', '3', '3', 'n'];
    await answerAll(page, ben);
    await expect.poll(() => page.getByTestId('answer-progress').innerText()).toContain('18 of 18 answered');
    await expect.poll(() => page.getByTestId('answer-save-state').innerText()).toBe('All answers saved');

    const detail = await ask(app.core, 'assessments.get', { id: assessmentId });
    const evidence = detail.answers.find((a) => a.itemKey === 'strategy-vision' && a.respondentId === detail.respondents[0]!.id);
    expect(evidence).toMatchObject({ level: 4, evidence: 'Vision statement in the 2026 plan, page 3' });
    expect(detail.answers.filter((a) => a.nonAnswer)).toHaveLength(2);
    expect(detail.answers).toHaveLength(36);
    await page.close();
  });

  it('shows the scores, the radar, the heatmap and the disagreement', async () => {
    const results = await ask(app.core, 'assessments.results', { id: assessmentId });
    const page = await app.open(`assessments/${assessmentId}/results`);
    await page.getByTestId('radar-chart').locator('svg path').first().waitFor();
    expect(await page.getByTestId('results-overall').innerText()).toBe(String(Math.round(results.overall!)));
    expect(await page.getByTestId('results-floor').innerText()).toBe('Measurement');
    expect(await page.getByTestId('results-stage').innerText()).toBe(results.stage?.name ?? 'None yet');
    await page.getByTestId('heatmap-chart').locator('svg').waitFor();
    expect(await page.getByTestId('finding-disagreement').count()).toBe(results.findings.filter((f) => f.kind === 'disagreement').length);
    expect(await page.getByTestId('finding-disagreement').count()).toBeGreaterThan(0);
    await app.screenshot(page, 'assessment-results');
    await page.getByTestId('heatmap-chart').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'assessment-results-heatmap');
    await page.getByTestId('findings-card').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'assessment-findings');
    await page.close();
  });

  it('builds the roadmap from the gaps and edits it', async () => {
    const page = await app.open(`assessments/${assessmentId}/roadmap`);
    await page.getByTestId('roadmap-empty').waitFor();
    await page.getByTestId('roadmap-suggest').click();
    await expect.poll(() => page.getByTestId('roadmap-item').count()).toBe(1);
    await page.getByTestId('roadmap-action-0').fill('Write the experience vision into the annual plan and review it each quarter');
    await page.getByTestId('roadmap-owner-0').fill('COO');
    await page.getByTestId('roadmap-add').click();
    await page.getByTestId('roadmap-action-1').fill('Survey customers after every support case');
    await page.getByTestId('roadmap-horizon-1').selectOption('3_6_months');
    await page.getByTestId('roadmap-effect-1').fill('Satisfaction known per touchpoint within a quarter');
    await page.getByTestId('roadmap-save').click();
    await expect.poll(() => page.getByTestId('roadmap-state').innerText()).toBe('Roadmap saved.');
    const saved = (await ask(app.core, 'assessments.get', { id: assessmentId })).recommendations;
    expect(saved.map((r) => [r.itemKey, r.owner, r.horizon])).toEqual([
      ['strategy-vision', 'COO', '3_6_months'],
      [null, null, '3_6_months'],
    ]);
    await app.screenshot(page, 'assessment-roadmap');
    await page.close();
  });

  it('exports the report as HTML and PDF, with every section on its pages', async () => {
    const page = await app.open(`assessments/${assessmentId}/report`);
    await page
      .getByTestId('summary-input')
      .fill('Globex Retail has a clear intent for its customers but cannot yet measure the experience.\n\nStart with measurement: it is the floor.');
    await page.getByTestId('summary-save').click();
    const frame = page.frameLocator('[data-testid=report-frame]');
    await frame.getByText('cannot yet measure the experience').waitFor();
    await app.screenshot(page, 'assessment-report-tab');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-html').click()]);
    expect(download.suggestedFilename()).toBe(`assessment-globex-retail-${(await ask(app.core, 'assessments.get', { id: assessmentId })).assessment.assessedOn}.html`);

    // The PDF: Chromium prints the very HTML the preview shows.
    const html = (await page.getByTestId('report-frame').getAttribute('srcdoc'))!;
    expect(html).toContain('<svg');
    // In the page's own browser context: watched for errors like every page, closed with it.
    const printer = await page.context().newPage();
    await printer.setContent(html, { waitUntil: 'load' });
    const pdf = await printer.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await printer.close();
    rmSync(REPORTS, { recursive: true, force: true });
    mkdirSync(REPORTS, { recursive: true });
    const pdfPath = join(REPORTS, 'assessment-report.pdf');
    writeFileSync(pdfPath, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(REPORTS, 'page')]);
    const pages = readdirSync(REPORTS).filter((f) => f.endsWith('.png'));
    // Cover, summary and radar, heatmap, findings, roadmap, appendix: at least six pages.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    // Words only: table cells wrap across lines in the PDF.
    const text = execFileSync('pdftotext', [pdfPath, '-']).toString().replace(/\s+/g, ' ');
    for (const heading of ['Executive summary', 'Answers by respondent', 'Findings by dimension', 'Roadmap', 'Appendix: answers and evidence']) expect(text).toContain(heading);
    expect(text).toContain('Survey customers after every support case');
    expect(text).toContain('Vision statement in the 2026 plan, page 3');
    await page.close();
  });

  it('lists the assessment with its score and compares it with another client anonymously', async () => {
    // A second client on the same template, answered through the core.
    const template = (await ask(app.core, 'assessments.get', { id: assessmentId })).template;
    const other = await ask(app.core, 'assessments.create', {
      templateId: template.id,
      clientName: 'Umbrella Health',
      assessedOn: '2026-01-15',
      assessor: 'Mara Quinn',
      respondents: [{ name: 'Cleo', role: null, function: null }],
    });
    for (const dimension of template.framework.dimensions) {
      for (const item of dimension.items) await ask(app.core, 'assessments.answer', { respondentId: other.respondents[0]!.id, itemKey: item.key, level: 3 });
    }
    const page = await app.open(`assessments/${assessmentId}/results`);
    await page.getByTestId('benchmark-table').waitFor();
    const labels = await page.getByTestId('benchmark-table').locator('tbody td:first-child').allInnerTexts();
    expect(labels).toEqual(['Globex Retail (this assessment)', 'Client A']);
    await page.getByTestId('benchmark-table').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'assessment-benchmark');
    await page.goto(`${app.bridge.url}/#/assessments`);
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(2);
    await app.screenshot(page, 'assessments-list');
    await page.close();
  });
});
