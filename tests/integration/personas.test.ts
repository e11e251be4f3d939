import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../fixtures/core';
import { countRows } from '../fixtures/domains';

let core: TestCore;
beforeEach(async () => {
  core = await testCore();
});
afterEach(() => core.close());

describe('personas', () => {
  it('round-trips channel preferences through the JSON column', async () => {
    const preferences = { email: 'willing', self_service: 'willing', phone: 'unwilling', in_person: 'neutral' } as const;
    const created = await core.call('personas.create', { name: 'Admin', channelPreferences: preferences });
    expect(created.channelPreferences).toEqual(preferences);
    const stored = core.context.sqlite.prepare('SELECT channel_preferences AS json FROM personas WHERE id = ?').get(created.id) as { json: string };
    expect(JSON.parse(stored.json)).toEqual(preferences);
    expect((await core.call('personas.get', { id: created.id })).channelPreferences).toEqual(preferences);

    // An update replaces the preferences as a whole.
    const updated = await core.call('personas.update', { id: created.id, channelPreferences: { chat: 'willing' } });
    expect(updated.channelPreferences).toEqual({ chat: 'willing' });
    expect((await core.call('personas.list', {})).rows[0]?.channelPreferences).toEqual({ chat: 'willing' });
  });

  it('starts with no preferences', async () => {
    expect((await core.call('personas.create', { name: 'Champion' })).channelPreferences).toEqual({});
  });

  it('refuses an unknown channel or preference and writes nothing', async () => {
    const fax = await core.fail('personas.create', { name: 'Old school', channelPreferences: { fax: 'willing' } });
    expect(fax.code).toBe('BAD_INPUT');
    expect(fax.issues?.[0]?.path).toBe('channelPreferences');
    expect(fax.message).toContain('fax');
    const maybe = await core.fail('personas.create', { name: 'Unsure', channelPreferences: { email: 'sometimes' } });
    expect(maybe.issues?.map((i) => i.path)).toEqual(['channelPreferences.email']);
    const list = await core.fail('personas.create', { name: 'List', channelPreferences: ['email'] });
    expect(list.code).toBe('BAD_INPUT');
    expect(countRows(core, 'personas')).toBe(0);
  });

  it('refuses a second persona with the same name as a conflict', async () => {
    await core.call('personas.create', { name: 'Economic buyer' });
    const error = await core.fail('personas.create', { name: 'Economic buyer' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('name');
    expect(countRows(core, 'personas')).toBe(1);
  });

  it('links contacts to a persona and filters them by it', async () => {
    const account = await core.call('accounts.create', { name: 'Acme' });
    const persona = await core.call('personas.create', { name: 'Admin' });
    await core.call('contacts.create', { accountId: account.id, name: 'Without persona' });
    const linked = await core.call('contacts.create', { accountId: account.id, name: 'With persona', personaId: persona.id, isChampion: true });
    const byPersona = await core.call('contacts.list', { filter: { personaId: persona.id } });
    expect(byPersona.rows.map((r) => r.id)).toEqual([linked.id]);
    expect((await core.call('contacts.list', { filter: { isChampion: true } })).rows.map((r) => r.id)).toEqual([linked.id]);
    expect((await core.call('contacts.list', { filter: { isChampion: false } })).rows.map((r) => r.name)).toEqual(['Without persona']);
  });
});
