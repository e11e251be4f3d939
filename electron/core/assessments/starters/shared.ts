import type { FrameworkInput } from '../../../../shared/contract/assessments';

type ItemInput = FrameworkInput['dimensions'][number]['items'][number];

/** The five-level scale all starter templates share, in Fulcrum's own words. */
export const FIVE_LEVELS: FrameworkInput['scale'] = {
  levels: [
    { value: 1, label: 'Initial' },
    { value: 2, label: 'Developing' },
    { value: 3, label: 'Defined' },
    { value: 4, label: 'Managed' },
    { value: 5, label: 'Leading' },
  ],
};

/** An item with guidance for each of the five levels, lowest first. */
export function item(key: string, statement: string, guidance: [string, string, string, string, string], evidencePrompts: string[] = [], weight?: number): ItemInput {
  return weight === undefined ? { key, statement, guidance, evidencePrompts } : { key, statement, guidance, evidencePrompts, weight };
}

/** Stages every starter uses: thresholds on the overall score, plus a floor rule on one dimension. */
export function standardStages(floorDimensionKey: string, floorName: string): FrameworkInput['stages'] {
  return [
    { name: 'Reactive', description: 'Work happens case by case; results depend on individuals.', rules: [{ kind: 'score', min: 0 }] },
    { name: 'Organised', description: 'Shared practices exist and are followed in most teams.', rules: [{ kind: 'score', min: 40 }] },
    {
      name: 'Systematic',
      description: `Practices are measured and managed, and ${floorName.toLowerCase()} is nowhere below "Defined".`,
      rules: [
        { kind: 'score', min: 60 },
        { kind: 'dimensionLevel', dimensionKey: floorDimensionKey, level: 3 },
      ],
    },
    { name: 'Differentiating', description: 'The practice is a recognised strength that customers notice.', rules: [{ kind: 'score', min: 80 }] },
  ];
}
