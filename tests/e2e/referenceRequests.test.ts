import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { now } from './today';
import { ask, demoWorkspace } from './workspace';

let app: App;
let referenceId: number;
let dealId: number;

/** An active reference whose contact agreed to reference calls, and an open deal to ask for. */
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  const account = await ask(app.core, 'accounts.create', { name: 'Quasar Freight', region: 'EMEA', owner: 'Olivia Owner' });
  const contact = await ask(app.core, 'contacts.create', { accountId: account.id, name: 'Omar Field' });
  referenceId = (await ask(app.core, 'references.create', { accountId: account.id, contactId: contact.id, by: 'Setup' })).id;
  await ask(app.core, 'references.grantConsent', { referenceId, activity: 'reference_call', grantedBy: 'Omar Field' });
  for (const stage of ['nominated', 'recruited', 'active'] as const) await ask(app.core, 'references.move', { id: referenceId, stage, by: 'Setup' });
  dealId = (await ask(app.core, 'deals.create', { prospect: 'Aardvark Logistics', openedAt: now().toISOString(), stage: 'propose' })).id;
});
afterAll(() => app?.close());

const status = (page: Page) => page.getByTestId('request-detail').getByTestId('detail-status');

describe('reference requests', () => {
  it('creates, approves, schedules and completes a request with feedback', async () => {
    const page = await app.open('references/requests');
    await page.getByTestId('requests-row').first().waitFor();
    await page.getByTestId('new-request-button').click();
    const form = page.getByTestId('new-request-dialog');
    await form.getByTestId('input-referenceId').selectOption({ label: 'Quasar Freight (Omar Field)' });
    // Only what the contact consented to is offered without a warning.
    await expect.poll(() => form.getByTestId('input-activity').locator('option', { hasText: 'Press quote' }).innerText()).toBe('Press quote — no valid consent');
    await form.getByTestId('input-activity').selectOption('reference_call');
    await form.getByTestId('input-dealId').selectOption({ label: 'Aardvark Logistics' });
    await form.getByTestId('input-requester').fill('Sam Seller');
    await app.screenshot(page, 'requests-new');
    await form.getByTestId('new-request-submit').click();

    const detail = page.getByTestId('request-detail');
    await status(page).waitFor();
    expect(await status(page).innerText()).toBe('Requested');
    expect(await detail.getByTestId('request-facts').innerText()).toContain('Aardvark Logistics');

    await detail.getByTestId('detail-approve').click();
    // The account owner approves: offered as the approver.
    expect(await page.getByTestId('request-approve-dialog').getByTestId('input-by').inputValue()).toBe('Olivia Owner');
    await page.getByTestId('request-approve-submit').click();
    await expect.poll(() => status(page).innerText()).toBe('Approved');

    await detail.getByTestId('detail-schedule').click();
    await page.getByTestId('request-schedule-dialog').getByTestId('input-scheduledFor').waitFor();
    await page.getByTestId('request-schedule-submit').click();
    await expect.poll(() => status(page).innerText()).toBe('Scheduled');

    await detail.getByTestId('detail-complete').click();
    const complete = page.getByTestId('request-complete-dialog');
    await complete.getByTestId('input-rating').getByText('5', { exact: true }).click();
    await complete.getByTestId('input-feedback').fill('The prospect asked about onboarding times');
    await complete.getByTestId('input-referenceSaid').fill('We were live in six weeks');
    await app.screenshot(page, 'requests-complete-form');
    await page.getByTestId('request-complete-submit').click();
    await expect.poll(() => status(page).innerText()).toBe('Completed');
    const facts = await detail.getByTestId('request-facts').innerText();
    expect(facts).toContain('Olivia Owner');
    expect(facts).toContain('We were live in six weeks');
    expect(facts).toContain('5/5');
    await app.screenshot(page, 'requests-completed');

    const { rows } = await ask(app.core, 'requests.list', { filter: { referenceId, dealId } });
    expect(rows).toEqual([expect.objectContaining({ status: 'completed', approvedBy: 'Olivia Owner', rating: 5, happened: true, referenceSaid: 'We were live in six weeks' })]);
    await page.close();
  });

  it('flags requests open beyond the SLA and declines one with a reason', async () => {
    const old = await ask(app.core, 'requests.create', { referenceId, requester: 'Mia Marketing', activity: 'reference_call' });
    // Five days before the core's clock, which the SLA is measured against.
    const fiveDaysAgo = new Date(now().getTime() - 5 * 86_400_000).toISOString();
    app.core.context.sqlite.prepare('UPDATE reference_requests SET requested_at = ? WHERE id = ?').run(fiveDaysAgo, old.id);

    const page = await app.open('references/requests');
    await page.getByTestId('requests-search').fill('Mia Marketing');
    const row = page.locator('[data-testid=requests-row]', { hasText: 'Quasar Freight' });
    await expect.poll(() => page.getByTestId('requests-row').count()).toBe(1);
    expect(await row.getByTestId('sla-overdue').textContent()).toBe('⚠ 5 d, over the 3-day SLA');
    // The SLA count is its own query: it may still be counting when the rows have answered.
    await expect.poll(() => page.getByTestId('sla-summary').innerText(), { timeout: 30_000 }).toMatch(/awaiting an answer past the 3-day SLA/);
    await app.screenshot(page, 'requests-sla');

    await row.click();
    await page.getByTestId('request-detail').getByTestId('detail-decline').click();
    const decline = page.getByTestId('request-decline-dialog');
    await page.getByTestId('request-decline-submit').click();
    expect(await decline.getByTestId('error-reason').innerText()).toBe('Give the reason');
    await decline.getByTestId('input-reason').fill('Champion on leave this month');
    await page.getByTestId('request-decline-submit').click();
    await expect.poll(() => status(page).innerText()).toBe('Declined');
    expect(await page.getByTestId('request-facts').innerText()).toContain('Champion on leave this month');
    await page.keyboard.press('Escape');
    // Closed requests leave the default "open" view.
    await expect.poll(() => row.count()).toBe(0);
    await page.close();
  });
});
