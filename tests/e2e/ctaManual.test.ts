import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace, featuredAccount } from './workspace';

// Issue 17: a call to action opened by hand on the account page, from the keyboard: the reason is
// required, the core's refusal of a past due date is shown, and what opens is what the core holds
// (its id from the dialog's client id, its task due on the date chosen, or a playbook's tasks).

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

const DAY_MS = 86_400_000;

describe('opening a call to action by hand', () => {
  it('opens one from the account page with a reason, owner and due date, and another with a playbook', async () => {
    const { account } = await featuredAccount(app.core);
    const before = (await ask(app.core, 'ctas.list', { accountId: account.id })).rows.map((c) => c.id);
    const page = await app.open(`accounts/${account.id}`);
    const button = page.getByTestId('account-open-cta');
    await button.waitFor();
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('open-cta');
    await dialog.waitFor();
    // The reason is required; the dialog says so before asking the core.
    await page.getByTestId('open-cta-save').click();
    await expect.poll(() => dialog.locator('[role=alert]').innerText()).toBe('Say why the account needs acting on.');
    await page.getByTestId('open-cta-reason').fill('Champion left: find a new sponsor');
    await page.getByTestId('open-cta-owner').fill('Robin Lead');
    // A due date in the past: the core refuses it and names today.
    await page.getByTestId('open-cta-due').fill('2000-01-03');
    await page.getByTestId('open-cta-save').click();
    await expect.poll(() => dialog.locator('[role=alert]').innerText()).toMatch(/^due: 2000-01-03 is before today \(\d{4}-\d{2}-\d{2}\)$/);
    const today = /\((\d{4}-\d{2}-\d{2})\)/.exec(await dialog.locator('[role=alert]').innerText())![1]!;
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
    await page.getByTestId('open-cta-due').fill(due);
    await page.getByTestId('open-cta-note').fill('Heard on the QBR');
    await app.screenshot(page, 'cta-open-dialog');
    // Submitted from the keyboard (Enter in the reason field).
    await page.getByTestId('open-cta-reason').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const opened = async () => (await ask(app.core, 'ctas.list', { accountId: account.id, rule: 'manual' })).rows.filter((c) => !before.includes(c.id));
    await expect.poll(async () => (await opened()).length).toBe(1);
    const [cta] = await opened();
    expect(cta).toMatchObject({ rule: 'manual', title: 'Champion left: find a new sponsor', owner: 'Robin Lead', status: 'open', totalTasks: 1 });
    expect(cta!.id).toMatch(new RegExp(`^manual:${account.id}:by-hand:[0-9a-f-]{36}$`));
    expect(cta!.firedBy.facts).toMatchObject({ due, note: 'Heard on the QBR' });
    const [task] = (await ask(app.core, 'tasks.list', { ctaId: cta!.id })).rows;
    expect(task).toMatchObject({ title: 'Champion left: find a new sponsor', dueDate: due, owner: 'Robin Lead' });
    // The account's tasks show it; the card links to the call to action.
    await expect.poll(() => page.locator(`[data-testid=account-task-list] [data-task-id="${task!.id}"]`).count()).toBe(1);
    await expect.poll(() => page.getByTestId('account-open-ctas').innerText()).toMatch(/call(s)? to action/);
    await app.screenshot(page, 'cta-opened-by-hand');

    // A second, with a playbook: its tasks, from today.
    const playbooks = await ask(app.core, 'playbooks.list', {});
    const playbook = playbooks.find((p) => p.steps.length > 0)!;
    await button.click();
    await dialog.waitFor();
    await page.getByTestId('open-cta-reason').fill('Budget cut announced');
    await page.getByTestId('open-cta-playbook').selectOption(String(playbook.id));
    await page.getByTestId('open-cta-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await opened()).length).toBe(2);
    const second = (await opened()).find((c) => c.title === 'Budget cut announced')!;
    expect(second).toMatchObject({ playbookId: playbook.id, totalTasks: playbook.steps.length });
    const tasks = (await ask(app.core, 'tasks.list', { ctaId: second.id })).rows;
    expect(tasks.map((t) => t.dueDate).sort()).toEqual(playbook.steps.map((s) => new Date(Date.parse(`${today}T00:00:00Z`) + s.day * DAY_MS).toISOString().slice(0, 10)).sort());

    // Its detail reads as any call to action: opened by hand, the reason as its title.
    await page.goto(page.url().replace(/#.*$/, `#/tasks/ctas/${encodeURIComponent(cta!.id)}`));
    await page.getByTestId('cta-detail').waitFor();
    expect(await page.getByTestId('cta-title').innerText()).toBe(cta!.title);
    expect(await page.getByTestId('cta-fired-by').innerText()).toBe(cta!.firedBy.summary);
    expect(await page.getByTestId('cta-detail').innerText()).toContain('Opened by hand');
    await app.screenshot(page, 'cta-manual-detail');
    await page.close();
  });
});
