import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../../shared/contract/assessments';
import { addDimension, addItem, linesOf, removeDimension, slugKey } from './templateDraft';

const framework: Framework = {
  description: '',
  scale: {
    levels: [
      { value: 1, label: 'Low' },
      { value: 2, label: 'High' },
    ],
  },
  dimensions: [{ key: 'people', name: 'People', description: '', weight: 1, items: [{ key: 'people-1', statement: 'S', guidance: [], evidencePrompts: [] }] }],
  stages: [
    {
      name: 'Up',
      description: '',
      rules: [
        { kind: 'score', min: 50 },
        { kind: 'dimensionLevel', dimensionKey: 'people', level: 2 },
      ],
    },
  ],
};

describe('template drafts', () => {
  it('makes unique keys from names', () => {
    expect(slugKey('Journey Design!', new Set())).toBe('journey-design');
    expect(slugKey('People', new Set(['people', 'people-2']))).toBe('people-3');
    expect(slugKey('***', new Set())).toBe('item');
  });

  it('adds dimensions and items with fresh keys', () => {
    const more = addItem(addDimension(framework, 'People'), 0);
    expect(more.dimensions.map((d) => d.key)).toEqual(['people', 'people-2']);
    expect(more.dimensions[0]!.items.map((i) => i.key)).toEqual(['people-1', 'people-2-2']);
    expect(more.dimensions[1]!.items.map((i) => i.key)).toEqual(['people-2-1']);
  });

  it('removes a dimension with the stage rules that named it', () => {
    expect(removeDimension(framework, 0).stages[0]!.rules).toEqual([{ kind: 'score', min: 50 }]);
  });

  it('keeps guidance lines in level positions', () => {
    expect(linesOf('a\n\nc\n\n')).toEqual(['a', '', 'c']);
  });
});

describe('template issues in words', () => {
  it('names the dimension, item, stage and field an issue is about', async () => {
    const { issuePlace } = await import('./templateDraft');
    expect(issuePlace(framework, 'framework.dimensions.0.items.0.statement')).toBe('dimension "People" › item 1 › statement');
    expect(issuePlace(framework, 'framework.stages.0.rules.1.dimensionKey')).toBe('stage "Up" › rule 2 › dimension');
    expect(issuePlace(framework, 'framework.scale.levels.1.value')).toBe('scale › level 2 › value');
    expect(issuePlace(framework, 'name')).toBe('name');
  });
});
