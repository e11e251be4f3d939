// Every channel is classified read or write (electron/core/channelAccess.ts): a new verb must be
// put in one list or the other before the core host's reader may, or may not, answer it.
import { describe, expect, it } from 'vitest';
import { accessOf, READ_VERBS, WRITE_VERBS, WRITER_SERVED } from '../../electron/core/channelAccess';
import { contract } from '../../shared/contract';

const channels = Object.keys(contract);
const verbOf = (channel: string) => channel.slice(channel.indexOf('.') + 1);

describe('channel access', () => {
  it('classifies every channel by its verb, in exactly one list', () => {
    const unclassified = channels.filter((channel) => !READ_VERBS.has(verbOf(channel)) && !WRITE_VERBS.has(verbOf(channel)));
    expect(unclassified, 'add the verb to READ_VERBS or WRITE_VERBS in electron/core/channelAccess.ts').toEqual([]);
    expect([...READ_VERBS].filter((verb) => WRITE_VERBS.has(verb))).toEqual([]);
  });

  it('names only channels that exist among the writer-served reads', () => {
    expect([...WRITER_SERVED].filter((channel) => !channels.includes(channel))).toEqual([]);
  });

  it('serves every write, file and job channel from the writer', () => {
    for (const channel of ['accounts.create', 'metrics.rebuild', 'import.commit', 'export.table', 'export.archive', 'jobs.running', 'jobs.cancel', 'identity.set'])
      expect(accessOf(channel), channel).toBe('write');
    // journeys.measure reads: on the reader during a long write, its progress and cancel forwarded (coreHostReaderJobs.test.ts).
    for (const channel of ['accounts.table', 'accounts.list', 'metrics.portfolio', 'health.explain', 'settings.get', 'identity.get', 'journeys.measure'])
      expect(accessOf(channel), channel).toBe('read');
  });
});
