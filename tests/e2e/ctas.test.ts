import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 17: from the dashboard's at-risk list to an account's call to action, through its
// playbook's tasks, to its closing outcome; every expected value from the core.

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

describe('calls to action', () => {
  it('opens from the at-risk list, ticks off its playbook’s tasks and closes with an outcome', async () => {
    // The band the list opens on (red, or amber when no account is red), and its first account with an open call to action.
    const reds = await ask(app.core, 'accounts.atRisk', { scope: {}, band: 'red', page: 1, pageSize: 1 });
    const band = reds.total === 0 ? 'amber' : 'red';
    const atRisk = await ask(app.core, 'accounts.atRisk', { scope: {}, band, page: 1, pageSize: 20 });
    const open = (await ask(app.core, 'ctas.list', { status: 'open', limit: 1000 })).rows.filter((c) => c.totalTasks > 0);
    const index = atRisk.rows.findIndex((row) => open.some((c) => c.accountId === row.accountId));
    expect(index, 'an account on the at-risk list has an open call to action (the demo opens them)').toBeGreaterThanOrEqual(0);
    const account = atRisk.rows[index]!;
    const openOnAccount = (await ask(app.core, 'ctas.list', { status: 'open', accountId: account.accountId })).rows;
    const cta = openOnAccount.find((c) => c.totalTasks > 0)!;

    const page = await app.open('dashboard');
    const row = page.locator(`[data-testid=at-risk-row][data-row-id="${account.accountId}"]`);
    await row.waitFor();
    const link = row.getByTestId('at-risk-cta');
    await expect.poll(() => link.innerText()).toBe(openOnAccount.length === 1 ? 'Open call to action' : `${openOnAccount.length} open`);
    await link.click();
    if (openOnAccount.length > 1) {
      // Several open on the account: its list, open first; pick the one with tasks.
      await page.waitForURL(new RegExp(`#/tasks/ctas/account/${account.accountId}$`));
      await expect.poll(() => page.getByTestId('cta-row').count()).toBe((await ask(app.core, 'ctas.list', { accountId: account.accountId })).rows.length);
      await page.locator(`[data-testid=cta-row][data-cta-id="${cta.id}"]`).getByTestId('cta-open').click();
    }
    const detail = page.getByTestId('cta-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-cta-id')).toBe(cta.id);
    expect(await page.getByTestId('cta-title').innerText()).toBe(cta.title);
    expect(await page.getByTestId('cta-fired-by').innerText()).toBe(cta.firedBy.summary);
    // The recorded facts in words: every fact the core kept, but no record id and no camelCase key.
    const factKeys = Object.entries(cta.firedBy.facts)
      .filter(([key, value]) => value !== null && !key.endsWith('Id'))
      .map(([key]) => `cta-fact-${key}`);
    expect(await page.locator('[data-testid^=cta-fact-]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')))).toEqual(factKeys);
    for (const label of await page.locator('[data-testid^=cta-fact-] dt').allInnerTexts()) expect(label).not.toMatch(/[a-z][A-Z]/);
    expect(await page.getByTestId('cta-status').innerText()).toBe('Open');

    // Its playbook's tasks, in the core's order; tick each one off.
    const tasks = (await ask(app.core, 'tasks.list', { ctaId: cta.id, openOnly: false })).rows;
    expect(tasks.length).toBe(cta.totalTasks);
    expect(tasks.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=cta-tasks] [data-testid=task-row] .task-title').allInnerTexts()).toEqual(tasks.map((t) => t.title));
    await app.screenshot(page, 'cta-detail-open');
    for (const task of tasks.slice(0, 2)) {
      await page.locator(`[data-testid=cta-tasks] [data-task-id="${task.id}"]`).getByTestId('task-done').check();
      await expect.poll(async () => (await ask(app.core, 'tasks.get', { id: task.id })).status).toBe('done');
    }
    await expect.poll(() => page.locator('[data-testid=cta-tasks] [data-testid=task-row].done').count()).toBe(2);

    // Close it: the outcome is required; the open tasks are cancelled with it.
    await page.getByTestId('cta-close').click();
    const dialog = page.getByTestId('close-cta');
    await dialog.waitFor();
    await page.getByTestId('close-cta-save').click();
    await expect.poll(() => dialog.locator('[role=alert]').innerText()).toBe('Choose the outcome.');
    await page.getByTestId('close-cta-outcome-saved').check();
    await page.getByTestId('close-cta-note').fill('Recovery plan agreed with the sponsor');
    await page.getByTestId('close-cta-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('cta-status').innerText()).toBe('Closed: Saved');
    const closed = await ask(app.core, 'ctas.get', { id: cta.id });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'saved', outcomeNote: 'Recovery plan agreed with the sponsor', openTasks: 0 });
    expect(await page.getByTestId('cta-outcome').innerText()).toContain('Recovery plan agreed with the sponsor');
    await app.screenshot(page, 'cta-detail-closed');

    // Back on the list it is closed, after the open ones.
    await page.getByTestId('nav-tasks').click();
    await page.getByRole('tab', { name: 'Calls to action' }).click();
    const all = (await ask(app.core, 'ctas.list', {})).rows;
    await expect.poll(() => page.getByTestId('cta-row').count()).toBe(all.length);
    const ids = await page.getByTestId('cta-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cta-id')));
    expect(ids).toEqual(all.map((c) => c.id));
    await app.screenshot(page, 'ctas-list');
    await page.close();
  });

  it('shows my tasks, overdue first, once I say who I am', async () => {
    const page = await app.open('tasks/mine');
    await page.getByTestId('my-tasks-no-identity').waitFor();
    const owner = (await ask(app.core, 'ctas.list', { status: 'open', limit: 1000 })).rows.find((c) => c.owner)!.owner!;
    await ask(app.core, 'identity.set', { name: owner, role: 'csm' });
    await page.reload();
    const mine = await ask(app.core, 'tasks.list', { mine: true });
    await expect.poll(() => page.getByTestId('my-tasks-count').getAttribute('data-total')).toBe(String(mine.total));
    const titles = await page.locator('[data-testid=my-tasks-list] [data-testid=task-row] .task-title').allInnerTexts();
    expect(titles).toEqual(mine.rows.map((t) => t.title));
    await app.screenshot(page, 'my-tasks');
    await page.close();
  });
});
