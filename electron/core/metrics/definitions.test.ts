import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, metricDefinition } from './definitions';

describe('metric definitions', () => {
  it('ids are unique', () => {
    const ids = METRIC_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(METRIC_DEFINITIONS.map((d) => ({ id: d.id, d })))('$id has a name, a formula and a source', ({ d }) => {
    expect(d.name.length).toBeGreaterThan(2);
    expect(d.formula.length).toBeGreaterThan(10);
    expect(d.source.length).toBeGreaterThan(5);
  });

  it.each([
    { id: 'nps', source: 'Reichheld' },
    { id: 'csat', source: 'Wilson' },
    { id: 'quantile', source: 'Hyndman' },
    { id: 'clv', source: 'Gupta' },
    { id: 'roc', source: 'Peppers' },
    { id: 'valueMap', source: 'Gale' },
  ])('$id names $source', ({ id, source }) => {
    expect(metricDefinition(id)?.source).toContain(source);
  });

  it('an unknown id has no definition', () => {
    expect(metricDefinition('nope')).toBeUndefined();
  });
});
