import { describe, expect, it } from 'vitest';
import { autoMap, mappingProblems, overlay } from './mapping';
import { targetDef } from './targets';

describe('autoMap by name', () => {
  it.each([
    [
      'accounts',
      ['Account Name', 'Account ID', 'Industry', 'Annual Revenue', 'Type', 'Billing Country', 'Account Owner'],
      { name: 'Account Name', externalId: 'Account ID', industry: 'Industry', arrMinor: 'Annual Revenue', segment: 'Type', region: 'Billing Country', owner: 'Account Owner' },
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
  it('a yes/no column becomes the churn flag of accounts', () => {
    expect(
      autoMap(
        targetDef('accounts'),
        ['customer', 'left us'],
        [
          ['a', 'Yes'],
          ['b', 'No'],
        ],
      ).fields,
    ).toMatchObject({ churned: 'left us' });
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
