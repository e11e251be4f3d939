// The journey map's ticket cells kept in step with writes (journeys/liveTickets.ts): after random
// ticket writes through dispatch (creates, updates that move a ticket across accounts, segments,
// months, channels, topics and times, archives), journeys.measure equals what a second core that
// reads everything from the tables (a full recompute) measures, and the cells were patched, not
// reread. An account's write, which moves all its tickets, makes the cells reread.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { journeyInputs } from '../../electron/core/journeys/inputs';
import type { Input } from '../../shared/contract';
import { CHANNELS } from '../../shared/contract/common';
import { TICKET_PRIORITIES } from '../../shared/contract/tickets';
import { FIXED_NOW, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let path: string;
beforeEach(async () => {
  const { tempWorkspacePath } = await import('../fixtures/core');
  path = tempWorkspacePath();
  core = await testCore(path);
});
afterEach(() => core.close());

/** A small deterministic generator (the same writes on every run). */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const TOPICS = ['Billing', 'Bug', 'How-to', null] as const;

/** A map whose cards read tickets every way: by channel (CSAT), by priority (resolution), by topic (first response). */
async function ticketMap(): Promise<number> {
  const map = await core.call('journeys.create', { name: 'Support', template: 'cx_delivery' });
  const stage = map.stages[6]!.id;
  const cards: Input<'journeys.addTouchpoint'>[] = [
    ...CHANNELS.slice(0, 3).map((channel) => ({
      journeyStageId: stage,
      name: `${channel}`,
      matchRule: { source: 'tickets' as const, channel },
      target: { metric: 'csat' as const, operator: '>=' as const, value: 4 },
    })),
    ...TICKET_PRIORITIES.map((priority) => ({
      journeyStageId: stage,
      name: `${priority} resolution`,
      matchRule: { source: 'tickets' as const, priority },
      target: { metric: 'resolution_hours' as const, operator: '<=' as const, value: 24 },
    })),
    {
      journeyStageId: stage,
      name: 'Billing first response',
      matchRule: { source: 'tickets', topic: 'billing' },
      target: { metric: 'first_response_hours', operator: '<=', value: 4 },
    },
  ];
  for (const card of cards) await core.call('journeys.addTouchpoint', card);
  return map.id;
}

/** The same measurement by a core of its own on the same file: every input read from the tables. */
async function recomputed(mapId: number, segment?: string) {
  const fresh = await createCore({ dbPath: path, now: () => FIXED_NOW, dailyRefresh: false });
  try {
    const result = await fresh.dispatch('journeys.measure', { id: mapId, ...(segment ? { segment } : {}) });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  } finally {
    await fresh.close();
  }
}

const at = (r: ReturnType<typeof random>) => new Date(Date.parse('2025-03-15T00:00:00Z') + r.int(350 * 24) * 3_600_000 + r.int(60) * 60_000).toISOString();
const later = (r: ReturnType<typeof random>, from: string) => (r.next() < 0.25 ? null : new Date(Date.parse(from) + r.int(200 * 60) * 60_000).toISOString());

describe('journey inputs kept in step with ticket writes', () => {
  it('after random ticket writes, every card equals a full recompute, without rereading the tickets', async () => {
    const r = random(14);
    const accounts = [
      (await core.call('accounts.create', { name: 'A', segment: 'smb' })).id,
      (await core.call('accounts.create', { name: 'B', segment: 'enterprise' })).id,
      (await core.call('accounts.create', { name: 'C', segment: 'smb' })).id,
    ];
    const mapId = await ticketMap();
    const tickets: number[] = [];
    const newTicket = () => {
      const openedAt = at(r);
      const firstResponseAt = later(r, openedAt);
      return {
        accountId: r.pick(accounts),
        openedAt,
        firstResponseAt,
        resolvedAt: firstResponseAt && later(r, firstResponseAt),
        channel: r.pick(CHANNELS.slice(0, 4)),
        priority: r.pick(TICKET_PRIORITIES),
        topic: r.pick(TOPICS),
        csat: r.next() < 0.4 ? null : 1 + r.int(5),
      };
    };
    for (let i = 0; i < 12; i++) tickets.push((await core.call('tickets.create', newTicket())).id);
    await core.call('journeys.measure', { id: mapId });
    const cells = journeyInputs(core.context.sqlite).tickets;

    for (let round = 0; round < 6; round++) {
      for (let w = 0; w < 5; w++) {
        const kind = r.int(3);
        if (kind === 0) tickets.push((await core.call('tickets.create', newTicket())).id);
        else if (kind === 1) await core.call('tickets.update', { id: r.pick(tickets), ...newTicket() });
        else await core.call('tickets.archive', { id: r.pick(tickets) });
      }
      // A card measured on resolution times reads them on the first round; later rounds patch them too.
      expect(await core.call('journeys.measure', { id: mapId })).toEqual(await recomputed(mapId));
      expect(await core.call('journeys.measure', { id: mapId, segment: 'smb' })).toEqual(await recomputed(mapId, 'smb'));
      expect(journeyInputs(core.context.sqlite).tickets).toBe(cells);
    }
  });

  it("an account's write (its segment moves all its tickets) rereads the cells, and the figures stay right", async () => {
    const account = await core.call('accounts.create', { name: 'A', segment: 'smb' });
    const mapId = await ticketMap();
    await core.call('tickets.create', { accountId: account.id, openedAt: '2025-12-01T09:00:00Z', firstResponseAt: '2025-12-01T10:00:00Z', channel: 'email', csat: 5 });
    await core.call('journeys.measure', { id: mapId });
    const cells = journeyInputs(core.context.sqlite).tickets;
    await core.call('accounts.update', { id: account.id, segment: 'enterprise' });
    expect(await core.call('journeys.measure', { id: mapId, segment: 'enterprise' })).toEqual(await recomputed(mapId, 'enterprise'));
    expect(journeyInputs(core.context.sqlite).tickets).not.toBe(cells);
  });

  it('a refused write changes nothing, and the next write is still applied', async () => {
    const account = await core.call('accounts.create', { name: 'A', segment: 'smb' });
    const mapId = await ticketMap();
    const ticket = await core.call('tickets.create', { accountId: account.id, openedAt: '2025-12-01T09:00:00Z', channel: 'email', csat: 5 });
    await core.call('journeys.measure', { id: mapId });
    expect((await core.fail('tickets.update', { id: ticket.id, contactId: 999 })).code).toBe('NOT_FOUND');
    await core.call('tickets.update', { id: ticket.id, csat: 1 });
    expect(await core.call('journeys.measure', { id: mapId })).toEqual(await recomputed(mapId));
  });
});
