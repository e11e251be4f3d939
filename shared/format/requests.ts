// The requests-past-SLA figure in words, one wording for Requests and Influence (issue 15: they once
// showed 87 and 31). The count itself is shared/requestSla.ts's definition; metrics.display writes
// the same text in the page's locale, so the cross-screen test compares screens with the core's words.

import { formatInteger } from './format';

export interface PastSlaText {
  /** The count alone, as Influence shows it: "87", "1,204". */
  count: string;
  /** The Requests toolbar's sentence: "87 awaiting an answer past the 3-day SLA". */
  summary: string;
}

export function pastSlaText(count: number, slaDays: number, locale?: string): PastSlaText {
  const shown = formatInteger(count, locale);
  const sla = `${formatInteger(slaDays, locale)}-day SLA`;
  return { count: shown, summary: count === 0 ? `No request awaiting an answer past the ${sla}` : `${shown} awaiting an answer past the ${sla}` };
}
