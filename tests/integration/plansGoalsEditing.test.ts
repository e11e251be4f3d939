import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';

// Issue 17: what the editing screens need from the core: changes, archive and its undo (restore),
// and one open goal per KPI, period and scope.

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

const period = { periodStart: '2026-01-01', periodEnd: '2026-04-01' };

describe('editing success plans', () => {
  it('edits a plan, an objective and a milestone, and archives and restores each (the Undo)', async () => {
    const acme = await core.call('accounts.create', { name: 'Acme', segment: 'smb' });
    const plan = await core.call('plans.create', { accountId: acme.id, title: 'Adoption' });
    const objective = await core.call('planObjectives.create', { planId: plan.id, title: '50 users', target: 50, current: 10 });
    const milestone = await core.call('planMilestones.create', { planId: plan.id, title: 'Kick-off', dueDate: '2026-02-01' });

    const edited = await core.call('plans.update', {
      id: plan.id,
      title: 'Adoption FY26',
      status: 'active',
      owner: 'Dana',
      startDate: '2026-01-01',
      dueDate: '2026-06-30',
      notes: 'Sponsor: CFO',
    });
    expect(edited).toMatchObject({ title: 'Adoption FY26', status: 'active', owner: 'Dana', dueDate: '2026-06-30', notes: 'Sponsor: CFO' });
    await core.call('planObjectives.update', { id: objective.id, target: 40, current: 30, unit: 'users' });
    await core.call('planMilestones.update', { id: milestone.id, title: 'Kick-off call', doneAt: '2026-01-20' });
    const [shown] = await core.call('plans.account', { accountId: acme.id });
    // 10 → 40 is 30 of 40: 0.75; the milestone is done: (0.75 + 1) / 2.
    expect(shown!.objectives[0]).toMatchObject({ target: 40, value: 30, unit: 'users', progress: 0.75 });
    expect(shown!.milestones[0]).toMatchObject({ title: 'Kick-off call', doneAt: '2026-01-20', overdue: false });
    expect(shown!.progress.overall).toBe(0.875);

    // Archive and Undo, part by part: each leaves the account page and comes back as it was.
    await core.call('planMilestones.archive', { id: milestone.id });
    expect((await core.call('plans.account', { accountId: acme.id }))[0]!.milestones).toEqual([]);
    expect((await core.call('planMilestones.restore', { id: milestone.id })).archivedAt).toBeNull();
    await core.call('planObjectives.archive', { id: objective.id });
    expect((await core.call('plans.account', { accountId: acme.id }))[0]!.objectives).toEqual([]);
    await core.call('planObjectives.restore', { id: objective.id });
    await core.call('plans.archive', { id: plan.id });
    expect(await core.call('plans.account', { accountId: acme.id })).toEqual([]);
    await core.call('plans.restore', { id: plan.id });
    expect(await core.call('plans.account', { accountId: acme.id })).toEqual([shown]);
    // Restoring what is not archived changes nothing; an unknown one is named.
    expect((await core.call('plans.restore', { id: plan.id })).updatedAt).toBe(shown!.plan.updatedAt);
    expect(await core.fail('planMilestones.restore', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', message: 'milestone 999 does not exist' });
  });

  it('names the problem in a bad edit', async () => {
    const acme = await core.call('accounts.create', { name: 'Acme', segment: 'smb' });
    const plan = await core.call('plans.create', { accountId: acme.id, title: 'Adoption', startDate: '2026-03-01' });
    // The stored start date counts: a due date before it is refused on its own.
    expect((await core.fail('plans.update', { id: plan.id, dueDate: '2026-02-01' })).issues).toEqual([{ path: 'dueDate', message: 'cannot be before startDate' }]);
    expect((await core.fail('plans.update', { id: plan.id, title: '  ' })).issues).toEqual([{ path: 'title', message: 'is required' }]);
    expect((await core.fail('plans.update', { id: plan.id, status: 'done' })).issues?.[0]?.path).toBe('status');
    const objective = await core.call('planObjectives.create', { planId: plan.id, title: 'X', target: 1 });
    expect((await core.fail('planObjectives.update', { id: objective.id, target: null })).issues?.[0]?.path).toBe('target');
  });
});

describe('editing goals', () => {
  it('keeps one open goal per KPI, period and scope, and restores an archived one unless its place was taken', async () => {
    const goal = await core.call('goals.create', { kpi: 'nps', target: 30, ...period });
    // Another scope or KPI is another goal.
    await core.call('goals.create', { kpi: 'nps', target: 40, segment: 'enterprise', ...period });
    const lee = await core.call('goals.create', { kpi: 'nps', target: 20, owner: 'Lee', ...period });
    await core.call('goals.create', { kpi: 'csat', target: 80, ...period });

    const twice = await core.fail('goals.create', { kpi: 'nps', target: 35, ...period });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toBe(`kpi: NPS already has a goal of 30 for 2026-01-01 – 2026-04-01 and this scope (goal ${goal.id}); change that one instead`);
    expect(twice.issues).toEqual([{ path: 'kpi', message: 'already has a goal of 30 for this period and scope' }]);
    // Moving a goal onto another's place is refused too; changing its own target is not.
    expect((await core.fail('goals.update', { id: lee.id, owner: null })).code).toBe('CONFLICT');
    expect(await core.call('goals.update', { id: goal.id, target: 35, note: 'Board asked for 35' })).toMatchObject({ target: 35, note: 'Board asked for 35' });

    // Archive, set a new one in its place, and the Undo of the archive is refused, naming why.
    await core.call('goals.archive', { id: goal.id });
    expect((await core.call('goals.standing', { quarter: '2026-Q1' })).rows.map((r) => r.goal.id)).not.toContain(goal.id);
    const replacement = await core.call('goals.create', { kpi: 'nps', target: 25, ...period });
    expect((await core.fail('goals.restore', { id: goal.id })).code).toBe('CONFLICT');
    await core.call('goals.archive', { id: replacement.id });
    expect((await core.call('goals.restore', { id: goal.id })).archivedAt).toBeNull();
    expect((await core.call('goals.standing', { quarter: '2026-Q1' })).rows.find((r) => r.goal.id === goal.id)!.goal.target).toBe(35);
  });
});
