// One consultant's assessment in the demo (issue 15: without one, the report was never seen on a
// demo): the customer-success maturity starter, answered by three people at the largest account,
// two weeks before the demo's today, with targets and recommendations. Same seed and today, same
// assessment.

import type Database from 'better-sqlite3';
import { getTemplate, seedStarterTemplates } from '../assessments/templates';
import { insertAssessment, insertRespondent, upsertAnswer } from '../assessments/repo';
import { createRng, hashSeed } from './random';
import { DAY, isoDate } from './time';

const TEMPLATE = 'Customer-success maturity';
const RESPONDENTS = [
  { name: 'Dana Whitfield', role: 'VP Customer Success', function: 'Customer success' },
  { name: 'Marco Ruiz', role: 'Head of Support', function: 'Support' },
  { name: 'Priya Natarajan', role: 'Sales Director', function: 'Sales' },
];
const RECOMMENDATIONS = [
  { action: 'Adopt one go-live plan for every new customer, with owners on both sides and dates tracked weekly.', owner: 'Customer success', horizon: '0_3_months' },
  { action: 'Hand over every deal in a joint call, with the promises written down and checked at go-live.', owner: 'Sales', horizon: '3_6_months' },
  { action: 'Review the health score with the renewal owner 120 days before each renewal.', owner: 'Customer success', horizon: '6_12_months' },
] as const;

/** Writes the demo's assessment (and the starter templates); returns its id, or null when the workspace has no account. */
export function writeDemoAssessment(sqlite: Database.Database, today: number, seed: number | string): number | null {
  const account = sqlite.prepare<unknown[], { id: number; name: string }>('SELECT id, name FROM accounts ORDER BY arr_minor DESC, id LIMIT 1').get();
  if (!account) return null;
  const now = new Date(today);
  const stamp = now.toISOString();
  seedStarterTemplates(sqlite, now);
  const templateId = sqlite.prepare<unknown[], { id: number }>('SELECT id FROM assessment_templates WHERE name = ? ORDER BY version DESC LIMIT 1').get(TEMPLATE)!.id;
  const { framework } = getTemplate(sqlite, templateId);
  const rng = createRng(hashSeed(seed, 'assessment'));
  return sqlite.transaction(() => {
    const id = insertAssessment(
      sqlite,
      {
        templateId,
        accountId: account.id,
        clientName: account.name,
        assessedOn: isoDate(today - 14 * DAY),
        assessor: 'Alex Morgan',
        scope: 'Customer success and support, all regions',
        executiveSummary: `${account.name} runs a capable support team, but onboarding depends on who takes the customer: plans, handovers and first value are not the same from one customer to the next. Standardising the go-live plan and the sales handover is the quickest gain.`,
      },
      stamp,
    );
    // Each respondent around the organisation's level, onboarding weaker than the rest, a few "don't know"s.
    const items = framework.dimensions.flatMap((d) => d.items.map((item) => ({ dimension: d.key, key: item.key })));
    const base = new Map(framework.dimensions.map((d) => [d.key, d.key === 'onboarding' ? 1.6 : rng.float(2.2, 3.6)]));
    for (const respondent of RESPONDENTS) {
      const respondentId = insertRespondent(sqlite, id, respondent, stamp);
      for (const item of items) {
        if (rng.chance(0.06)) {
          upsertAnswer(sqlite, id, { respondentId, itemKey: item.key, level: null, nonAnswer: 'dont_know' }, stamp);
          continue;
        }
        const level = Math.min(framework.scale.levels.length, Math.max(1, Math.round(base.get(item.dimension)! + rng.normal(0, 0.7))));
        upsertAnswer(
          sqlite,
          id,
          { respondentId, itemKey: item.key, level, nonAnswer: null, evidence: rng.chance(0.2) ? 'Seen in the shared drive during the interview.' : null },
          stamp,
        );
      }
    }
    const target = sqlite.prepare('INSERT INTO assessment_targets (assessment_id, item_key, level) VALUES (?, ?, ?)');
    for (const item of items.filter((i) => i.dimension === 'onboarding')) target.run(id, item.key, 4);
    const recommend = sqlite.prepare(
      `INSERT INTO assessment_recommendations (assessment_id, position, dimension_key, item_key, action, owner, horizon, expected_effect, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    RECOMMENDATIONS.forEach((r, position) =>
      recommend.run(id, position, position < 2 ? 'onboarding' : 'renewal', null, r.action, r.owner, r.horizon, position === 0 ? 'Faster time to first value' : null, stamp, stamp),
    );
    return id;
  })();
}
