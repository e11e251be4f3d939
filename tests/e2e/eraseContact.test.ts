import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace, featuredAccount, type Featured } from './workspace';

// "Erase this person" on the account page (issue 19, docs/privacy.md): the dialog says what will go
// (from the core's plan), the button stays disabled until the name is typed, Enter erases, the result
// is said, and the contact is gone from the card and from the core.

let app: App;
let featured: Featured;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(30, 9));
  featured = await featuredAccount(app.core);
});
afterAll(() => app?.close());

describe('erase a person', () => {
  it('confirms by the typed name, erases, and says what was done', async () => {
    const { account, contacts } = featured;
    const contact = contacts.find((c) => c.isChampion)!;
    const plan = await ask(app.core, 'contacts.erasePlan', { id: contact.id });
    const page = await app.open(`accounts/${account.id}`);
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(contacts.length);

    // Reached by keyboard: the row's button is named for the person.
    const open = page.getByRole('button', { name: `Erase ${contact.name}…` });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('erase-contact');
    await dialog.getByTestId('erase-plan').waitFor();
    expect(await dialog.getByRole('heading').innerText()).toBe(`Erase ${contact.name}?`);
    expect(await dialog.innerText()).toContain('It cannot be undone.');
    expect(await dialog.getByTestId('erase-removed').innerText()).toContain('1 contact record');
    for (const u of plan.unlinked) expect(await dialog.innerText()).toContain(`${u.count} `);

    const confirm = dialog.getByTestId('erase-contact-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByTestId('erase-confirm-name').fill(contact.name.slice(0, -1));
    expect(await confirm.isDisabled()).toBe(true);
    await app.screenshot(page, 'erase-contact-confirm');
    await dialog.getByTestId('erase-confirm-name').fill(contact.name);
    expect(await confirm.isDisabled()).toBe(false);
    await page.keyboard.press('Enter');

    const result = page.getByTestId('erase-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(/^Erased: \d+ records? deleted, \d+ records? unlinked, \d+ mentions? replaced\. The workspace file was rebuilt/);
    await app.screenshot(page, 'erase-contact-done');
    await page.getByTestId('erased-close').click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(contacts.length - 1);
    expect(await page.locator('[data-testid=contact-row]', { hasText: contact.name }).count()).toBe(0);

    const gone = await app.core.dispatch('contacts.get', { id: contact.id });
    expect(gone.ok ? 'found' : gone.error.code).toBe('NOT_FOUND');
    await page.close();
  });

  it('Cancel erases nothing', async () => {
    const contact = featured.contacts.find((c) => !c.isChampion)!;
    const page = await app.open(`accounts/${featured.account.id}`);
    await page.getByRole('button', { name: `Erase ${contact.name}…` }).click();
    await page.getByTestId('erase-plan').waitFor();
    await page.getByTestId('erase-confirm-name').fill(contact.name);
    await page.keyboard.press('Escape');
    await page.getByTestId('erase-contact').waitFor({ state: 'detached' });
    expect((await ask(app.core, 'contacts.get', { id: contact.id })).name).toBe(contact.name);
    await page.close();
  });
});
