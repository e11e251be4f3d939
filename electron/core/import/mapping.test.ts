import { describe, expect, it } from 'vitest';
import { autoMap, mappingProblems, overlay, suggestMapping } from './mapping';
import { targetDef } from './targets';

describe('autoMap by name', () => {
  it.each([
    [
      'accounts',
      // Salesforce's Type (Customer, Prospect, Partner) is not a segment: left unmapped.
      ['Account Name', 'Account ID', 'Industry', 'Annual Revenue', 'Type', 'Billing Country', 'Account Owner'],
      { name: 'Account Name', externalId: 'Account ID', industry: 'Industry', arrMinor: 'Annual Revenue', region: 'Billing Country', owner: 'Account Owner' },
    ],
    [
      'tickets',
      ['Id', 'Requester', 'Created at', 'First reply time in minutes', 'Solved at', 'Priority', 'Via', 'Satisfaction Score', 'Tags', 'Organization'],
      {
        externalId: 'Id',
        openedAt: 'Created at',
        firstResponseMinutes: 'First reply time in minutes',
        resolvedAt: 'Solved at',
        priority: 'Priority',
        channel: 'Via',
        csat: 'Satisfaction Score',
        topic: 'Tags',
        account: 'Organization',
      },
    ],
    ['surveyResponses', ['Response ID', 'NPS', 'Comment', 'Email', 'Created'], { score: 'NPS', comment: 'Comment', contactEmail: 'Email', respondedAt: 'Created' }],
  ] as const)('%s', (target, headers, fields) => {
    expect(autoMap(targetDef(target), headers, []).fields).toEqual(fields);
  });
});

describe('autoMap by content', () => {
  it('finds the date column and the 0-10 score column when the names say nothing', () => {
    const sample = [
      ['x1', '03/01/2026', '9'],
      ['x2', '03/02/2026', '10'],
    ];
    expect(autoMap(targetDef('surveyResponses'), ['ref', 'when it happened', 'how likely'], sample).fields).toEqual({ respondedAt: 'when it happened', score: 'how likely' });
  });
  it('a yes/no column is never the churn flag by content alone (SeniorCitizen is yes/no too)', () => {
    const sample = [
      ['a', '0', 'Yes'],
      ['b', '1', 'No'],
    ];
    expect(autoMap(targetDef('accounts'), ['customer', 'SeniorCitizen', 'left us'], sample).fields).not.toHaveProperty('churned');
    expect(autoMap(targetDef('accounts'), ['customer', 'SeniorCitizen', 'Churn Flag'], sample).fields).toMatchObject({ churned: 'Churn Flag' });
  });
});

describe('autoMap checks values before a name match', () => {
  it('keeps a named column only when its values fit, and says why not', () => {
    const sample = [
      ['1', 'Good', '2026-01-02'],
      ['2', 'Bad', '2026-01-03'],
    ];
    const { mapping, suggestions } = suggestMapping(targetDef('tickets'), ['Id', 'Satisfaction Score', 'Created at'], sample);
    expect(mapping.fields).toEqual({ externalId: 'Id', openedAt: 'Created at' });
    expect(suggestions[1]).toMatchObject({ column: 'Satisfaction Score', field: null, confidence: 0 });
    expect(suggestions[1]!.reason).toContain("'Good'");
    expect(suggestions[2]).toMatchObject({ field: 'openedAt' });
    expect(suggestions[2]!.confidence).toBeGreaterThan(0.8);
  });
});

describe('overlay and problems', () => {
  it('the caller replaces or removes a preset field', () => {
    const base = { fields: { name: 'A', region: 'B' }, defaults: { segment: 'smb' } };
    expect(overlay(base, { fields: { region: '', owner: 'C' } })).toEqual({ fields: { name: 'A', owner: 'C' }, defaults: { segment: 'smb' } });
  });
  it('names unknown fields and absent columns', () => {
    expect(mappingProblems(targetDef('accounts'), { fields: { nmae: 'A', name: 'Missing' } }, ['A'])).toEqual([
      "'nmae' is not a field of accounts (fields: name, externalId, industry, segment, region, employeeCount, arrMinor, currency, grossMarginPct, owner, lifecycleStage, contractStart, renewalDate, churnedAt, churned, churnReason, tags)",
      "column 'Missing' (for name) is not in the file",
    ]);
  });
});
