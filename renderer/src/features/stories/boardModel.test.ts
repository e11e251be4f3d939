import { expect, it } from 'vitest';
import type { StorySummary } from '../../../../shared/contract/stories';
import { boardColumns, keyStep, stepStage, withStage } from './boardModel';

const story = (id: number, stage: StorySummary['stage']) => ({ id, stage, title: `S${id}` }) as StorySummary;

it('puts each story in its stage column, keeping empty stages', () => {
  const columns = boardColumns([story(1, 'idea'), story(2, 'published'), story(3, 'idea')]);
  expect(columns.map((c) => [c.stage, c.stories.map((s) => s.id)])).toEqual([
    ['idea', [1, 3]],
    ['drafting', []],
    ['customer_review', []],
    ['approved', []],
    ['published', [2]],
    ['retired', []],
  ]);
});

it('steps one stage forward or back and stops at the ends', () => {
  expect(stepStage('idea', 1)).toBe('drafting');
  expect(stepStage('idea', -1)).toBeNull();
  expect(stepStage('retired', 1)).toBeNull();
  expect(stepStage('published', -1)).toBe('approved');
  expect([keyStep('ArrowRight'), keyStep('ArrowLeft'), keyStep('Enter')]).toEqual([1, -1, null]);
});

it('changes one story’s stage without touching the others', () => {
  const before = [story(1, 'idea'), story(2, 'idea')];
  expect(withStage(before, 2, 'drafting').map((s) => s.stage)).toEqual(['idea', 'drafting']);
  expect(before[1]!.stage).toBe('idea');
});
