// Issue 16: a missing category (an account whose segment is unknown, migration 0010) is missing, not
// the reference level: its level columns take the training shares and a "missing" column marks it.
import { describe, expect, it } from 'vitest';
import { designRow, specFor, type RawFeature, type RawValue } from './design';

const SEGMENT: RawFeature[] = [{ key: 'segment', label: 'segment', category: true }];
const row = (spec: ReturnType<typeof specFor>, value: RawValue) => {
  const out = new Float64Array(spec.columns.length);
  designRow(spec, [value], out);
  return Array.from(out);
};

describe('a category with unknown values', () => {
  // Training: smb 3, enterprise 2, mid_market 1, unknown 2 (six known).
  const training: RawValue[][] = ['smb', 'smb', 'smb', 'enterprise', 'enterprise', 'mid_market', null, null].map((v) => [v]);
  const spec = specFor(SEGMENT, training);

  it('gets a level column per level but the most frequent, filled with its share of the known rows, and a missing column', () => {
    expect(spec.columns).toEqual([
      { name: 'segment=enterprise', source: 0, kind: 'level', level: 'enterprise', fill: 2 / 6 },
      { name: 'segment=mid_market', source: 0, kind: 'level', level: 'mid_market', fill: 1 / 6 },
      { name: 'segment missing', source: 0, kind: 'missing' },
    ]);
  });

  it('an unknown value is the shares and the missing mark, not the reference level', () => {
    expect(row(spec, null)).toEqual([2 / 6, 1 / 6, 1]);
    expect(row(spec, 'smb')).toEqual([0, 0, 0]);
    expect(row(spec, 'enterprise')).toEqual([1, 0, 0]);
    // A level unseen in training reads as the reference, known (as before).
    expect(row(spec, 'partner')).toEqual([0, 0, 0]);
  });

  it('no missing column when every training row is known, or none is', () => {
    const known = specFor(SEGMENT, [['smb'], ['smb'], ['enterprise']]);
    expect(known.columns.map((c) => c.name)).toEqual(['segment=enterprise']);
    expect(specFor(SEGMENT, [[null], [null]]).columns).toEqual([]);
  });

  it('a model stored before this rule (level columns without a fill) scores unknown as it did: 0', () => {
    const old = { ...spec, columns: spec.columns.filter((c) => c.kind === 'level').map(({ fill: _fill, ...c }) => c) };
    expect(row(old, null)).toEqual([0, 0]);
  });
});
