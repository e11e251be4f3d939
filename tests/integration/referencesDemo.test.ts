// The demo workspace read through the reference programme's channels: every row the generator
// writes must fit the contracts (the test core checks outputs) and tell a consistent story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../electron/core/demo';
import type { Output } from '../../shared/contract';
import { tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let references: Output<'references.list'>['rows'];
let requests: Output<'requests.list'>['rows'];

beforeAll(async () => {
  const { path } = await generateDemoWorkspace(tempWorkspacePath(), { accounts: 150, seed: 3, today: '2026-03-01' });
  core = await testCore(path);
  references = (await core.call('references.list', { pageSize: 500 })).rows;
  requests = [];
  for (let page = 1; ; page++) {
    const result = await core.call('requests.list', { page, pageSize: 500 });
    requests.push(...result.rows);
    if (requests.length >= result.total) break;
  }
}, 60_000);
afterAll(() => core.close());

describe('the demo reference programme', () => {
  it('has references in several stages whose log ends in their stage', async () => {
    expect(new Set(references.map((r) => r.stage)).size).toBeGreaterThanOrEqual(4);
    for (const reference of references.slice(0, 40)) {
      const detail = await core.call('references.get', { id: reference.id });
      expect(detail.history.at(-1)?.toStage).toBe(reference.stage);
      expect(detail.stageSince).toBe(detail.history.at(-1)?.changedAt);
    }
  });

  it('fills the request lifecycle: approvals, closing reasons and what the reference said', () => {
    expect(requests.length).toBeGreaterThan(10);
    for (const request of requests) {
      if (['approved', 'scheduled'].includes(request.status)) expect(request.approvedBy).not.toBeNull();
      if (request.status === 'requested') expect(request.approvedAt).toBeNull();
      if (['declined', 'cancelled'].includes(request.status)) expect(request.closedReason).not.toBeNull();
      if (request.status === 'completed') expect(request.closedAt).toBe(request.completedAt);
      if (request.approvedAt) expect(request.approvedAt >= request.requestedAt).toBe(true);
    }
    expect(requests.some((r) => r.referenceSaid !== null)).toBe(true);
  });

  it('turns "same region only" consent restrictions into rules the finder can check', async () => {
    const consents = (await Promise.all(references.map((r) => core.call('references.consents', { referenceId: r.id })))).flatMap((c) => c.consents);
    const sameRegion = consents.filter((c) => c.restrictions === 'Only prospects in the same region');
    expect(sameRegion.length).toBeGreaterThan(0);
    for (const consent of sameRegion) expect(consent.rules).toEqual([{ kind: 'regionsOnly', regions: [expect.any(String)] }]);
    expect(consents.filter((c) => c.restrictions !== 'Only prospects in the same region').every((c) => c.rules.length === 0)).toBe(true);
  });

  it('counts the funnel over all stages', async () => {
    const funnel = await core.call('references.funnel', {});
    expect(funnel.stages.reduce((sum, s) => sum + s.count, 0)).toBe(references.length);
    expect(funnel.conversions[0]!.reached).toBe(references.length);
  });
});
