import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace, featuredAccount } from './workspace';

// Issue 17: "Capture as feedback" from the account page's timeline (its tickets, answers and
// touchpoints), from the keyboard: the dialog shows the core's draft of the entry, and what is
// captured is what the core holds, linked to its source and to a new request.

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

describe('capture as feedback', () => {
  it('captures a timeline entry into a new request, prefilled from the core’s draft', async () => {
    const { account } = await featuredAccount(app.core);
    const page = await app.open(`accounts/${account.id}`);
    const entries = page.locator('[data-testid=timeline-entry]:has([data-testid=timeline-capture])');
    await entries.first().waitFor();
    // Deployments have no capture; every other entry has.
    expect(await page.locator('[data-testid=timeline-entry][data-kind=deployment] [data-testid=timeline-capture]').count()).toBe(0);
    const entry = entries.first();
    const kind = (await entry.getAttribute('data-kind')) as 'ticket' | 'survey' | 'touchpoint';
    const id = Number(await entry.getAttribute('data-entry-id'));
    const draft = await ask(app.core, 'feedback.draft', { source: kind, id });
    const before = (await ask(app.core, 'feedback.list', { filter: { accountId: account.id }, pageSize: 500 })).total;

    await entry.getByTestId('timeline-capture').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('capture-feedback');
    await dialog.waitFor();
    await page.getByTestId('capture-feedback-kind').waitFor();
    expect(await page.getByTestId('capture-feedback-kind').inputValue()).toBe(draft.kind);
    expect(await page.getByTestId('capture-feedback-text').inputValue()).toBe(draft.text);
    expect(await page.getByTestId('capture-feedback-product').inputValue()).toBe(draft.product ?? '');
    expect(await page.getByTestId('capture-feedback-feature').inputValue()).toBe(draft.feature ?? '');
    expect(await page.getByTestId('capture-feedback-from').innerText()).toContain(draft.accountName);

    // Empty words are refused before the core is asked.
    await page.getByTestId('capture-feedback-text').fill('');
    await page.getByTestId('capture-feedback-save').click();
    await expect.poll(() => dialog.locator('[role=alert]').innerText()).toBe('Write down what the customer said.');
    await page.getByTestId('capture-feedback-text').fill('Wants scheduled exports to the data warehouse');
    await page.getByTestId('capture-feedback-kind').selectOption('feature_request');
    await page.getByTestId('capture-feedback-request').selectOption('new');
    await page.getByTestId('capture-feedback-new-title').fill('Scheduled warehouse exports');
    await app.screenshot(page, 'feedback-capture-dialog');
    await page.getByTestId('capture-feedback-save').click();
    await dialog.waitFor({ state: 'detached' });

    const items = async () => (await ask(app.core, 'feedback.list', { filter: { accountId: account.id }, pageSize: 500, sort: { field: 'createdAt', direction: 'desc' } })).rows;
    await expect.poll(async () => (await items()).length).toBe(before + 1);
    const [item] = await items();
    const idField = kind === 'ticket' ? 'ticketId' : kind === 'survey' ? 'surveyResponseId' : 'touchpointId';
    expect(item).toMatchObject({
      source: kind,
      [idField]: id,
      kind: 'feature_request',
      text: 'Wants scheduled exports to the data warehouse',
      capturedAt: draft.capturedAt,
      contactId: draft.contactId,
    });
    const request = await ask(app.core, 'feedbackRequests.get', { id: item!.requestId! });
    expect(request.title).toBe('Scheduled warehouse exports');

    // Captured again, the dialog says so, naming the request.
    await entry.getByTestId('timeline-capture').click();
    await dialog.waitFor();
    await expect.poll(() => page.getByTestId('capture-feedback-already').innerText()).toContain('Scheduled warehouse exports');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });
});
