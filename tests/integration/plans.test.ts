import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

async function account(name: string) {
  return core.call('accounts.create', { name, segment: 'smb' });
}

describe('success plans', () => {
  it("shows each objective's progress (from its outcome or as entered) and the plan's, by hand", async () => {
    const acme = await account('Acme');
    const outcome = await core.call('outcomes.create', { accountId: acme.id, metric: 'Hours saved a week', baseline: 10, achieved: 25, unit: 'hours' });
    const plan = await core.call('plans.create', { accountId: acme.id, title: 'FY26 adoption', owner: 'Dana', startDate: '2026-01-01', dueDate: '2026-12-31' });
    // Linked to the outcome: 10 → 30, achieved 25: (25 − 10) / (30 − 10) = 0.75; the entered 99 is ignored.
    const linked = await core.call('planObjectives.create', { planId: plan.id, title: 'Save 30 hours a week', outcomeId: outcome.id, baseline: 10, target: 30, current: 99 });
    // Entered by hand, no baseline (0): 40 of 100 = 0.4.
    await core.call('planObjectives.create', { planId: plan.id, title: '100 active users', target: 100, current: 40 });
    // A downward target: 120 → 80 tickets a month, now 110: 10 / 40 = 0.25.
    await core.call('planObjectives.create', { planId: plan.id, title: 'Cut tickets to 80', baseline: 120, target: 80, current: 110 });
    // Not measured yet: counts 0 in the plan's mean.
    await core.call('planObjectives.create', { planId: plan.id, title: 'Executive sponsor named', target: 1 });
    await core.call('planMilestones.create', { planId: plan.id, title: 'Kick-off', dueDate: '2026-01-15', doneAt: '2026-01-14' });
    await core.call('planMilestones.create', { planId: plan.id, title: 'Go-live', dueDate: '2026-02-15' });
    await core.call('planMilestones.create', { planId: plan.id, title: 'QBR', dueDate: '2026-04-01' });

    const [shown, ...rest] = await core.call('plans.account', { accountId: acme.id });
    expect(rest).toEqual([]);
    expect(shown!.plan.title).toBe('FY26 adoption');
    expect(shown!.objectives.map((o) => [o.title, o.value, o.valueSource, o.progress])).toEqual([
      ['Save 30 hours a week', 25, 'outcome', 0.75],
      ['100 active users', 40, 'entered', 0.4],
      ['Cut tickets to 80', 110, 'entered', 0.25],
      ['Executive sponsor named', null, null, null],
    ]);
    expect(shown!.objectives[0]!.outcomeMetric).toBe('Hours saved a week');
    // Today is 2026-03-01 (the test clock): the go-live is overdue, the QBR is not.
    expect(shown!.milestones.map((m) => [m.title, m.overdue])).toEqual([
      ['Kick-off', false],
      ['Go-live', true],
      ['QBR', false],
    ]);
    // (0.75 + 0.4 + 0.25 + 0 + 1 + 0 + 0) / 7
    expect(shown!.progress).toEqual({ overall: 2.4 / 7, objectivesMet: 0, objectives: 4, milestonesDone: 1, milestones: 3 });

    // The outcome moves, the plan follows; an archived objective leaves the plan.
    await core.call('outcomes.update', { id: outcome.id, achieved: 35 });
    await core.call('planObjectives.archive', { id: linked.id });
    const [after] = await core.call('plans.account', { accountId: acme.id });
    expect(after!.progress.objectives).toBe(3);
    await core.call('planObjectives.update', { id: linked.id, outcomeId: outcome.id });
    expect((await core.call('plans.account', { accountId: acme.id }))[0]!.objectives.length).toBe(3);
  });

  it("measures by the outcome's new figure once it moves", async () => {
    const acme = await account('Acme');
    const outcome = await core.call('outcomes.create', { accountId: acme.id, metric: 'Uptime', baseline: 90, achieved: 95 });
    const plan = await core.call('plans.create', { accountId: acme.id, title: 'Reliability' });
    await core.call('planObjectives.create', { planId: plan.id, title: '99 % uptime', outcomeId: outcome.id, baseline: 90, target: 100 });
    expect((await core.call('plans.account', { accountId: acme.id }))[0]!.objectives[0]!.progress).toBe(0.5);
    await core.call('outcomes.update', { id: outcome.id, achieved: 100 });
    const [plan2] = await core.call('plans.account', { accountId: acme.id });
    expect(plan2!.objectives[0]!.progress).toBe(1);
    expect(plan2!.progress.objectivesMet).toBe(1);
  });

  it("refuses another account's outcome, a due date before the start, and unknown plans", async () => {
    const acme = await account('Acme');
    const globex = await account('Globex');
    const theirs = await core.call('outcomes.create', { accountId: globex.id, metric: 'Cost saved' });
    const plan = await core.call('plans.create', { accountId: acme.id, title: 'Plan' });
    const cross = await core.fail('planObjectives.create', { planId: plan.id, title: 'X', outcomeId: theirs.id, target: 1 });
    expect(cross).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('another account') });
    const objective = await core.call('planObjectives.create', { planId: plan.id, title: 'X', target: 1 });
    expect((await core.fail('planObjectives.update', { id: objective.id, outcomeId: theirs.id })).code).toBe('BAD_INPUT');
    const dates = await core.fail('plans.create', { accountId: acme.id, title: 'Plan', startDate: '2026-05-01', dueDate: '2026-04-01' });
    expect(dates.issues).toEqual([{ path: 'dueDate', message: 'cannot be before startDate' }]);
    expect((await core.fail('planMilestones.create', { planId: 999, title: 'M' })).code).toBe('NOT_FOUND');
    expect((await core.fail('planObjectives.create', { planId: plan.id, title: 'No target' })).code).toBe('BAD_INPUT');
    expect(await core.call('plans.account', { accountId: globex.id })).toEqual([]);
  });
});
