import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 15: the reference dialogs (nominate, move, a request's approval) offer the "who am I"
// user as the person, like the request dialog does, also when identity.get answers after the
// dialog opened. The account owner is the approver only when nobody said who they are.

let app: App;
let requestId: number;
const ME = 'Casey Marketing';
beforeAll(async () => {
  app = await startApp(await demoWorkspace(60));
  const account = await ask(app.core, 'accounts.create', { name: 'Quasar Freight', owner: 'Olivia Owner' });
  const contact = await ask(app.core, 'contacts.create', { accountId: account.id, name: 'Omar Field' });
  const referenceId = (await ask(app.core, 'references.create', { accountId: account.id, contactId: contact.id, by: 'Setup' })).id;
  await ask(app.core, 'references.grantConsent', { referenceId, activity: 'reference_call', grantedBy: 'Omar Field' });
  for (const stage of ['nominated', 'recruited', 'active'] as const) await ask(app.core, 'references.move', { id: referenceId, stage, by: 'Setup' });
  requestId = (await ask(app.core, 'requests.create', { referenceId, requester: 'Mia Marketing', activity: 'reference_call' })).id;
  await ask(app.core, 'identity.set', { name: ME, email: 'casey@example.com', role: 'reference_manager' });
});
afterAll(() => app?.close());

describe('reference dialogs default their person to "who am I"', () => {
  it('nominate and move', async () => {
    const page = await app.open('references/pipeline');
    await page.getByTestId('nominate-button').click();
    const nominate = page.getByTestId('nominate-dialog');
    await expect.poll(() => nominate.getByTestId('input-by').inputValue()).toBe(ME);
    await nominate.getByRole('button', { name: 'Cancel' }).click();

    const card = page.getByTestId('column-active').locator('[data-testid=reference-card]', { hasText: 'Quasar Freight' });
    await card.focus();
    await page.keyboard.press(']');
    const move = page.getByTestId('move-dialog');
    await expect.poll(() => move.getByTestId('input-by').inputValue()).toBe(ME);
    // Typing takes over, and is kept while the dialog is open.
    await move.getByTestId('input-by').fill('Someone Else');
    expect(await move.getByTestId('input-by').inputValue()).toBe('Someone Else');
    await move.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a request’s approval', async () => {
    const page = await app.open('references/requests');
    await page.getByTestId('requests-search').fill('Mia Marketing');
    await expect.poll(() => page.getByTestId('requests-row').count()).toBe(1);
    await page.getByTestId('requests-row').click();
    await page.getByTestId('request-detail').getByTestId('detail-approve').click();
    await expect.poll(() => page.getByTestId('request-approve-dialog').getByTestId('input-by').inputValue()).toBe(ME);
    // The label does not claim the default is the account owner: the owner is named beside it instead.
    const owner = (await ask(app.core, 'requests.get', { id: requestId })).accountOwner;
    const field = page.getByTestId('request-approve-dialog').getByTestId('field-by');
    expect(await field.locator('label').innerText()).toMatch(/^Approved by\b(?! \(account owner\))/);
    expect(await field.locator('.field-hint').innerText()).toBe(owner ? `The account owner is ${owner}.` : 'The account has no owner on record.');
    await page.getByTestId('request-approve-submit').click();
    await expect.poll(async () => (await ask(app.core, 'requests.get', { id: requestId })).approvedBy).toBe(ME);
  });
});
