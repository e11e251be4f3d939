import type { Outcome } from '../../../shared/contract/outcomes';
import { resultChange, resultDeltaText, resultPeriod, resultVerification, type StoryDetail } from '../../../shared/contract/stories';

/** One result as the exports print it: the headline figure and the facts that make it credible. */
export interface ResultLine {
  metric: string;
  /** "12 → 4 hours (−67 %)", "12.4 % → 51.6 % (+39.2 pp)", or "not measured yet". */
  figure: string;
  period: string | null;
  method: string | null;
  verification: string;
}

export function resultLine(outcome: Outcome): ResultLine {
  const change = resultChange(outcome);
  const delta = resultDeltaText(outcome);
  return {
    metric: outcome.metric,
    figure: change === null ? 'not measured yet' : delta === null ? change : `${change} (${delta})`,
    period: resultPeriod(outcome),
    method: outcome.method,
    verification: resultVerification(outcome) ?? 'Not verified',
  };
}

/** Why an export before approval says so on its face: a draft must never pass for the approved text. */
export const isDraft = (story: Pick<StoryDetail, 'stage'>) => !['approved', 'published', 'retired'].includes(story.stage);

/** "northwind-cuts-response-times" for file names. */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 60).replace(/-+$/, '') || 'story';
}
