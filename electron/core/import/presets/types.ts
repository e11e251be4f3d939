import type { ImportMapping, ImportTarget } from '../../../../shared/contract/import';

/**
 * A shipped preset as the core keeps it: the mapping the contract lists, plus what detection needs
 * (the columns that mark the export) and the columns a mapping cannot name in advance (a survey's
 * question is its column's header, so its column is found by a rule over the header).
 */
export interface PresetSpec {
  name: string;
  into: ImportTarget;
  description: string;
  mapping: ImportMapping;
  /** The tool whose export this is, as the wizard names it ("Zendesk"). */
  tool: string;
  /** Columns this export always has, in its own spelling: each weighs double in detection. */
  required: readonly string[];
  /** Other columns it usually has besides the mapped ones (detection counts them once). */
  optional?: readonly string[];
  /** Fields whose column is found from the header itself (a question's text, Qualtrics' `Q7_NPS_GROUP`). */
  resolve?: (headers: readonly string[]) => Record<string, string>;
  /** Header rows under the first (Qualtrics writes 2, SurveyMonkey 1): read past, never as data. */
  extraHeaderRows?: number;
}

/** The first header matching a rule (case-insensitive), for `resolve`. */
export function findHeader(headers: readonly string[], rule: RegExp): string | undefined {
  return headers.find((header) => rule.test(header));
}

/** `{ field: column }` for the rules that find a column; fields without one are left out. */
export function resolveByRules(rules: Record<string, RegExp>): (headers: readonly string[]) => Record<string, string> {
  return (headers) => {
    const found: Record<string, string> = {};
    for (const [field, rule] of Object.entries(rules)) {
      const header = findHeader(headers, rule);
      if (header !== undefined && !Object.values(found).includes(header)) found[field] = header;
    }
    return found;
  };
}
