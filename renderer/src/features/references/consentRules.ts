import { CONSENT_RULE_KINDS, type ConsentRule } from '../../../../shared/contract/references';

export type RuleKind = (typeof CONSENT_RULE_KINDS)[number];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  regionsOnly: 'Only prospects in these regions',
  excludeIndustries: 'Not for prospects in these industries',
  excludeProspects: 'Not for these prospects (e.g. competitors of the customer)',
};

/** One rule as the form holds it: its kind and the names as typed. */
export interface RuleDraft {
  kind: RuleKind;
  names: string;
}

/** "EMEA, APAC" or one per line -> ['EMEA', 'APAC'], without blanks or repeats. */
export function parseNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n;]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}

/** The drafts as the contract's rules; a draft with no names is left out (nothing to check). */
export function rulesFromDrafts(drafts: readonly RuleDraft[]): ConsentRule[] {
  return drafts.flatMap((draft): ConsentRule[] => {
    const names = parseNames(draft.names);
    if (names.length === 0) return [];
    if (draft.kind === 'regionsOnly') return [{ kind: 'regionsOnly', regions: names }];
    if (draft.kind === 'excludeIndustries') return [{ kind: 'excludeIndustries', industries: names }];
    return [{ kind: 'excludeProspects', names }];
  });
}

/** A rule in words for the ledger: "Only prospects in EMEA or APAC". */
export function describeRule(rule: ConsentRule): string {
  if (rule.kind === 'regionsOnly') return `Only prospects in ${rule.regions.join(' or ')}`;
  if (rule.kind === 'excludeIndustries') return `Not for ${rule.industries.join(', ')} prospects`;
  return `Not for ${rule.names.join(', ')}`;
}
