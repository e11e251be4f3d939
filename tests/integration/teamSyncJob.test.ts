import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import { memoryConnectionStore } from '../../electron/core/team/connection';
import { startTeamSession } from '../../electron/core/team/schedule';
import { TEAM_HOST } from '../../shared/teamHost';
import type { ChangeEvent } from '../../shared/rpc';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';
import { startPostgres, type TestPostgres } from '../fixtures/postgres';
import { ADMIN, addWriter, connect, createAdmin, hashesOf, hubHashes, memberUrl } from '../fixtures/team';

// Issue 19, a manual sync as a job: jobs.progress by phase (push n of N changes, pull n entries,
// derived), jobs.cancel between batches. Two laptops and a real PostgreSQL, through dispatch. The
// job is held at its first step (FULCRUM_TEST_HOLD_JOB, lib/jobs.ts) so the cancel lands after the
// first pushed batch, or the first pulled page, for certain; the next sync goes on to the end and
// every table's content hash is the same on both laptops and the hub. The hosts' quiet sync is no job.

let server: TestPostgres;
let su: pg.Client;
let a: TestCore;
let b: TestCore;
let tables: string[];
const adminUrl = () => server.url(ADMIN.user, ADMIN.password);

/** Captured `team.sync` progress of a core, as the renderer's useJob sees it. */
function progressOf(core: TestCore): { events: { done: number; total: number; phase?: string }[]; stop: () => void } {
  const events: { done: number; total: number; phase?: string }[] = [];
  const stop = core.subscribe((event: ChangeEvent) => {
    if (event.name === 'jobs.progress' && event.job === 'team.sync' && event.progress) events.push({ ...event.progress, phase: event.phase });
  });
  return { events, stop };
}

/** Where the last cancelledSync held its job, as jobs.running reported it (progress events are throttled: a report 100 ms after the last may not be sent). */
let heldAt: { done: number; total: number; phase?: string } | undefined;

/** Syncs held at the job's first step (after the first batch or page), cancels there, and answers the sync's error. */
async function cancelledSync(core: TestCore, url: string) {
  process.env.FULCRUM_TEST_HOLD_JOB = 'team.sync';
  try {
    const sync = core.dispatch('team.sync', { server: url });
    // The hold waits, event loop free, until the job is cancelled: poll until the job runs, then cancel.
    for (let i = 0; i < 600; i++) {
      const running = await core.call('jobs.running', {});
      heldAt = (running.progress ?? []).find((p) => p.channel === 'team.sync');
      if (running.channels.includes('team.sync') && heldAt && heldAt.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await core.call('jobs.cancel', { channel: 'team.sync' })).cancelled).toBe(1);
    const result = await sync;
    expect(result.ok).toBe(false);
    return result.ok ? undefined : result.error;
  } finally {
    delete process.env.FULCRUM_TEST_HOLD_JOB;
  }
}

beforeAll(async () => {
  server = await startPostgres();
  su = await connect(server.url());
  await createAdmin(su);
  const path = tempWorkspacePath('a.fulcrum');
  await generateDemoWorkspace(path, { accounts: 10, seed: 11, today: '2026-02-20' });
  a = await testCore(path);
  await a.call('team.create', { server: adminUrl() });
  tables = Object.keys(await hashesOf(a));
  await addWriter(su, 'jo', 'Jo', tables);
  b = await testCore(tempWorkspacePath('b.fulcrum'));
  await b.call('team.join', { server: memberUrl(server, 'jo') });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await su?.end().catch(() => undefined);
  server?.stop();
});

describe('team.sync as a job', () => {
  it('cancelled after the first pushed batch, then synced to the end: nothing lost or sent twice', async () => {
    // 1,200 new accounts (three batches of 500 at most), written with SQL in one transaction: capture records every write path.
    const { sqlite } = a.context;
    const at = new Date().toISOString();
    const insert = sqlite.prepare('INSERT INTO accounts (name, owner, industry, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 1_200; i++) insert.run(`Job ${i}`, 'Jo', `Industry ${i % 7}`, at, at);
    })();
    const pending = (await a.call('team.info', {})).pendingChanges;
    expect(pending).toBe(1_200);

    const seen = progressOf(a);
    const error = await cancelledSync(a, adminUrl());
    seen.stop();
    expect(error).toMatchObject({ code: 'CANCELLED', message: expect.stringMatching(/team\.sync was cancelled; what was sent and received before is kept/) });
    // The first batch is on the hub and out of the outbox; the rest waits. The cancel is recorded as the last sync's outcome.
    expect(seen.events[0]).toEqual({ done: 0, total: 1_200, phase: 'push' });
    expect(seen.events).toContainEqual({ done: 500, total: 1_200, phase: 'push' });
    expect(seen.events.some((e) => e.phase === 'pull')).toBe(false);
    const after = await a.call('team.info', {});
    expect(after.pendingChanges).toBe(700);
    expect(after.lastSync).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(after.syncingSince).toBeNull();
    expect((await a.call('jobs.running', {})).channels).not.toContain('team.sync');

    const rest = await a.call('team.sync', { server: adminUrl() });
    expect(rest).toMatchObject({ pushed: 700, pending: 0 });
  });

  it('cancelled after the first pulled page, then synced to the end: the same content on both laptops and the hub', async () => {
    // The hold stops a job at its first step: b's own changes (rows its rule pass made after the join
    // and after each pull) would make that a pushed batch. So b sends them first, and then a writes the
    // 1,200 rows b will pull, none of which b has seen yet.
    for (let round = 0; round < 5; round++) {
      await b.call('team.sync', { server: memberUrl(server, 'jo') });
      if ((await b.call('team.info', {})).pendingChanges === 0) break;
    }
    expect((await b.call('team.info', {})).pendingChanges).toBe(0);
    const { sqlite } = a.context;
    const at = new Date().toISOString();
    const insert = sqlite.prepare('INSERT INTO accounts (name, owner, industry, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 1_200; i++) insert.run(`Pulled ${i}`, 'Jo', `Industry ${i % 7}`, at, at);
    })();
    expect(await a.call('team.sync', { server: adminUrl() })).toMatchObject({ pending: 0 });
    const seen = progressOf(b);
    const error = await cancelledSync(b, memberUrl(server, 'jo'));
    seen.stop();
    expect(error?.code).toBe('CANCELLED');
    expect(seen.events.filter((e) => e.phase === 'pull')[0]).toMatchObject({ done: 0 });
    // One page of 1,000 entries committed with its cursor before the cancel.
    expect(heldAt).toMatchObject({ done: 1_000, phase: 'pull' });
    expect(heldAt!.total).toBeGreaterThanOrEqual(1_200);
    const pulledTotal = heldAt!.total;
    const cursor = Number(b.context.sqlite.prepare(`SELECT value FROM team_state WHERE key = 'last_pulled_seq'`).pluck().get());

    const full = progressOf(b);
    const rest = await b.call('team.sync', { server: memberUrl(server, 'jo') });
    full.stop();
    expect(rest.pulled).toBeGreaterThan(0);
    // Resumed from the cursor: the second sync read only what the first had not.
    expect(full.events.find((e) => e.phase === 'pull')?.total).toBe(pulledTotal - 1_000);
    expect(full.events.at(-1)).toEqual({ done: 1, total: 1, phase: 'derived' });
    expect(cursor).toBeGreaterThan(0);

    const onA = await hashesOf(a);
    expect(await hashesOf(b)).toEqual(onA);
    expect(await hubHashes(su, tables)).toEqual(onA);
    const industries = (core: TestCore) => core.context.sqlite.prepare('SELECT name, industry FROM accounts ORDER BY name').all();
    expect(industries(b)).toEqual(industries(a));
  });

  it("the hosts' quiet sync is no job: no progress, nothing to cancel", async () => {
    await b.call('accounts.update', { id: (await b.call('accounts.list', { pageSize: 1 })).rows[0]!.id, industry: 'Quiet' });
    const seen = progressOf(b);
    const result = await b.call('team.sync', { server: memberUrl(server, 'jo'), quiet: true });
    seen.stop();
    // The edit and what the rules made of it, all sent.
    expect(result.pending).toBe(0);
    expect(result.pushed).toBeGreaterThan(0);
    expect(seen.events).toEqual([]);
  });
});

describe("the Team screen's members, through the host (which adds the kept server)", () => {
  const sessionOf = (core: TestCore) =>
    startTeamSession({
      current: () => core.dispatch,
      store: memoryConnectionStore('os'),
      join: () => Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: 'not in this test' } }),
      log: () => undefined,
    });

  it('without the server known: asks for the password; a member reads the list and may not add', async () => {
    const session = sessionOf(b);
    try {
      const unknown = await session.channels[TEAM_HOST.members]!({}, b.dispatch);
      expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/password/) } });
      expect(await session.channels[TEAM_HOST.connect]!({ server: memberUrl(server, 'jo'), keep: 'session' }, b.dispatch)).toMatchObject({ ok: true });
      const listed = await session.channels[TEAM_HOST.members]!({}, b.dispatch);
      expect(listed).toEqual({ ok: true, value: { members: [{ login: 'jo', displayName: 'Jo', role: 'manager' }] } });
      const refused = await session.channels[TEAM_HOST.addMember]!({ login: 'kim', displayName: 'Kim', role: 'csm', password: 'kim-password' }, b.dispatch);
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/only the team's admin/) } });
      const bad = await session.channels[TEAM_HOST.addMember]!({ login: 'kim', displayName: '', role: 'boss', password: 'x' }, b.dispatch);
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: expect.stringMatching(/displayName: displayName must not be empty; role: .*; password: password must be at least 8/) },
      });
    } finally {
      session.stop();
    }
  });

  it("the team's admin adds a member, who is then listed", async () => {
    const session = sessionOf(a);
    try {
      await session.channels[TEAM_HOST.connect]!({ server: adminUrl(), keep: 'session' }, a.dispatch);
      const added = await session.channels[TEAM_HOST.addMember]!({ login: 'kim', displayName: 'Kim Lee', role: 'csm', password: 'kim-password' }, a.dispatch);
      expect(added).toEqual({ ok: true, value: { login: 'kim', displayName: 'Kim Lee', role: 'csm' } });
      const listed = await session.channels[TEAM_HOST.members]!({}, a.dispatch);
      expect(listed.ok && (listed.value as { members: { login: string }[] }).members.map((m) => m.login)).toEqual(['jo', 'kim']);
    } finally {
      session.stop();
    }
  });
});
