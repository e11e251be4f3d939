import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace, featuredAccount, type Featured } from './workspace';

let app: App;
let featured: Featured;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
  featured = await featuredAccount(app.core);
});
afterAll(() => app?.close());

const entries = (page: import('playwright-core').Page) => page.locator('[data-testid=timeline-upcoming], [data-testid=timeline-entry]');

describe('account page', () => {
  it('opens from a row with its profile, contacts, deployments and timeline', async () => {
    const { account, contacts, deployments } = featured;
    const page = await app.open('accounts');
    await page.getByTestId('accounts-search').fill(account.name);
    await page.locator('[data-testid=accounts-row]', { hasText: account.name }).first().click();
    await page.waitForURL(new RegExp(`#/accounts/${account.id}$`));
    expect(await page.getByTestId('account-name').innerText()).toBe(account.name);
    const arr = new Intl.NumberFormat('en-US', { style: 'currency', currency: account.currency }).format(account.arrMinor / 100);
    expect(await page.getByTestId('profile-arr').innerText()).toBe(`${arr} (${account.currency})`);
    expect(await page.getByTestId('profile-externalId').innerText()).toBe(account.externalId ?? '—');
    // Each card loads on its own: wait for the rows rather than count whatever arrived first.
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(contacts.length);
    await expect.poll(() => page.getByTestId('deployment-row').count()).toBe(deployments.length);
    expect(await page.getByTestId('badge-champion').count()).toBe(contacts.filter((c) => c.isChampion).length);
    expect(await page.getByTestId('badge-sponsor').count()).toBe(contacts.filter((c) => c.isExecutiveSponsor).length);

    // Newest first, 20 at a time; "Load more" adds the next 20.
    await expect.poll(() => entries(page).count()).toBe(20);
    const times = await entries(page)
      .locator('time')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort().reverse());
    await app.screenshot(page, 'account-page');
    const forty = await ask(app.core, 'accounts.timeline', { id: account.id, limit: 40 });
    await page.getByTestId('timeline-more').click();
    await expect.poll(() => entries(page).count()).toBe(forty.entries.length);
    const shown = await entries(page)
      .locator('time')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
    expect(shown).toEqual(forty.entries.map((e) => e.at));
    await page.getByTestId('timeline-more').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'account-page-more');
    await page.close();
  });

  it('archives with a confirmation and restores', async () => {
    const page = await app.open(`accounts/${featured.account.id}`);
    await page.getByTestId('account-archive').click();
    await page.getByTestId('archive-confirm').waitFor();
    await app.screenshot(page, 'account-archive-confirm');
    await page.getByTestId('archive-confirm-confirm').click();
    await page.getByTestId('account-archived-banner').waitFor();
    expect((await ask(app.core, 'accounts.get', { id: featured.account.id })).archivedAt).not.toBeNull();
    await app.screenshot(page, 'account-archived');
    await page.getByTestId('account-restore').click();
    await page.getByTestId('account-archive').waitFor();
    expect(await page.getByTestId('account-archived-banner').count()).toBe(0);
    expect((await ask(app.core, 'accounts.get', { id: featured.account.id })).archivedAt).toBeNull();
    await page.close();
  });

  it('logs a touchpoint that appears at the top of the history', async () => {
    const contact = featured.contacts.find((c) => c.isChampion)!;
    const page = await app.open(`accounts/${featured.account.id}`);
    await page.getByTestId('timeline-entry').first().waitFor();
    await page.getByTestId('log-touchpoint').click();
    const dialog = page.getByTestId('touchpoint-form');
    await dialog.waitFor();
    // Focus moves into the dialog, to the first choice.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('input-channel');
    await page.getByTestId('input-channel').selectOption('phone');
    await page.getByTestId('input-kind').selectOption('qbr');
    await page.getByTestId('input-contactId').selectOption(String(contact.id));
    await page.getByText('Positive', { exact: true }).click();
    const notes = 'Agreed a pilot in the Oslo office from next month; champion will present to the board.';
    await page.getByTestId('input-notes').fill(notes);
    await app.screenshot(page, 'touchpoint-form');
    await page.getByTestId('input-notes').press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    const first = page.getByTestId('timeline-entry').first();
    await expect.poll(() => first.innerText()).toContain(notes);
    expect(await first.innerText()).toContain('QBR · Phone');
    const stored = await ask(app.core, 'touchpoints.list', { filter: { accountId: featured.account.id }, sort: { field: 'createdAt', direction: 'desc' }, pageSize: 1 });
    expect(stored.rows[0]).toMatchObject({ notes, channel: 'phone', kind: 'qbr', contactId: contact.id, sentiment: 1 });
    await app.screenshot(page, 'touchpoint-logged');
    await page.close();
  });
});
