import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { REFERENCE_ACTIVITIES } from '../../shared/contract/common';
import type { ChangeEvent } from '../../shared/rpc';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

type Activity = (typeof REFERENCE_ACTIVITIES)[number];

let core: TestCore;
let events: ChangeEvent[];
let accountId: number;
let contactId: number;
beforeEach(async () => {
  core = await testCore();
  events = [];
  core.subscribe((event) => events.push(event));
  accountId = (await core.call('accounts.create', { name: 'Acme Health', industry: 'Healthcare' })).id;
  contactId = (await core.call('contacts.create', { accountId, name: 'Dana Reyes' })).id;
});
afterEach(() => core.close());

const nominate = (input: Partial<{ contactId: number | null; by: string }> = {}) => core.call('references.create', { accountId, contactId, by: 'Sam CSM', ...input });
const grant = (referenceId: number, activity: Activity = 'reference_call', extra: Record<string, unknown> = {}) =>
  core.call('references.grantConsent', { referenceId, activity, grantedBy: 'Dana Reyes', ...extra });

describe('references: stages and their log', () => {
  it('nominates an account as a candidate, logging who proposed it', async () => {
    const created = await nominate({ by: 'Sam CSM' });
    expect(created).toMatchObject({ accountId, contactId, stage: 'candidate', accountName: 'Acme Health', contactName: 'Dana Reyes', stageSince: '2026-03-01T12:00:00.000Z' });
    const detail = await core.call('references.get', { id: created.id });
    expect(detail.history).toEqual([expect.objectContaining({ fromStage: null, toStage: 'candidate', changedBy: 'Sam CSM', changedAt: '2026-03-01T12:00:00.000Z', reason: null })]);
    expect(events).toContainEqual({ name: 'references.changed', ids: [created.id] });
  });

  it('refuses a second live reference for the same account, and a contact from another account', async () => {
    await nominate();
    const twice = await core.fail('references.create', { accountId, by: 'Sam' });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Acme Health is already in the reference programme') });
    const other = await core.call('accounts.create', { name: 'Globex' });
    const stranger = await core.call('contacts.create', { accountId: other.id, name: 'Lee' });
    const wrongContact = await core.fail('references.create', { accountId: other.id, contactId: stranger.id + 100, by: 'Sam' });
    expect(wrongContact.code).toBe('NOT_FOUND');
    const foreign = await core.fail('references.create', { accountId: other.id, contactId, by: 'Sam' });
    expect(foreign).toMatchObject({ code: 'BAD_INPUT', issues: [{ path: 'contactId', message: expect.stringContaining('another account') }] });
    await core.call('accounts.archive', { id: other.id });
    const archived = await core.fail('references.create', { accountId: other.id, by: 'Sam' });
    expect(archived).toEqual({ code: 'CONFLICT', message: 'Globex is archived: restore the account before nominating it' });
    expect(countRows(core, 'references')).toBe(1);
  });

  it('moves along the transition table and logs every change with who, when and why', async () => {
    const reference = await nominate();
    core.setNow('2026-03-02T09:00:00.000Z');
    await core.call('references.move', { id: reference.id, stage: 'nominated', by: 'Sam CSM', reason: 'Great QBR' });
    await grant(reference.id);
    core.setNow('2026-03-05T09:00:00.000Z');
    await core.call('references.move', { id: reference.id, stage: 'recruited', by: 'Mia Marketing' });
    await core.call('references.move', { id: reference.id, stage: 'active', by: 'Mia Marketing' });
    const resting = await core.call('references.move', { id: reference.id, stage: 'resting', by: 'Mia Marketing', reason: 'Asked for a break' });
    expect(resting).toMatchObject({ stage: 'resting', stageSince: '2026-03-05T09:00:00.000Z' });
    const { history } = await core.call('references.get', { id: reference.id });
    expect(history.map((change) => [change.fromStage, change.toStage, change.changedBy, change.reason])).toEqual([
      [null, 'candidate', 'Sam CSM', null],
      ['candidate', 'nominated', 'Sam CSM', 'Great QBR'],
      ['nominated', 'recruited', 'Mia Marketing', null],
      ['recruited', 'active', 'Mia Marketing', null],
      ['active', 'resting', 'Mia Marketing', 'Asked for a break'],
    ]);
    expect(history[1]!.changedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('refuses illegal moves with CONFLICT naming where the stage can go, and logs nothing', async () => {
    const reference = await nominate();
    const skip = await core.fail('references.move', { id: reference.id, stage: 'active', by: 'Sam' });
    expect(skip).toEqual({ code: 'CONFLICT', message: 'a candidate reference cannot move to active; from candidate it can move to nominated or declined' });
    const same = await core.fail('references.move', { id: reference.id, stage: 'candidate', by: 'Sam' });
    expect(same.message).toBe('the reference is already candidate');
    const unknown = await core.fail('references.move', { id: reference.id, stage: 'famous', by: 'Sam' });
    expect(unknown.code).toBe('BAD_INPUT');
    const nobody = await core.fail('references.move', { id: reference.id, stage: 'nominated', by: ' ' });
    expect(nobody.issues).toEqual([{ path: 'by', message: 'is required' }]);
    expect(countRows(core, 'reference_stage_changes')).toBe(1);
    expect((await core.call('references.get', { id: reference.id })).stage).toBe('candidate');
  });

  it('allows declining a candidate or nominee, and bringing a declined one back as a candidate', async () => {
    const reference = await nominate();
    await core.call('references.move', { id: reference.id, stage: 'declined', by: 'Sam', reason: 'Policy forbids' });
    expect((await core.fail('references.move', { id: reference.id, stage: 'active', by: 'Sam' })).code).toBe('CONFLICT');
    expect((await core.call('references.move', { id: reference.id, stage: 'candidate', by: 'Sam' })).stage).toBe('candidate');
  });

  it('refuses recruiting without a valid consent and says so', async () => {
    const reference = await nominate({ contactId: null });
    await core.call('references.move', { id: reference.id, stage: 'nominated', by: 'Sam' });
    const noContact = await core.fail('references.move', { id: reference.id, stage: 'recruited', by: 'Sam' });
    expect(noContact).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('has no contact') });
    await core.call('references.update', { id: reference.id, contactId });
    const none = await core.fail('references.move', { id: reference.id, stage: 'recruited', by: 'Sam' });
    expect(none.message).toBe('cannot recruit without consent: Dana Reyes has no consent on file; record one in the consent ledger first');
    await grant(reference.id, 'reference_call', { grantedAt: '2025-01-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' });
    const expired = await core.fail('references.move', { id: reference.id, stage: 'recruited', by: 'Sam' });
    expect(expired.message).toBe("cannot recruit without consent: none of Dana Reyes's consents is valid now (reference call expired); record a new one first");
    await grant(reference.id, 'case_study');
    expect((await core.call('references.move', { id: reference.id, stage: 'recruited', by: 'Sam' })).stage).toBe('recruited');
  });

  it('updates contact, notes and usage limit, archives once, and refuses moving an archived reference', async () => {
    const reference = await nominate({ contactId: null });
    const updated = await core.call('references.update', { id: reference.id, contactId, notes: 'Prefers mornings', usageLimitPerQuarter: 3 });
    expect(updated).toMatchObject({ contactId, contactName: 'Dana Reyes', notes: 'Prefers mornings', usageLimitPerQuarter: 3 });
    const negative = await core.fail('references.update', { id: reference.id, usageLimitPerQuarter: -1 });
    expect(negative.issues?.[0]?.path).toBe('usageLimitPerQuarter');
    const typo = await core.fail('references.update', { id: reference.id, note: 'x' });
    expect(typo.code).toBe('BAD_INPUT');
    core.setNow('2026-03-03T00:00:00.000Z');
    const archived = await core.call('references.archive', { id: reference.id });
    core.setNow('2026-03-04T00:00:00.000Z');
    expect((await core.call('references.archive', { id: reference.id })).archivedAt).toBe(archived.archivedAt);
    expect((await core.fail('references.move', { id: reference.id, stage: 'nominated', by: 'Sam' })).message).toContain('archived');
    expect((await core.call('references.list', {})).total).toBe(0);
    expect((await core.call('references.list', { includeArchived: true })).total).toBe(1);
    // Archived, the account may be nominated again.
    expect((await nominate()).stage).toBe('candidate');
  });

  it('lists by stage, account and account-name search, with names', async () => {
    const acme = await nominate();
    const globex = await core.call('accounts.create', { name: 'Globex Retail' });
    const other = await core.call('references.create', { accountId: globex.id, by: 'Sam' });
    await core.call('references.move', { id: other.id, stage: 'nominated', by: 'Sam' });
    expect((await core.call('references.list', { filter: { stage: 'nominated' } })).rows.map((r) => r.id)).toEqual([other.id]);
    expect((await core.call('references.list', { filter: { accountId } })).rows.map((r) => r.id)).toEqual([acme.id]);
    const found = await core.call('references.list', { search: 'globex' });
    expect(found.rows).toEqual([expect.objectContaining({ id: other.id, accountName: 'Globex Retail', contactName: null })]);
    // LIKE wildcards typed by the user are taken literally.
    expect((await core.call('references.list', { search: '%' })).total).toBe(0);
    const sorted = await core.call('references.list', { sort: { field: 'accountName', direction: 'desc' } });
    expect(sorted.rows.map((r) => r.accountName)).toEqual(['Globex Retail', 'Acme Health']);
  });

  it('counts the funnel per stage and converts along the progression from the log', async () => {
    const accounts = await Promise.all(['A', 'B', 'C', 'D'].map((name) => core.call('accounts.create', { name })));
    const contacts = await Promise.all(accounts.map((a) => core.call('contacts.create', { accountId: a.id, name: `${a.name} person` })));
    const refs = await Promise.all(accounts.map((a, i) => core.call('references.create', { accountId: a.id, contactId: contacts[i]!.id, by: 'Sam' })));
    const moveTo = async (id: number, stages: string[]) => {
      for (const stage of stages) await core.call('references.move', { id, stage: stage as never, by: 'Sam' });
    };
    for (const ref of refs) await grant(ref.id);
    await moveTo(refs[0]!.id, ['nominated', 'recruited', 'active', 'resting']);
    await moveTo(refs[1]!.id, ['nominated', 'recruited']);
    await moveTo(refs[2]!.id, ['nominated', 'declined']);
    const funnel = await core.call('references.funnel', {});
    expect(Object.fromEntries(funnel.stages.map((s) => [s.stage, s.count]))).toEqual({
      candidate: 1,
      nominated: 0,
      recruited: 1,
      active: 0,
      resting: 1,
      retired: 0,
      declined: 1,
    });
    expect(funnel.conversions).toEqual([
      { from: 'candidate', to: 'nominated', reached: 4, converted: 3, rate: 75 },
      { from: 'nominated', to: 'recruited', reached: 3, converted: 2, rate: (2 / 3) * 100 },
      { from: 'recruited', to: 'active', reached: 2, converted: 1, rate: 50 },
    ]);
  });
});

describe('references: the consent ledger', () => {
  it('grants consent with rules and reports each consent state at a date', async () => {
    const reference = await nominate();
    const rules = [
      { kind: 'regionsOnly', regions: ['EMEA'] },
      { kind: 'excludeIndustries', industries: ['Defense'] },
      { kind: 'excludeProspects', names: ['Initech'] },
    ] as const;
    const call = await grant(reference.id, 'reference_call', {
      grantedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2027-01-01T00:00:00Z',
      restrictions: 'EMEA prospects only; no competitors of Initech',
      rules,
    });
    expect(call).toMatchObject({
      contactId,
      activity: 'reference_call',
      grantedBy: 'Dana Reyes',
      state: 'valid',
      rules,
      restrictions: 'EMEA prospects only; no competitors of Initech',
    });
    await grant(reference.id, 'press_quote', { grantedAt: '2025-01-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' });
    await grant(reference.id, 'site_visit', { grantedAt: '2026-06-01T00:00:00Z' });
    const byActivity = async (at?: string) => {
      const { consents } = await core.call('references.consents', { referenceId: reference.id, at });
      return Object.fromEntries(consents.map((c) => [c.activity, c.state]));
    };
    expect(await byActivity()).toEqual({ reference_call: 'valid', press_quote: 'expired', site_visit: 'not_yet' });
    expect(await byActivity('2026-01-15T00:00:00Z')).toEqual({ reference_call: 'valid', press_quote: 'valid', site_visit: 'not_yet' });
    expect(await byActivity('2026-06-01T00:00:00Z')).toEqual({ reference_call: 'valid', press_quote: 'expired', site_visit: 'valid' });
    // The rules are stored as JSON the finder can read.
    const stored = core.context.sqlite.prepare('SELECT rules FROM consents WHERE id = ?').get(call.id) as { rules: string };
    expect(JSON.parse(stored.rules)).toEqual(rules);
  });

  it('revokes a consent once, from then on', async () => {
    const reference = await nominate();
    const consent = await grant(reference.id, 'reference_call', { grantedAt: '2026-01-01T00:00:00Z' });
    events = [];
    const revoked = await core.call('references.revokeConsent', { id: consent.id });
    expect(revoked).toMatchObject({ state: 'revoked', revokedAt: '2026-03-01T12:00:00.000Z' });
    expect(events).toContainEqual({ name: 'references.changed', ids: [reference.id] });
    const before = await core.call('references.consents', { referenceId: reference.id, at: '2026-02-01T00:00:00Z' });
    expect(before.consents[0]!.state).toBe('valid');
    const again = await core.fail('references.revokeConsent', { id: consent.id });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already revoked') });
  });

  it('refuses bad rules, an expiry before the grant, and a reference without contact', async () => {
    const reference = await nominate();
    const emptyRegions = await core.fail('references.grantConsent', {
      referenceId: reference.id,
      activity: 'reference_call',
      grantedBy: 'Dana',
      rules: [{ kind: 'regionsOnly', regions: [] }],
    });
    expect(emptyRegions.issues).toEqual([{ path: 'rules.0.regions', message: 'name at least one' }]);
    const unknownKind = await core.fail('references.grantConsent', { referenceId: reference.id, activity: 'reference_call', grantedBy: 'Dana', rules: [{ kind: 'noPress' }] });
    expect(unknownKind.issues?.[0]?.path).toBe('rules.0.kind');
    const extra = await core.fail('references.grantConsent', {
      referenceId: reference.id,
      activity: 'reference_call',
      grantedBy: 'Dana',
      rules: [{ kind: 'regionsOnly', regions: ['EMEA'], note: 'x' }],
    });
    expect(extra.code).toBe('BAD_INPUT');
    const backwards = await core.fail('references.grantConsent', {
      referenceId: reference.id,
      activity: 'reference_call',
      grantedBy: 'Dana',
      grantedAt: '2026-02-01T00:00:00Z',
      expiresAt: '2026-01-01T00:00:00Z',
    });
    expect(backwards.issues).toEqual([{ path: 'expiresAt', message: 'must be after grantedAt' }]);
    const badActivity = await core.fail('references.grantConsent', { referenceId: reference.id, activity: 'podcast', grantedBy: 'Dana' });
    expect(badActivity.issues?.[0]?.path).toBe('activity');
    await core.call('references.update', { id: reference.id, contactId: null });
    const noContact = await core.fail('references.grantConsent', { referenceId: reference.id, activity: 'reference_call', grantedBy: 'Dana' });
    expect(noContact).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('has no contact') });
    expect(countRows(core, 'consents')).toBe(0);
  });

  it('shows consents, history and requests in the reference detail', async () => {
    const reference = await nominate();
    await grant(reference.id);
    await core.call('references.move', { id: reference.id, stage: 'nominated', by: 'Sam' });
    await core.call('references.move', { id: reference.id, stage: 'recruited', by: 'Sam' });
    const request = await core.call('requests.create', { referenceId: reference.id, requester: 'Ria Sales', activity: 'reference_call' });
    const detail = await core.call('references.get', { id: reference.id });
    expect(detail.consents.map((c) => [c.activity, c.state])).toEqual([['reference_call', 'valid']]);
    expect(detail.history.map((h) => h.toStage)).toEqual(['candidate', 'nominated', 'recruited']);
    expect(detail.requests.map((r) => [r.id, r.status, r.accountName])).toEqual([[request.id, 'requested', 'Acme Health']]);
    expect((await core.fail('references.get', { id: 999 })).code).toBe('NOT_FOUND');
  });
});
