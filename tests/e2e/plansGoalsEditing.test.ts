import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { ask, demoWorkspace } from './workspace';

// Issue 17: success plans, objectives and milestones edited on the account page, goals on the Goals
// screen, as a CSM and a manager would: by keyboard where it matters, with the form's messages,
// confirmations, Undo, and every figure checked against the core.

let app: App;
beforeAll(async () => {
  app = await startApp(await demoWorkspace(150));
}, 180_000);
afterAll(() => app?.close());

const planOf = async (accountId: number, planId: number) => (await ask(app.core, 'plans.account', { accountId })).find((p) => p.plan.id === planId);
const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** An account in adoption with an outcome and no plan yet: the plan's card starts empty and an objective can be measured by the outcome. */
async function accountWithOutcome() {
  const { rows } = await ask(app.core, 'accounts.list', { pageSize: 200, filter: { lifecycleStage: ['adoption', 'growth'] } });
  for (const account of rows) {
    const outcomes = (await ask(app.core, 'outcomes.list', { filter: { accountId: account.id }, pageSize: 50 })).rows.filter(
      (o) => o.achieved !== null && o.baseline !== null && o.achieved !== o.baseline,
    );
    if (outcomes.length > 0 && (await ask(app.core, 'plans.account', { accountId: account.id })).length === 0) return { account, outcome: outcomes[0]! };
  }
  throw new Error('the demo has no account in adoption or growth with a measured outcome and no plan');
}

async function fieldError(page: Page, dialog: string, field: string) {
  return page.getByTestId(dialog).getByTestId(`error-${field}`).innerText();
}

describe('success plans on the account page', () => {
  it('adds, edits and removes a plan, its objectives and milestones, with Undo, as the core records them', async () => {
    const { account, outcome } = await accountWithOutcome();
    /** From the outcome's baseline, `times` the distance it has come (2: halfway there; 1.25: four fifths), to two decimals. */
    const beyond = (times: number) => Math.round((outcome.baseline! + times * (outcome.achieved! - outcome.baseline!)) * 100) / 100;
    const page = await app.open(`accounts/${account.id}`, { viewport: { width: 1440, height: 900 } });
    const card = page.getByTestId('plans-card');
    await card.getByTestId('plans-empty').waitFor();

    // New plan by keyboard: the button takes Enter, an empty title is named, a due date before the start too.
    await card.getByTestId('new-plan').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('plan-dialog');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    expect(await fieldError(page, 'plan-dialog', 'title')).toContain('Give the plan a title');
    await dialog.getByTestId('plan-title').fill('E2E adoption plan');
    await dialog.getByTestId('plan-start').fill('2026-11-01');
    await dialog.getByTestId('plan-due').fill('2026-10-01');
    await dialog.getByTestId('plan-title').press('Enter');
    expect(await fieldError(page, 'plan-dialog', 'dueDate')).toBe('The due date cannot be before the start.');
    await dialog.getByTestId('plan-due').fill('2027-03-31');
    await dialog.getByTestId('plan-save').click();
    await dialog.waitFor({ state: 'detached' });
    const [created] = await ask(app.core, 'plans.account', { accountId: account.id });
    expect(created!.plan).toMatchObject({ title: 'E2E adoption plan', status: 'active', startDate: '2026-11-01', dueDate: '2027-03-31' });
    const plan = card.locator(`[data-testid=plan][data-plan-id="${created!.plan.id}"]`);
    await plan.getByTestId('plan-empty').waitFor();

    // Edit the plan: status, owner, notes.
    await plan.getByTestId('plan-edit').click();
    await dialog.getByTestId('plan-status').selectOption('completed');
    await dialog.getByTestId('plan-owner').fill('Dana Whitfield');
    await dialog.getByTestId('plan-notes').fill('Sponsor: the CFO.');
    await dialog.getByTestId('plan-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await planOf(account.id, created!.plan.id))?.plan.status).toBe('completed');
    expect((await planOf(account.id, created!.plan.id))!.plan).toMatchObject({ owner: 'Dana Whitfield', notes: 'Sponsor: the CFO.' });
    await expect.poll(() => plan.getByTestId('plan-status-pill').innerText()).toBe('Completed');

    // An objective measured by the outcome; the target is checked first.
    await plan.getByTestId('add-objective').click();
    const objective = page.getByTestId('objective-dialog');
    await objective.getByTestId('objective-title').fill('Reach the outcome');
    await objective.getByTestId('objective-target').fill('a lot');
    await objective.getByTestId('objective-save').click();
    expect(await fieldError(page, 'objective-dialog', 'target')).toBe('“a lot” is not a number.');
    // Choosing the outcome starts the objective at the outcome's baseline; the target is as far again beyond what it achieved.
    await objective.getByTestId('objective-outcome').selectOption(String(outcome.id));
    await objective.getByTestId('objective-linked').waitFor();
    expect(await objective.getByTestId('objective-baseline').inputValue()).toBe(String(outcome.baseline));
    await objective.getByTestId('objective-target').fill(String(beyond(2)));
    await objective.getByTestId('objective-save').click();
    await objective.waitFor({ state: 'detached' });
    let shown = (await planOf(account.id, created!.plan.id))!;
    expect(shown.objectives[0]).toMatchObject({ outcomeId: outcome.id, valueSource: 'outcome', value: outcome.achieved, baseline: outcome.baseline });
    expect(shown.objectives[0]!.progress).toBeCloseTo(0.5, 1);
    const row = plan.getByTestId('objective-row');
    await expect.poll(() => row.getByTestId('objective-progress').innerText()).toBe(pct(shown.objectives[0]!.progress));

    // Edit it: a new target moves the progress the core computes.
    await row.getByTestId('objective-edit').click();
    await objective.getByTestId('objective-target').fill(String(beyond(1.25)));
    await objective.getByTestId('objective-save').click();
    await objective.waitFor({ state: 'detached' });
    await expect.poll(async () => (await planOf(account.id, created!.plan.id))!.objectives[0]!.target).toBe(beyond(1.25));
    shown = (await planOf(account.id, created!.plan.id))!;
    await expect.poll(() => row.getByTestId('objective-progress').innerText()).toBe(pct(shown.objectives[0]!.progress));

    // A milestone, then reached through its dialog.
    await plan.getByTestId('add-milestone').click();
    const milestone = page.getByTestId('milestone-dialog');
    await milestone.getByTestId('milestone-title').fill('Executive business review');
    await milestone.getByTestId('milestone-due').fill('2026-12-15');
    await milestone.getByTestId('milestone-save').click();
    await milestone.waitFor({ state: 'detached' });
    const item = plan.getByTestId('milestone');
    await item.waitFor();
    await item.getByTestId('milestone-edit').click();
    await milestone.getByTestId('milestone-done-at').fill('2026-11-17');
    await milestone.getByTestId('milestone-save').click();
    await milestone.waitFor({ state: 'detached' });
    await expect.poll(async () => (await planOf(account.id, created!.plan.id))!.milestones[0]?.doneAt).toBe('2026-11-17');
    shown = (await planOf(account.id, created!.plan.id))!;
    await expect.poll(() => plan.getByTestId('plan-progress').innerText()).toBe(pct(shown.progress.overall));
    await card.scrollIntoViewIfNeeded();
    await app.screenshot(page, 'plans-edit-1440-light');

    // Remove the milestone: asked first; Undo brings it back.
    await item.getByTestId('milestone-remove').click();
    await page.getByTestId('plan-remove').waitFor();
    await page.getByTestId('plan-remove-confirm').click();
    await expect.poll(async () => (await planOf(account.id, created!.plan.id))!.milestones.length).toBe(0);
    await expect.poll(() => plan.getByTestId('milestone').count()).toBe(0);
    await card.getByTestId('undo').click();
    await expect.poll(async () => (await planOf(account.id, created!.plan.id))!.milestones.length).toBe(1);
    await item.waitFor();

    // Archive the plan: Cancel keeps it, the confirmation archives it, Undo restores it whole.
    await plan.getByTestId('plan-archive').click();
    await page.getByTestId('plan-remove').getByRole('button', { name: 'Cancel' }).click();
    expect(await planOf(account.id, created!.plan.id)).toBeDefined();
    await plan.getByTestId('plan-archive').click();
    await page.getByTestId('plan-remove-confirm').click();
    await expect.poll(async () => (await ask(app.core, 'plans.account', { accountId: account.id })).length).toBe(0);
    await card.getByTestId('plans-empty').waitFor();
    await card.getByTestId('undo').click();
    await plan.waitFor();
    expect((await planOf(account.id, created!.plan.id))!.progress).toEqual(shown.progress);
    await page.close();

    // The same card at 1024 in the dark.
    const dark = await app.open(`accounts/${account.id}`, { viewport: { width: 1024, height: 800 }, colorScheme: 'dark' });
    const darkCard = dark.locator(`[data-testid=plan][data-plan-id="${created!.plan.id}"]`);
    await darkCard.waitFor();
    await darkCard.scrollIntoViewIfNeeded();
    await app.screenshot(dark, 'plans-edit-1024-dark');
    await darkCard.getByTestId('objective-edit').click();
    await dark.getByTestId('objective-dialog').waitFor();
    await app.screenshot(dark, 'plans-objective-dialog-1024-dark');
    await dark.keyboard.press('Escape');
    await dark.getByTestId('objective-dialog').waitFor({ state: 'detached' });
    await dark.close();
  });
});

describe('goals on the Goals screen', () => {
  it('sets, changes and removes a goal with Undo, each status as the core judges it', async () => {
    const standing = await ask(app.core, 'goals.standing', {});
    const quarter = standing.quarter;
    const page = await app.open(`goals/${quarter}`, { viewport: { width: 1440, height: 900 } });
    await page.getByTestId('goals-table').waitFor();
    await app.screenshot(page, 'goals-1440-light');

    // A quarter without goals: the empty state offers to set one.
    await page.getByTestId('goals-next').click();
    await page.getByTestId('goals-empty').waitFor();
    // The quarter is in the address: the sidebar's Goals goes back to today's.
    expect(page.url()).toMatch(/#\/goals\/\d{4}-Q[1-4]$/);
    expect(page.url().endsWith(quarter)).toBe(false);
    await page.getByTestId('nav-goals').click();
    await page.getByTestId('goals-table').waitFor();
    expect(await page.getByTestId('goals-quarter').innerText()).toBe(quarter);
    await page.getByTestId('goals-next').click();
    await page.getByTestId('goals-empty').waitFor();
    await page.getByTestId('goals-prev').click();
    await page.getByTestId('goals-table').waitFor();

    // A new CSAT goal for one segment: the target is checked, then the row shows the core's status.
    await page.getByTestId('new-goal').click();
    const dialog = page.getByTestId('goal-dialog');
    await dialog.getByTestId('goal-kpi').selectOption('csat');
    await dialog.getByTestId('goal-save').click();
    expect(await fieldError(page, 'goal-dialog', 'target')).toContain('Give the target as a number');
    await dialog.getByTestId('goal-target').fill('70');
    await dialog.getByTestId('goal-segment').selectOption('enterprise');
    await dialog.getByTestId('goal-save').click();
    await dialog.waitFor({ state: 'detached' });
    const labels = { met: 'Met', missed: 'Missed', not_yet_clear: 'Not yet clear', no_data: 'No data' } as const;
    const rowOf = async (kpi: string, segment: string | null) =>
      (await ask(app.core, 'goals.standing', { quarter })).rows.find((r) => r.goal.kpi === kpi && r.goal.segment === segment && r.goal.owner === null);
    await expect.poll(async () => (await rowOf('csat', 'enterprise'))?.goal.target).toBe(70);
    let ours = (await rowOf('csat', 'enterprise'))!;
    const shown = page.locator(`[data-testid=goal-row][data-goal-id="${ours.goal.id}"]`);
    await expect.poll(() => shown.getByTestId('goal-status').innerText()).toBe(labels[ours.status]);
    expect(await shown.innerText()).toContain('Enterprise');

    // The same KPI, period and scope again: the core's refusal is shown at the KPI.
    await page.getByTestId('new-goal').click();
    await dialog.getByTestId('goal-kpi').selectOption('csat');
    await dialog.getByTestId('goal-target').fill('75');
    await dialog.getByTestId('goal-segment').selectOption('enterprise');
    await dialog.getByTestId('goal-save').click();
    expect(await fieldError(page, 'goal-dialog', 'kpi')).toBe('already has a goal of 70 for this period and scope');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Edit: a target far below the interval is met, as the core says.
    await shown.getByTestId('goal-edit').click();
    await dialog.getByTestId('goal-target').fill('1');
    await dialog.getByTestId('goal-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await rowOf('csat', 'enterprise'))!.goal.target).toBe(1);
    ours = (await rowOf('csat', 'enterprise'))!;
    await expect.poll(() => shown.getByTestId('goal-status').innerText()).toBe(labels[ours.status]);
    expect(await shown.getByTestId('goal-target-cell').innerText()).toBe('≥ 1');

    // Remove, asked first; Undo brings it back.
    await shown.getByTestId('goal-remove').click();
    await page.getByTestId('remove-goal-confirm').click();
    await expect.poll(async () => (await rowOf('csat', 'enterprise')) === undefined).toBe(true);
    await shown.waitFor({ state: 'detached' });
    await page.getByTestId('undo').click();
    await shown.waitFor();
    expect((await rowOf('csat', 'enterprise'))!.goal.target).toBe(1);
    await page.close();

    // The dashboard's goals card shows the same goal with the core's status, and leads to the screen.
    const dashboard = await app.open('dashboard', { viewport: { width: 1440, height: 900 } });
    const onCard = dashboard.getByTestId('goals-card').locator(`[data-testid=goal-row][data-goal-id="${ours.goal.id}"]`);
    await onCard.waitFor();
    expect(await onCard.getByTestId('goal-status').innerText()).toBe(labels[ours.status]);
    await dashboard.getByTestId('goals-card').scrollIntoViewIfNeeded();
    await app.screenshot(dashboard, 'goals-card-1440-light');
    await dashboard.close();

    const dark = await app.open(`goals/${quarter}`, { viewport: { width: 1024, height: 800 }, colorScheme: 'dark' });
    await dark.getByTestId('goals-table').waitFor();
    await app.screenshot(dark, 'goals-1024-dark');
    await dark.locator(`[data-testid=goal-row][data-goal-id="${ours.goal.id}"]`).getByTestId('goal-edit').click();
    await dark.getByTestId('goal-dialog').waitFor();
    await app.screenshot(dark, 'goals-dialog-1024-dark');
    await dark.close();
  });
});
