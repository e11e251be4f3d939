import { describe, expect, it } from 'vitest';
import { mergeRow } from './merge';

// The per-field rule on its own (docs/team.md "Push, pull and merge"): the same decision the hub's
// team.push makes, with a conflict only when both sides changed a field since they last agreed.

const clock = (ms: number, client = 'a') => `${String(ms).padStart(15, '0')}:00000:${client}`;
const INIT = { '*': clock(1, 'init') };

describe('mergeRow', () => {
  it('takes the hub’s value for every field not changed here', () => {
    const result = mergeRow({ name: 'Acme', industry: 'Retail' }, { name: 'Acme Corp', industry: 'Retail' }, { ...INIT, name: clock(5, 'b') }, new Map(), INIT);
    expect(result).toEqual({ merged: { name: 'Acme Corp', industry: 'Retail' }, conflicts: [], settled: [] });
  });

  it('keeps a later local change, takes a later remote one, and lists both as conflicts when both changed since agreed', () => {
    const local = { industry: 'Aerospace', region: 'APAC' };
    const remote = { industry: 'Biotech', region: 'EMEA' };
    const remoteClocks = { ...INIT, industry: clock(7, 'b'), region: clock(3, 'b') };
    const mine = new Map([
      ['industry', clock(6)],
      ['region', clock(4)],
    ]);
    const result = mergeRow(local, remote, remoteClocks, mine, INIT);
    expect(result.merged).toEqual({ industry: 'Biotech', region: 'APAC' });
    expect(result.conflicts).toEqual([
      { field: 'industry', localValue: 'Aerospace', remoteValue: 'Biotech', localHlc: clock(6), remoteHlc: clock(7, 'b'), loser: 'local' },
      { field: 'region', localValue: 'APAC', remoteValue: 'EMEA', localHlc: clock(4), remoteHlc: clock(3, 'b'), loser: 'remote' },
    ]);
    expect(result.settled).toEqual(['industry']);
  });

  it('a pulled value older than the agreement loses silently: it is the value the local change replaced', () => {
    const result = mergeRow({ region: 'APAC' }, { region: 'EMEA' }, INIT, new Map([['region', clock(4)]]), INIT);
    expect(result).toEqual({ merged: { region: 'APAC' }, conflicts: [], settled: [] });
  });

  it('the same value on both sides is agreed once the hub’s clock has caught up, with no conflict', () => {
    const result = mergeRow({ region: 'APAC' }, { region: 'APAC' }, { ...INIT, region: clock(4) }, new Map([['region', clock(4)]]), INIT);
    expect(result).toEqual({ merged: { region: 'APAC' }, conflicts: [], settled: ['region'] });
  });

  it('a row made here ("*": every field) keeps its values while its clock is the later one', () => {
    const result = mergeRow({ name: 'Mine', note: null }, { name: 'Theirs', note: null }, { '*': clock(2, 'b') }, new Map([['*', clock(3)]]), {});
    expect(result.merged).toEqual({ name: 'Mine', note: null });
    expect(result.conflicts.map((c) => c.loser)).toEqual(['remote']);
  });
});
