import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
});
afterAll(() => app?.close());

/** A money cell as a number of whole major units ("$1,235" → 1235): compared with the core's minor units, rounded as the board shows them. */
const amount = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

async function expectBoardMatchesCore(page: Awaited<ReturnType<App['open']>>, board: Output<'feedbackRequests.table'>) {
  await expect.poll(() => page.getByTestId('request-row').count()).toBe(board.rows.length);
  for (const row of board.rows) {
    const cells = page.locator(`[data-testid=request-row][data-request-id="${row.request.id}"]`);
    expect(await cells.getByTestId('request-accounts').innerText()).toBe(String(row.accounts));
    expect(await cells.getByTestId('request-contacts').innerText()).toBe(String(row.contacts));
    expect(amount(await cells.getByTestId('request-arr').innerText())).toBe(Math.round(row.arrMinor / 100));
    expect(amount(await cells.getByTestId('request-at-risk').innerText())).toBe(Math.round(row.renewalArrAtRiskMinor / 100));
  }
  // Top requests first: the board keeps the core's order (renewal ARR at risk, then ARR).
  const shown = await page.getByTestId('request-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-request-id'))));
  expect(shown).toEqual(board.rows.map((r) => r.request.id));
}

describe('product feedback board', () => {
  it("shows each request's accounts, ARR and renewal ARR at risk as the core computes them, and follows a merge", async () => {
    const accounts = (
      await ask(app.core, 'accounts.list', { pageSize: 3, filter: { lifecycleStage: ['renewal', 'growth', 'adoption'] }, sort: { field: 'arrMinor', direction: 'desc' } })
    ).rows;
    expect(accounts.length).toBe(3);
    const request = await ask(app.core, 'feedbackRequests.create', { title: 'E2E: audit log export', product: 'Platform', feature: 'Audit log' });
    const linked = [];
    for (const account of accounts.slice(0, 2))
      linked.push(
        await ask(app.core, 'feedback.create', { accountId: account.id, kind: 'feature_request', text: `Audit log export for ${account.name}`, capturedAt: '2026-01-10' }),
      );
    await ask(app.core, 'feedback.link', { itemIds: linked.map((i) => i.id), requestId: request.id });
    const loose = await ask(app.core, 'feedback.create', {
      accountId: accounts[2]!.id,
      kind: 'feature_request',
      text: 'E2E: we want the audit log as CSV',
      capturedAt: '2026-01-11',
    });

    const page = await app.open('feedback');
    await page.getByTestId('feedback-board').waitFor();
    await expectBoardMatchesCore(page, await ask(app.core, 'feedbackRequests.table', {}));
    await app.screenshot(page, 'feedback-board');

    // Merge the loose item into the request through the screen: the row follows the core.
    const item = page.locator('[data-testid=unlinked-item]', { hasText: 'E2E: we want the audit log as CSV' });
    await item.getByTestId('unlinked-check').check();
    await page.getByTestId('merge-target').selectOption(String(request.id));
    await page.getByTestId('merge-items').click();
    await expect.poll(async () => (await ask(app.core, 'feedback.get', { id: loose.id })).requestId).toBe(request.id);
    const after = await ask(app.core, 'feedbackRequests.table', {});
    const ours = after.rows.find((r) => r.request.id === request.id)!;
    expect(ours.accounts).toBe(3);
    await expect.poll(() => page.locator(`[data-testid=request-row][data-request-id="${request.id}"] [data-testid=request-accounts]`).innerText()).toBe('3');
    await expectBoardMatchesCore(page, after);

    // Who asked: the accounts to tell are the core's.
    const row = page.locator(`[data-testid=request-row][data-request-id="${request.id}"]`);
    await row.getByTestId('request-details').click();
    const candidates = await ask(app.core, 'feedbackRequests.candidates', { id: request.id });
    await expect.poll(() => page.getByTestId('to-tell').locator('li').count()).toBe(candidates.toTell.length);
    for (const account of candidates.toTell) expect(await page.getByTestId('to-tell').innerText()).toContain(account.name);
    // A task per account that asked, once: the second click opens none (the core finds them).
    const titleOf = (contacts: { name: string }[]) => `Tell ${contacts.map((c) => c.name).join(', ') || 'the account'} that “${request.title}” is coming`;
    const tellTasks = async () =>
      (await Promise.all(candidates.toTell.map((a) => ask(app.core, 'tasks.list', { accountId: a.accountId }))))
        .flatMap((list) => list.rows)
        .filter((t) => t.title.startsWith('Tell '));
    expect(await tellTasks()).toEqual([]);
    await page.getByTestId('tell-tasks').click();
    await expect.poll(() => page.getByTestId('tell-result').innerText()).toContain(`Opened ${candidates.toTell.length}`);
    const opened = await tellTasks();
    expect(opened.map((t) => [t.accountId, t.title]).sort()).toEqual(candidates.toTell.map((a) => [a.accountId, titleOf(a.contacts)]).sort());
    await page.getByTestId('tell-tasks').click();
    await expect.poll(() => page.getByTestId('tell-result').innerText()).toContain('No new task.');
    expect(await tellTasks()).toHaveLength(opened.length);
    await app.screenshot(page, 'feedback-request-detail');
    await page.close();
  });

  it('shows the goals of the quarter with the core’s status, and a plan’s progress on the account page', async () => {
    const standing = await ask(app.core, 'goals.standing', {});
    // GRR: the demo sets no goal on it this quarter (one open goal per KPI, period and scope).
    const goal = await ask(app.core, 'goals.create', { kpi: 'grr', target: 50, periodStart: standing.from, periodEnd: standing.to });
    const row = (await ask(app.core, 'goals.standing', {})).rows.find((r) => r.goal.id === goal.id)!;
    const page = await app.open(`goals/${standing.quarter}`);
    const shown = page.locator(`[data-testid=goal-row][data-goal-id="${goal.id}"]`);
    await shown.waitFor();
    const label = { met: 'Met', missed: 'Missed', not_yet_clear: 'Not yet clear', no_data: 'No data' }[row.status];
    expect(await shown.getByTestId('goal-status').innerText()).toBe(label);
    await app.screenshot(page, 'goals-quarter');
    await page.close();

    const account = (await ask(app.core, 'accounts.list', { pageSize: 1, filter: { lifecycleStage: ['adoption'] } })).rows[0]!;
    const plan = await ask(app.core, 'plans.create', { accountId: account.id, title: 'E2E adoption plan' });
    await ask(app.core, 'planObjectives.create', { planId: plan.id, title: '50 weekly users', baseline: 10, target: 50, current: 30 });
    await ask(app.core, 'planMilestones.create', { planId: plan.id, title: 'Training done' });
    const [progress] = (await ask(app.core, 'plans.account', { accountId: account.id })).filter((p) => p.plan.id === plan.id);
    const accountPage = await app.open(`accounts/${account.id}`);
    const card = accountPage.locator('[data-testid=plan]', { hasText: 'E2E adoption plan' });
    await card.waitFor();
    expect(await card.getByTestId('plan-progress').innerText()).toBe(`${Math.round(progress!.progress.overall! * 100)} %`);
    await card.getByTestId('milestone-done').click();
    await expect.poll(async () => (await ask(app.core, 'plans.account', { accountId: account.id })).find((p) => p.plan.id === plan.id)!.progress.milestonesDone).toBe(1);
    const done = (await ask(app.core, 'plans.account', { accountId: account.id })).find((p) => p.plan.id === plan.id)!;
    await expect.poll(() => card.getByTestId('plan-progress').innerText()).toBe(`${Math.round(done.progress.overall! * 100)} %`);
    await accountPage.getByTestId('plans-card').scrollIntoViewIfNeeded();
    await app.screenshot(accountPage, 'account-plans');
    await accountPage.close();
  });
});
