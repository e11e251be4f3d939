// The finder's health and readiness kept in step with writes (health/liveSnapshots.ts and
// readinessOfAll): after random writes through dispatch (survey answers, interactions, deployments,
// tickets, now and then a contact or an account), leverage.match and leverage.candidates equal what
// a second core reading everything from the tables computes, and activity writes patched the
// readiness map instead of recomputing every account's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { readinessOfAll } from '../../electron/core/leverage/workspace';
import type { Input } from '../../shared/contract';
import { FIXED_NOW, tempWorkspacePath, testCore, type TestCore } from '../fixtures/core';

let core: TestCore;
let path: string;
beforeEach(async () => {
  path = tempWorkspacePath();
  core = await testCore(path);
});
afterEach(() => core.close());

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const BY = 'Rhea Marketing';

async function reference(accountId: number, contactId: number) {
  const ref = await core.call('references.create', { accountId, contactId, by: BY });
  await core.call('references.move', { id: ref.id, stage: 'nominated', by: BY });
  await core.call('references.grantConsent', {
    referenceId: ref.id,
    activity: 'reference_call',
    grantedAt: '2025-06-01T00:00:00Z',
    grantedBy: BY,
    expiresAt: '2027-06-01T00:00:00Z',
  });
  await core.call('references.move', { id: ref.id, stage: 'recruited', by: BY });
  await core.call('references.move', { id: ref.id, stage: 'active', by: BY });
}

async function fromTables() {
  const fresh = await createCore({ dbPath: path, now: () => FIXED_NOW, dailyRefresh: false });
  try {
    const call = async (channel: string, input: unknown) => {
      const result = await fresh.dispatch(channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    return { match: await call('leverage.match', MATCH), candidates: await call('leverage.candidates', { threshold: 0, pageSize: 50 }) };
  } finally {
    await fresh.close();
  }
}

const MATCH: Input<'leverage.match'> = { profile: { prospect: 'Globex', industry: 'Banking', region: 'EMEA', products: ['Ledger'] }, activity: 'reference_call' };

describe('finder inputs kept in step with writes', () => {
  it('after random writes, match and candidates equal a recompute from the tables', async () => {
    const r = random(5);
    const accounts: { id: number; contact: number }[] = [];
    for (const [i, industry] of ['Banking', 'Banking', 'Retail', 'Healthcare', 'Banking'].entries()) {
      const account = await core.call('accounts.create', {
        name: `Customer ${i}`,
        industry,
        region: i % 2 ? 'NA' : 'EMEA',
        segment: i % 2 ? 'smb' : 'enterprise',
        contractStart: '2023-01-15',
      });
      const contact = await core.call('contacts.create', { accountId: account.id, name: `Champion ${i}`, isChampion: i % 2 === 0 });
      accounts.push({ id: account.id, contact: contact.id });
      if (i < 4) await reference(account.id, contact.id);
    }
    await core.call('leverage.match', MATCH);
    const readiness = readinessOfAll(core.context.sqlite, FIXED_NOW);

    const day = () => `2026-0${1 + r.int(2)}-${String(1 + r.int(28)).padStart(2, '0')}T10:00:00Z`;
    for (let round = 0; round < 6; round++) {
      for (let w = 0; w < 4; w++) {
        const { id: accountId, contact } = r.pick(accounts);
        const kind = r.int(4);
        if (kind === 0)
          await core.call('surveyResponses.create', {
            accountId,
            contactId: contact,
            respondedAt: day(),
            kind: r.pick(['nps', 'csat', 'repurchase'] as const),
            score: 1 + r.int(5),
          });
        else if (kind === 1) await core.call('touchpoints.create', { accountId, occurredAt: day(), channel: 'phone', kind: 'qbr' });
        else if (kind === 2)
          await core.call('deployments.create', {
            accountId,
            product: r.pick(['Ledger', 'Vault']),
            status: r.pick(['live', 'planned'] as const),
            licencesPurchased: 100,
            licencesUsed: r.int(100),
          });
        else await core.call('tickets.create', { accountId, openedAt: day(), channel: 'email' });
      }
      const live = { match: await core.call('leverage.match', MATCH), candidates: await core.call('leverage.candidates', { threshold: 0, pageSize: 50 }) };
      expect(live).toEqual(await fromTables());
      // Activity and deployments were applied account by account: the same map, not a new one.
      expect(readinessOfAll(core.context.sqlite, FIXED_NOW)).toBe(readiness);
    }

    // A contact's write (a new champion) is not logged per account: everyone's readiness is recomputed.
    await core.call('contacts.update', { id: accounts[1]!.contact, isChampion: true });
    const live = { match: await core.call('leverage.match', MATCH), candidates: await core.call('leverage.candidates', { threshold: 0, pageSize: 50 }) };
    expect(live).toEqual(await fromTables());
    expect(readinessOfAll(core.context.sqlite, FIXED_NOW)).not.toBe(readiness);
  });
});
