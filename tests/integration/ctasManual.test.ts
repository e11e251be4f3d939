import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';

// A call to action opened by hand (ctas.open) through dispatch on a real workspace: its id comes
// from the client's UUID, so the same open sent twice is one call to action; without a playbook its
// reason is a task due on its date, with one the playbook's tasks; bad input names the field.
// (Now is 2026-03-01T12:00Z: tests/fixtures/core.ts.)

let core: TestCore;
let events: ChangeEvent[];
beforeEach(async () => {
  core = await testCore();
  events = [];
  core.subscribe((event) => events.push(event));
});
afterEach(() => core.close());

describe('opening a call to action by hand', () => {
  it('opens one under the client’s id with its reason as a task due on its date, and a replay is the same one', async () => {
    const account = await core.call('accounts.create', { name: 'Acme', segment: 'smb', owner: 'Olivia Owner' });
    await core.call('identity.set', { name: 'Sam Csm', role: 'csm' });
    const clientId = randomUUID();
    const input = { clientId, accountId: account.id, reason: 'Champion left: find a new sponsor', due: '2026-03-10', note: 'Heard on the QBR' };
    const cta = await core.call('ctas.open', input);
    expect(cta).toMatchObject({
      id: `manual:${account.id}:by-hand:${clientId}`,
      rule: 'manual',
      accountName: 'Acme',
      title: 'Champion left: find a new sponsor',
      owner: 'Olivia Owner',
      status: 'open',
      playbookId: null,
      openedAt: '2026-03-01T12:00:00.000Z',
      openTasks: 1,
      totalTasks: 1,
      firedBy: {
        summary: 'Opened by hand by Sam Csm: Champion left: find a new sponsor (due 2026-03-10)',
        facts: { reason: 'Champion left: find a new sponsor', due: '2026-03-10', openedBy: 'Sam Csm', note: 'Heard on the QBR', clientId },
      },
    });
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['ctas.changed', 'tasks.changed']));
    const tasks = await core.call('tasks.list', { ctaId: cta.id });
    expect(tasks.rows.map((t) => [t.title, t.dueDate, t.owner, t.notes])).toEqual([['Champion left: find a new sponsor', '2026-03-10', 'Olivia Owner', 'Heard on the QBR']]);

    // The same open again (a retry, a second laptop replaying it): the same call to action, no second task.
    events = [];
    expect(await core.call('ctas.open', { ...input, clientId: clientId.toUpperCase() })).toEqual(cta);
    expect(events).toEqual([]);
    expect((await core.call('ctas.list', { accountId: account.id })).total).toBe(1);
    expect((await core.call('tasks.list', { accountId: account.id })).total).toBe(1);
    // A rule pass leaves it alone, and it closes like any other.
    await core.call('ctas.evaluate', {});
    expect((await core.call('ctas.list', { rule: 'manual' })).rows.map((c) => c.id)).toEqual([cta.id]);
    expect(await core.call('ctas.close', { id: cta.id, outcome: 'saved', cancelOpenTasks: true })).toMatchObject({ status: 'closed', openTasks: 0 });
  });

  it('opens a playbook’s tasks from today for the owner chosen, and none when the owner is cleared', async () => {
    const account = await core.call('accounts.create', { name: 'Beta', segment: 'smb', owner: 'Olivia Owner' });
    const playbook = await core.call('playbooks.create', {
      name: 'Executive rescue',
      steps: [
        { day: 0, title: 'Call the sponsor', priority: 'high' },
        { day: 7, title: 'Send the plan', priority: 'normal' },
      ],
    });
    const cta = await core.call('ctas.open', { clientId: randomUUID(), accountId: account.id, reason: 'Budget cut announced', owner: 'Pat Lead', playbookId: playbook.id });
    expect(cta).toMatchObject({ owner: 'Pat Lead', playbookId: playbook.id, playbookName: 'Executive rescue', totalTasks: 2 });
    const tasks = await core.call('tasks.list', { ctaId: cta.id });
    expect(tasks.rows.map((t) => [t.title, t.dueDate, t.owner, t.priority])).toEqual([
      ['Call the sponsor', '2026-03-01', 'Pat Lead', 'high'],
      ['Send the plan', '2026-03-08', 'Pat Lead', 'normal'],
    ]);
    const nobody = await core.call('ctas.open', { clientId: randomUUID(), accountId: account.id, reason: 'Check usage', owner: null });
    expect(nobody.owner).toBeNull();
    expect(nobody.firedBy.summary).toBe('Opened by hand: Check usage');
  });

  it('refuses bad input, naming the problem', async () => {
    const account = await core.call('accounts.create', { name: 'Gamma', segment: 'smb' });
    const ok = { clientId: randomUUID(), accountId: account.id, reason: 'Follow up' };
    const noReason = await core.fail('ctas.open', { ...ok, reason: '  ' });
    expect([noReason.code, noReason.message]).toEqual(['BAD_INPUT', expect.stringMatching(/reason/)]);
    expect((await core.fail('ctas.open', { ...ok, clientId: 'abc' })).message).toMatch(/clientId.*UUID/);
    expect((await core.fail('ctas.open', { ...ok, due: '2026-02-01' })).message).toMatch(/due: 2026-02-01 is before today/);
    expect((await core.fail('ctas.open', { ...ok, due: '1 March' })).message).toMatch(/due/);
    expect((await core.fail('ctas.open', { ...ok, accountId: 999 })).code).toBe('NOT_FOUND');
    expect((await core.fail('ctas.open', { ...ok, playbookId: 999 })).code).toBe('NOT_FOUND');
    expect((await core.fail('ctas.open', { ...ok, extra: 1 })).code).toBe('BAD_INPUT');
    await core.call('accounts.archive', { id: account.id });
    expect((await core.fail('ctas.open', ok)).message).toMatch(/archived/);
    expect((await core.call('ctas.list', {})).total).toBe(0);
  });
});
