import { describe, expect, it } from 'vitest';
import { describeRule, parseNames, rulesFromDrafts } from './consentRules';

describe('consent rules in the form', () => {
  it('reads names separated by commas, semicolons or lines', () => {
    expect(parseNames(' EMEA, APAC\nLATAM;; EMEA ')).toEqual(['EMEA', 'APAC', 'LATAM']);
    expect(parseNames(' , ')).toEqual([]);
  });

  it('turns drafts into the contract rules, leaving out empty ones', () => {
    expect(
      rulesFromDrafts([
        { kind: 'regionsOnly', names: 'EMEA' },
        { kind: 'excludeIndustries', names: 'Defense, Gambling' },
        { kind: 'excludeProspects', names: '' },
        { kind: 'excludeProspects', names: 'Initech' },
      ]),
    ).toEqual([
      { kind: 'regionsOnly', regions: ['EMEA'] },
      { kind: 'excludeIndustries', industries: ['Defense', 'Gambling'] },
      { kind: 'excludeProspects', names: ['Initech'] },
    ]);
  });

  it('says each rule in words', () => {
    expect(describeRule({ kind: 'regionsOnly', regions: ['EMEA', 'APAC'] })).toBe('Only prospects in EMEA or APAC');
    expect(describeRule({ kind: 'excludeIndustries', industries: ['Defense'] })).toBe('Not for Defense prospects');
    expect(describeRule({ kind: 'excludeProspects', names: ['Initech', 'Globex'] })).toBe('Not for Initech, Globex');
  });
});
