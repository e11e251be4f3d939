// One account's plan: who they are and, through a latent health in [0, 1], how their story goes.
// Every other generator reads the plan, so churners, promoters and stalled projects line up.

import { clamp, weighted, type Rng } from './random';
import type { AccountRow } from './rows';
import { addMonthsRollingOver } from '../../../shared/dates';
import { DAY, HOUR, iso, isoDate, monthsBetween } from './time';
import { CHURN_REASONS_ANY, CHURN_REASONS_UNHAPPY } from './vocab/feedback';
import { companyName, INDUSTRIES, PRODUCTS, type Product, type Region, type Segment } from './vocab/companies';
import { CSMS, SENIOR_CSMS } from './vocab/people';

export interface Timeline {
  /** The reference "today" (midnight UTC): nothing happens after it. */
  today: number;
  /** Two years before today: the start of the recorded history. */
  historyStart: number;
  /** Shifts the company-name sequence per seed. */
  nameOffset: number;
}

export interface AccountPlan {
  id: number;
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  region: Region;
  employees: number;
  arrMinor: number;
  owner: string;
  /** Latent health, 0 (lost cause) to 1 (would go on stage for us). */
  health: number;
  products: Product[];
  /** Contract start, midnight UTC. */
  start: number;
  /** The day the contract ended, for churned accounts. */
  churn: number | null;
  churnReason: string | null;
  /** Activity stops here: the churn date or today. */
  end: number;
  renewal: number;
  lifecycle: string;
  tags: string[];
  /** When the CRM record was created (the deal was opened a while before the contract). */
  createdAt: number;
}

const segmentOf = weighted<Segment>([
  ['enterprise', 15],
  ['mid_market', 35],
  ['smb', 50],
]);
const regionOf = weighted<Region>([
  ['NA', 45],
  ['EMEA', 30],
  ['APAC', 15],
  ['LATAM', 10],
]);

/** Employees and ARR in USD: log-uniform within the segment's range. */
const SIZE: Record<Segment, { employees: [number, number]; arr: [number, number]; churnFactor: number }> = {
  enterprise: { employees: [2_500, 80_000], arr: [250_000, 2_400_000], churnFactor: 0.6 },
  mid_market: { employees: [250, 2_500], arr: [40_000, 250_000], churnFactor: 1 },
  smb: { employees: [15, 250], arr: [6_000, 40_000], churnFactor: 1.25 },
};

const logUniform = (rng: Rng, [min, max]: [number, number]) => Math.exp(rng.float(Math.log(min), Math.log(max)));

/** Chance of not renewing at an anniversary: low for healthy accounts, steep below ~0.4. */
export const churnChance = (health: number, segment: Segment) => clamp((0.06 + 0.75 / (1 + Math.exp((health - 0.4) / 0.06))) * SIZE[segment].churnFactor, 0, 0.95);

/** Satisfaction at a moment: an account on its way out sours over its last six months. */
export function healthAt(plan: AccountPlan, at: number): number {
  if (plan.churn === null) return plan.health;
  const slide = clamp(1 - (plan.churn - at) / (180 * DAY), 0, 1);
  return clamp(plan.health - 0.22 * slide, 0, 1);
}

export function planAccount(rng: Rng, id: number, timeline: Timeline): AccountPlan {
  const { today, historyStart } = timeline;
  const segment = segmentOf(rng);
  const region = regionOf(rng);
  const { name, domain } = companyName(id - 1, timeline.nameOffset, rng.int(0, 99), region);
  const health = clamp(rng.normal(0.63, 0.17), 0.03, 0.98);
  const size = SIZE[segment];
  const employees = Math.round(logUniform(rng, size.employees));
  // Healthy accounts have expanded a little; ARR is rounded to whole hundreds of dollars.
  const arrMinor = Math.round((logUniform(rng, size.arr) * (0.85 + 0.3 * health)) / 100) * 100 * 100;

  // Contract starts spread over the two years, tilted towards recent quarters (a growing company);
  // the newest customers signed three weeks ago.
  const span = today - 21 * DAY - historyStart;
  const start = historyStart + Math.floor((span * rng.next() ** 0.85) / DAY) * DAY;

  let churn: number | null = null;
  const firstAnniversary = addMonthsRollingOver(start, 12);
  const pChurn = churnChance(health, segment);
  if (firstAnniversary <= today && rng.chance(pChurn)) {
    churn = firstAnniversary - rng.int(0, 20) * DAY;
  } else if (monthsBetween(start, today) >= 5 && rng.chance(pChurn * 0.2)) {
    // An early termination: rarer, and only after a few months of trying.
    churn = start + Math.floor(rng.float(4 * 30, Math.min(11 * 30, (today - start) / DAY - 1))) * DAY;
  }
  const churnReason = churn === null ? null : rng.chance(health < 0.45 ? 0.8 : 0.3) ? rng.pick(CHURN_REASONS_UNHAPPY) : rng.pick(CHURN_REASONS_ANY);
  const end = churn ?? today;

  // The renewal ahead, or for a churned account the renewal that did not happen.
  let renewal = firstAnniversary;
  while (churn === null ? renewal <= today : renewal < churn) renewal = addMonthsRollingOver(renewal, 12);

  const extra = segment === 'enterprise' ? rng.int(1, 3) : segment === 'mid_market' ? rng.int(0, 2) : rng.chance(0.25) ? 1 : 0;
  const addOns = rng.sample(PRODUCTS.slice(1), Math.round(extra * (0.6 + 0.6 * health)));
  const products: Product[] = [PRODUCTS[0], ...addOns];

  const owner = segment === 'enterprise' && rng.chance(0.75) ? rng.pick(SENIOR_CSMS) : segment === 'smb' && rng.chance(0.7) ? rng.pick(CSMS.slice(3)) : rng.pick(CSMS);
  const tenureDays = (today - start) / DAY;
  const lifecycle =
    churn !== null
      ? 'churned'
      : tenureDays < 90
        ? 'onboarding'
        : health < 0.4
          ? 'at_risk'
          : renewal - today <= 90 * DAY
            ? 'renewal'
            : tenureDays > 270 && health > 0.66
              ? 'growth'
              : 'adoption';

  const tags: string[] = [];
  if (segment === 'enterprise' && rng.chance(0.5)) tags.push('strategic');
  if (products.length > 1) tags.push('multi-product');
  if (churn === null && health > 0.75 && rng.chance(0.5)) tags.push('expansion-candidate');
  if (churn === null && health < 0.45) tags.push('watch-list');
  if (rng.chance(0.06)) tags.push('beta-program');

  return {
    id,
    name,
    domain,
    industry: rng.pick(INDUSTRIES),
    segment,
    region,
    employees,
    arrMinor,
    owner,
    health,
    products,
    start,
    churn,
    churnReason,
    end,
    renewal,
    lifecycle,
    tags,
    createdAt: start - rng.int(20, 120) * DAY + rng.int(8, 18) * HOUR + rng.int(0, 3599) * 1000,
  };
}

export function accountRow(plan: AccountPlan, rng: Rng, today: number): AccountRow {
  const updated = Math.min((plan.churn ?? Math.max(plan.start, today - rng.int(1, 60) * DAY)) + 10 * HOUR, today - HOUR);
  return [
    plan.id,
    plan.name,
    `CRM-${String(100_000 + plan.id)}`,
    plan.industry,
    plan.segment,
    plan.region,
    plan.employees,
    plan.arrMinor,
    'USD',
    Math.round(clamp(rng.normal(74, 6), 45, 92) * 10) / 10,
    plan.owner,
    plan.lifecycle,
    isoDate(plan.start),
    isoDate(plan.renewal),
    plan.churn === null ? null : isoDate(plan.churn),
    plan.churnReason,
    JSON.stringify(plan.tags),
    iso(plan.createdAt),
    iso(updated),
  ];
}
