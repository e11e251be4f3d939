import { expect, it } from 'vitest';
import type { StoryDetail } from '../../../../shared/contract/stories';
import { formToUpdate, parseProducts, sameForm, storyToForm } from './storyForm';

const story = {
  title: 'T',
  industry: null,
  products: ['A', 'B'],
  challenge: 'C',
  solution: null,
  quotes: [{ text: 'Q', speaker: 'S' }],
} as unknown as StoryDetail;

it('reads products as a comma-separated list, once each', () => {
  expect(parseProducts('Service Cloud, , Analytics ,Service Cloud')).toEqual(['Service Cloud', 'Analytics']);
  expect(parseProducts('  ')).toEqual([]);
});

it('turns the editor’s values into an update, blanks as null, empty quotes dropped', () => {
  const values = storyToForm(story);
  expect(values).toMatchObject({ industry: '', products: 'A, B', solution: '' });
  values.quotes.push({ text: ' ', speaker: '' });
  expect(formToUpdate(values)).toEqual({ title: 'T', industry: null, products: ['A', 'B'], challenge: 'C', solution: null, quotes: [{ text: 'Q', speaker: 'S' }] });
  // A half-filled quote is kept so the core can say what is missing.
  values.quotes.push({ text: 'Said', speaker: '' });
  expect(formToUpdate(values).quotes).toHaveLength(2);
});

it('tells unsaved changes apart', () => {
  const values = storyToForm(story);
  expect(sameForm(values, storyToForm(story))).toBe(true);
  values.quotes[0]!.speaker = 'Other';
  expect(sameForm(values, storyToForm(story))).toBe(false);
});
