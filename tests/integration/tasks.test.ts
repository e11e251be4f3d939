import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainPaths } from '../../electron/core';
import { testCore, type TestCore } from '../fixtures/core';
import { writeFixture } from '../fixtures/import/generate';

// Tasks and playbooks through dispatch, and a call to action opened by an import (now is
// 2026-03-01T12:00Z: tests/fixtures/core.ts).

let core: TestCore;
let acme: number;
let globex: number;
beforeEach(async () => {
  core = await testCore(undefined, { files: plainPaths() });
  acme = (await core.call('accounts.create', { name: 'Acme', segment: 'smb', owner: 'Olivia Owner' })).id;
  globex = (await core.call('accounts.create', { name: 'Globex', segment: 'smb', owner: 'Olivia Owner' })).id;
});
afterEach(() => core.close());

describe('tasks', () => {
  it('"my tasks": the identity’s open tasks, overdue first, then this week, later, no date; by account within each', async () => {
    const make = (accountId: number, title: string, dueDate: string | null, owner = 'olivia owner ') => core.call('tasks.create', { accountId, title, dueDate, owner });
    await make(globex, 'Later', '2026-03-20');
    await make(acme, 'No date', null);
    await make(globex, 'This week (Globex)', '2026-03-04');
    await make(acme, 'This week (Acme)', '2026-03-07');
    await make(acme, 'Next week', '2026-03-08');
    await make(globex, 'Overdue', '2026-02-27');
    await make(acme, 'Someone else’s', '2026-02-01', 'Sam');
    const done = await make(acme, 'Done', '2026-02-02');
    await core.call('tasks.update', { id: done.id, status: 'done' });

    expect((await core.fail('tasks.list', { mine: true })).message).toMatch(/who you are/);
    await core.call('identity.set', { name: 'Olivia Owner', role: 'csm' });
    const mine = await core.call('tasks.list', { mine: true });
    expect(mine.rows.map((t) => [t.title, t.group])).toEqual([
      ['Overdue', 'overdue'],
      ['This week (Acme)', 'thisWeek'],
      ['This week (Globex)', 'thisWeek'],
      ['Next week', 'later'],
      ['Later', 'later'],
      ['No date', 'noDate'],
    ]);
    const all = await core.call('tasks.list', { accountId: acme, openOnly: false });
    expect(all.rows.map((t) => t.title)).toEqual(['Someone else’s', 'This week (Acme)', 'Next week', 'No date', 'Done']);
    expect(all.rows.at(-1)).toMatchObject({ status: 'done', completedAt: '2026-03-01T12:00:00.000Z', group: 'closed' });
  });

  it('creates, updates and deletes, with links checked against the task’s account and strict input', async () => {
    const dana = await core.call('contacts.create', { accountId: acme, name: 'Dana Reyes' });
    const task = await core.call('tasks.create', {
      accountId: acme,
      title: ' Call Dana ',
      contactId: dana.id,
      priority: 'high',
      dueDate: '2026-03-02',
      notes: 'about the renewal',
    });
    expect(task).toMatchObject({ title: 'Call Dana', contactName: 'Dana Reyes', accountName: 'Acme', priority: 'high', status: 'open', owner: null, group: 'thisWeek' });
    const moved = await core.call('tasks.update', { id: task.id, status: 'in_progress', dueDate: null, notes: '' });
    expect(moved).toMatchObject({ status: 'in_progress', dueDate: null, notes: null, contactId: dana.id, group: 'noDate' });

    const wrong = await core.fail('tasks.create', { accountId: globex, title: 'x', contactId: dana.id });
    expect(wrong).toMatchObject({ code: 'BAD_INPUT', message: `contactId: contact ${dana.id} belongs to another account` });
    expect((await core.fail('tasks.create', { accountId: acme, title: '  ' })).message).toMatch(/title/);
    expect((await core.fail('tasks.create', { accountId: acme, title: 'x', dueDate: '03/01/2026' })).message).toMatch(/dueDate.*YYYY-MM-DD/);
    expect((await core.fail('tasks.create', { accountId: acme, title: 'x', colour: 'red' })).message).toMatch(/colour/);
    expect((await core.fail('tasks.create', { accountId: 999, title: 'x' })).message).toBe('accountId: account 999 does not exist');

    expect(await core.call('tasks.delete', { id: task.id })).toEqual({ id: task.id });
    expect((await core.fail('tasks.get', { id: task.id })).code).toBe('NOT_FOUND');
  });
});

describe('playbooks', () => {
  it('ships a starter playbook per rule, is editable, and applying one creates its tasks in order', async () => {
    const starters = await core.call('playbooks.list', {});
    expect(starters.map((p) => p.opensOn).sort()).toEqual(['detractor', 'goLiveOverdue', 'healthRed', 'momentOfTruth', 'referenceApproved', 'renewalQuiet']);
    const recovery = starters.find((p) => p.opensOn === 'healthRed')!;
    expect(recovery.steps.slice(0, 3).map((s) => [s.day, s.title])).toEqual([
      [0, 'Call the champion about what changed'],
      [3, 'Send the recovery plan'],
      [14, 'Executive check-in'],
    ]);

    const onboarding = await core.call('playbooks.create', {
      name: 'Onboarding',
      steps: [
        { day: 0, title: 'Kick-off call' },
        { day: 7, title: 'First training', priority: 'high' },
      ],
    });
    expect(onboarding).toMatchObject({ opensOn: null, steps: [{ day: 0, title: 'Kick-off call', priority: 'normal' }, { day: 7 }] });
    expect((await core.fail('playbooks.create', { name: 'onboarding', steps: [{ day: 0, title: 'x' }] })).code).toBe('CONFLICT');
    expect(
      (
        await core.fail('playbooks.create', {
          name: 'Bad',
          steps: [
            { day: 5, title: 'a' },
            { day: 1, title: 'b' },
          ],
        })
      ).message,
    ).toMatch(/in order of their day/);
    expect((await core.fail('playbooks.create', { name: 'Empty', steps: [] })).message).toMatch(/at least one step/);
    expect((await core.fail('playbooks.update', { id: onboarding.id, opensOn: 'healthRed' })).message).toMatch(/Health recovery.*already opens on this rule/);

    const { taskIds } = await core.call('playbooks.apply', { id: onboarding.id, accountId: acme, startDate: '2026-03-10' });
    const tasks = await core.call('tasks.list', { accountId: acme });
    expect(tasks.rows.map((t) => [t.id, t.title, t.dueDate, t.owner, t.priority])).toEqual([
      [taskIds[0], 'Kick-off call', '2026-03-10', 'Olivia Owner', 'normal'],
      [taskIds[1], 'First training', '2026-03-17', 'Olivia Owner', 'high'],
    ]);
    await core.call('playbooks.archive', { id: onboarding.id });
    expect((await core.call('playbooks.list', {})).some((p) => p.id === onboarding.id)).toBe(false);
    expect((await core.fail('playbooks.apply', { id: onboarding.id, accountId: acme })).message).toMatch(/archived/);
  });
});

describe('a call to action opened by an import', () => {
  it('an imported detractor answer opens its call to action with the playbook’s tasks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fulcrum-ctas-'));
    await core.call('contacts.create', { accountId: globex, name: 'Ana Ruiz', email: 'ana@example.com' });
    const path = writeFixture(
      dir,
      'nps.csv',
      'Response ID,Score,Comment,Email,Created,Company\nr1,2,"Slow, slow support",ana@example.com,2026-02-27 10:00:00 +0000,\nr2,9,,ana@example.com,2026-02-28 10:00:00 +0000,\n',
    );
    await core.call('import.commit', { jobId: 'nps', path, into: 'surveyResponses', preset: 'nps-survey' });
    const answer = core.context.sqlite.prepare('SELECT id FROM survey_responses WHERE score = 2').pluck().get() as number;
    const { rows } = await core.call('ctas.list', { status: 'open' });
    expect(rows).toEqual([expect.objectContaining({ id: `detractor:${globex}:answer:${answer}`, accountName: 'Globex', title: 'Detractor: NPS 2 from Ana Ruiz', totalTasks: 3 })]);
  });
});
