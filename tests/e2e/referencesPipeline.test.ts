import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspacePath, testCore } from '../fixtures/core';
import { startApp, type App } from './harness';
import { pickAccount } from './pickAccount';
import { ask, demoWorkspace } from './workspace';

let app: App;
let accountId: number;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  // A customer not yet in the programme, with the person who would speak for it.
  accountId = (await ask(app.core, 'accounts.create', { name: 'Zephyr Labs', industry: 'Software', region: 'EMEA' })).id;
  await ask(app.core, 'contacts.create', { accountId, name: 'Nora Quinn', title: 'VP Support', isChampion: true });
});
afterAll(() => app?.close());

const card = (page: Page, stage: string) => page.getByTestId(`column-${stage}`).locator('[data-testid=reference-card]', { hasText: 'Zephyr Labs' });
const focusedReference = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-reference-id'));

async function confirmMove(page: Page, reason: string) {
  const dialog = page.getByTestId('move-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('input-reason').fill(reason);
  await dialog.getByTestId('move-dialog-confirm').click();
}

describe('reference pipeline board', () => {
  it('nominates an account, moves it by keyboard, menu and drag, and logs every change', async () => {
    const page = await app.open('references/pipeline');
    await page.getByTestId('reference-funnel').locator('svg').first().waitFor();
    await app.screenshot(page, 'references-pipeline');

    // Nominate: the account enters as a candidate and its detail opens.
    await page.getByTestId('nominate-button').click();
    const nominate = page.getByTestId('nominate-dialog');
    await pickAccount(nominate, 'input-accountId', 'Zephyr Labs');
    await nominate.getByTestId('input-contactId').selectOption({ label: 'Nora Quinn — VP Support (champion)' });
    await nominate.getByTestId('input-by').fill('Rita Reference');
    await nominate.getByTestId('nominate-dialog-submit').click();
    const detail = page.getByTestId('reference-detail');
    await detail.getByTestId('detail-stage').waitFor();
    expect(await detail.getByTestId('detail-stage').innerText()).toBe('Candidate');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // Keyboard: "]" moves to the next allowed stage, after asking for the reason.
    await card(page, 'candidate').focus();
    await page.keyboard.press(']');
    await confirmMove(page, 'Great QBR, wants to help');
    await card(page, 'nominated').waitFor();
    await expect.poll(() => page.getByTestId('board-announcement').innerText()).toBe('Zephyr Labs moved from Candidate to Nominated.');
    const id = await card(page, 'nominated').getAttribute('data-reference-id');
    await expect.poll(() => focusedReference(page)).toBe(id);

    // Recruiting needs consent: the refusal says so and nothing moves.
    await page.keyboard.press(']');
    await confirmMove(page, 'Said yes on the phone');
    const refusal = page.getByTestId('move-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('Cannot recruit without consent: Nora Quinn has no consent on file; record one in the consent ledger first');
    await app.screenshot(page, 'references-move-refused');
    await page.getByTestId('move-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await card(page, 'nominated').count()).toBe(1);

    // Record the consent in the ledger, with a rule the finder checks.
    await card(page, 'nominated').click();
    await detail.getByTestId('grant-consent-button').click();
    const grant = page.getByTestId('grant-consent-dialog');
    await grant.getByTestId('input-activity').selectOption('reference_call');
    await grant.getByTestId('input-restrictions').fill('EMEA prospects only');
    await grant.getByTestId('add-rule').click();
    await grant.getByTestId('rule-names').fill('EMEA');
    await app.screenshot(page, 'references-grant-consent');
    await grant.getByTestId('grant-consent-submit').click();
    const consent = detail.getByTestId('consent-row');
    await consent.waitFor();
    expect(await consent.getByTestId('consent-state').innerText()).toBe('Valid');
    expect(await consent.innerText()).toContain('Only prospects in EMEA');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // Drag and drop onto the Recruited column.
    await card(page, 'nominated').dragTo(page.getByTestId('column-recruited').locator('h3'));
    await confirmMove(page, 'Consent on file');
    await card(page, 'recruited').waitFor();

    // The "Move to…" menu, for keyboard users who prefer a list.
    await card(page, 'recruited').getByTestId('move-to').selectOption('active');
    await confirmMove(page, '');
    await card(page, 'active').waitFor();
    await expect.poll(() => page.getByTestId('board-announcement').innerText()).toBe('Zephyr Labs moved from Recruited to Active.');
    await app.screenshot(page, 'references-pipeline-moved');

    // The history shows every change with who and why.
    await card(page, 'active').press('Enter');
    await detail.getByTestId('stage-change').first().waitFor();
    const history = await detail.getByTestId('stage-change').allInnerTexts();
    expect(history).toHaveLength(4);
    expect(history[0]).toContain('Entered as Candidate');
    expect(history[1]).toMatch(/Candidate → Nominated by Rita Reference.*Great QBR, wants to help/s);
    expect(history[2]).toMatch(/Nominated → Recruited by Rita Reference.*Consent on file/s);
    expect(history[3]).toContain('Recruited → Active');
    await app.screenshot(page, 'references-detail');
    const stored = await ask(app.core, 'references.get', { id: Number(id) });
    expect(stored.history.map((h) => h.toStage)).toEqual(['candidate', 'nominated', 'recruited', 'active']);

    // Revoking asks first, then the ledger shows it revoked.
    await detail.getByTestId('revoke-consent').click();
    await page.getByTestId('revoke-confirm').waitFor();
    await app.screenshot(page, 'references-revoke-confirm');
    await page.getByTestId('revoke-confirm-confirm').click();
    await expect.poll(() => detail.getByTestId('consent-state').innerText()).toBe('Revoked');
    await page.close();
  });

  it('filters the board by account name and shows the funnel in words', async () => {
    const page = await app.open('references/pipeline');
    await page.getByTestId('funnel-words').waitFor();
    expect(await page.getByTestId('funnel-words').innerText()).toMatch(/^Candidate \d+, Nominated \d+ \(\d+ %\)/);
    await page.getByTestId('pipeline-search').fill('Zephyr');
    await expect.poll(() => page.getByTestId('reference-card').count()).toBe(1);
    await page.close();
  });
});

describe('an empty programme', () => {
  let empty: App;
  beforeAll(async () => {
    const path = tempWorkspacePath('empty-programme.fulcrum');
    const core = await testCore(path);
    await core.call('accounts.create', { name: 'Alder Labs' });
    await core.close();
    empty = await startApp(path);
  });
  afterAll(() => empty?.close());

  it('says what to do instead of showing empty columns, a flat funnel or an empty log', async () => {
    const page = await empty.open('references/pipeline');
    await page.getByTestId('pipeline-empty').waitFor();
    expect(await page.getByTestId('pipeline-empty').innerText()).toContain('No account is in the reference programme yet.');
    expect(await page.getByTestId('reference-funnel').count()).toBe(0);
    expect(await page.getByTestId('pipeline-board').count()).toBe(0);
    await empty.screenshot(page, 'references-pipeline-empty');
    await page.getByTestId('tab-requests').click();
    await page.getByText('No open requests: every ask has been answered.').waitFor();
    // The SLA count is its own query: it may still be counting when the list has answered.
    await expect.poll(() => page.getByTestId('sla-summary').innerText(), { timeout: 30_000 }).toBe('No request awaiting an answer past the 3-day SLA');
    await page.close();
  });
});
