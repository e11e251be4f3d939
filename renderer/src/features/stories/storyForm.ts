import type { Quote, StoryDetail } from '../../../../shared/contract/stories';

/** The story's words as the editor holds them; products as the user types them, comma-separated. */
export interface StoryFormValues {
  title: string;
  industry: string;
  products: string;
  challenge: string;
  solution: string;
  quotes: Quote[];
}

export const storyToForm = (story: StoryDetail): StoryFormValues => ({
  title: story.title,
  industry: story.industry ?? '',
  products: story.products.join(', '),
  challenge: story.challenge ?? '',
  solution: story.solution ?? '',
  quotes: story.quotes.map((quote) => ({ ...quote })),
});

/** "Service Cloud, , Analytics ,Service Cloud" -> ["Service Cloud", "Analytics"]. */
export const parseProducts = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  ),
];

/** What stories.update takes; blank text is null, and a quote left entirely blank is dropped. */
export function formToUpdate(values: StoryFormValues) {
  const blankToNull = (text: string) => (text.trim() === '' ? null : text);
  return {
    title: values.title,
    industry: blankToNull(values.industry.trim()),
    products: parseProducts(values.products),
    challenge: blankToNull(values.challenge),
    solution: blankToNull(values.solution),
    quotes: values.quotes.filter((quote) => quote.text.trim() || quote.speaker.trim()),
  };
}

export const sameForm = (a: StoryFormValues, b: StoryFormValues) => JSON.stringify(a) === JSON.stringify(b);
