// Deals: the won deal behind every account, deals lost to competitors, expansions and the open
// pipeline, and the reference requests made for them. Deals that used a reference are won more
// often and close faster, which is the effect the leverage metrics look for.

import type { AccountPlan, Timeline } from './accounts';
import type { Gen } from './context';
import { clamp, weighted, type Rng } from './random';
import { CLOSED_REASONS, pickBy, REFERENCE_SAID, type Activity, type ReferenceInfo } from './references';
import { DAY, HOUR, iso, isoDate } from './time';
import { COMPETITORS, companyName, INDUSTRIES, PRODUCTS, USE_CASES, type Region, type Segment } from './vocab/companies';
import { REFERENCE_FEEDBACK } from './vocab/feedback';
import { ACCOUNT_EXECUTIVES, MARKETING } from './vocab/people';

/** Median sales cycle in days, by segment. */
const CYCLE: Record<Segment, number> = { enterprise: 140, mid_market: 70, smb: 30 };
const ARR: Record<Segment, [number, number]> = { enterprise: [250_000, 2_000_000], mid_market: [40_000, 250_000], smb: [6_000, 40_000] };
/** Share of deals that ask for a reference: won deals more often, which is what a reference is for. */
const REFERENCE_USE = { won: 0.38, lost: 0.16, open: 0.3 };
const segmentOf = weighted<Segment>([
  ['enterprise', 18],
  ['mid_market', 37],
  ['smb', 45],
]);
const regionOf = weighted<Region>([
  ['NA', 45],
  ['EMEA', 30],
  ['APAC', 15],
  ['LATAM', 10],
]);
const requestActivity = weighted<Activity>([
  ['reference_call', 70],
  ['peer_review', 12],
  ['site_visit', 8],
  ['case_study', 10],
]);
const OPEN_STAGES = ['qualify', 'discover', 'propose', 'negotiate'] as const;

interface DealSpec {
  accountId: number | null;
  prospect: string;
  industry: string;
  segment: Segment;
  region: string;
  employees: number;
  products: readonly string[];
  amountMinor: number;
  opened: number;
  closed: number | null;
  stage: string;
  competitor: string | null;
}

/** Finds a fitting reference that was active at the time: same industry first, then segment and region. */
function chooseReference(rng: Rng, references: readonly ReferenceInfo[], deal: DealSpec, at: number): ReferenceInfo | null {
  let best: ReferenceInfo | null = null;
  let bestScore = -1;
  for (let tries = 0; tries < 14 && references.length > 0; tries++) {
    const candidate = rng.pick(references);
    if (candidate.activeFrom === null || candidate.activeFrom > at || candidate.accountId === deal.accountId) continue;
    if (candidate.stage !== 'active' && candidate.stage !== 'resting') continue;
    const score = (candidate.industry === deal.industry ? 3 : 0) + (candidate.segment === deal.segment ? 2 : 0) + (candidate.region === deal.region ? 1 : 0) + rng.next();
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function writeDeal(gen: Gen, deal: DealSpec, references: readonly ReferenceInfo[], useChance: number): void {
  const { rng, sink, timeline } = gen;
  const id = gen.id('deals');
  const owner = rng.pick(ACCOUNT_EXECUTIVES);
  const touched = deal.closed ?? Math.min(timeline.today - HOUR, deal.opened + rng.int(1, 20) * DAY);
  sink.deals([
    id,
    deal.accountId,
    deal.prospect,
    deal.industry,
    deal.segment,
    deal.region,
    deal.employees,
    JSON.stringify(deal.products),
    rng.pick(USE_CASES),
    deal.competitor,
    deal.amountMinor,
    'USD',
    deal.stage,
    owner,
    iso(deal.opened),
    deal.closed === null ? null : iso(deal.closed),
    iso(deal.opened),
    iso(touched),
  ]);

  if (!rng.chance(useChance)) return;
  const requested = deal.opened + Math.round(((deal.closed ?? timeline.today) - deal.opened) * rng.float(0.3, 0.7));
  const reference = chooseReference(rng, references, deal, requested);
  if (!reference || requested >= timeline.today - HOUR) return;
  // Only what the contact consented to; a reference call always is.
  const wanted = deal.segment === 'enterprise' && rng.chance(0.3) ? 'site_visit' : requestActivity(rng);
  const activity = reference.activities.includes(wanted) ? wanted : 'reference_call';
  const scheduled = requested + rng.int(3, 12) * DAY;
  const won = deal.stage === 'closed_won';
  let status: string;
  if (deal.closed === null) status = scheduled < timeline.today ? 'scheduled' : rng.pick(['requested', 'approved']);
  else status = rng.chance(0.82) ? 'completed' : rng.chance(0.5) ? 'declined' : 'cancelled';
  const completed = status === 'completed' ? Math.min(scheduled, timeline.today - HOUR) : null;
  const rating = completed === null ? null : clamp(Math.round(rng.normal(won ? 4.5 : 3.6, 0.7)), 1, 5);
  const requestId = gen.id('reference_requests');
  // The lifecycle's who, when and why, derived without drawing from the random stream.
  const soon = (days: number) => Math.min(requested + days * DAY, timeline.today - HOUR);
  const approved = status === 'requested' || status === 'declined' ? null : soon(1);
  const closed = status === 'declined' || status === 'cancelled' ? soon(2) : completed;
  sink.reference_requests([
    requestId,
    reference.id,
    id,
    owner,
    activity,
    iso(requested),
    isoDate(requested + 7 * DAY),
    status,
    status === 'scheduled' || completed !== null ? iso(scheduled) : null,
    completed === null ? null : iso(completed),
    completed === null ? null : 1,
    rating,
    rating === null ? null : rng.pick(REFERENCE_FEEDBACK[rating >= 4 ? 'good' : 'poor']),
    iso(requested),
    iso(closed ?? approved ?? requested),
    approved === null ? null : reference.owner,
    approved === null ? null : iso(approved),
    rating !== null && rating >= 4 ? pickBy(REFERENCE_SAID, requestId) : null,
    status === 'declined' || status === 'cancelled' ? pickBy(CLOSED_REASONS[status], requestId) : null,
    closed === null ? null : iso(closed),
  ]);
}

const cycleDays = (rng: Rng, segment: Segment, withReference: boolean) => Math.max(7, Math.round(rng.logNormal(CYCLE[segment] * (withReference ? 0.8 : 1), 0.4)));

/** The deal each account was won with: it closed the day the contract started. */
export function generateWonDeals(gen: Gen, plans: readonly AccountPlan[], references: readonly ReferenceInfo[]): void {
  for (const plan of plans) {
    const useReference = gen.rng.chance(REFERENCE_USE.won);
    const closed = plan.start - gen.rng.int(1, 10) * DAY + 15 * HOUR;
    const deal: DealSpec = {
      accountId: plan.id,
      prospect: plan.name,
      industry: plan.industry,
      segment: plan.segment,
      region: plan.region,
      employees: plan.employees,
      products: plan.products.slice(0, 1 + gen.rng.int(0, plan.products.length - 1)),
      amountMinor: plan.arrMinor,
      opened: closed - cycleDays(gen.rng, plan.segment, useReference) * DAY - 6 * HOUR,
      closed,
      stage: 'closed_won',
      competitor: gen.rng.chance(0.55) ? gen.rng.pick(COMPETITORS) : null,
    };
    writeDeal(gen, deal, references, useReference ? 1 : 0);
  }
}

/** Lost deals, expansions and open pipeline, spread over the two years. */
export function generateOtherDeals(gen: Gen, plans: readonly AccountPlan[], references: readonly ReferenceInfo[], timeline: Timeline): void {
  const { rng } = gen;
  const lost = Math.round(plans.length * 1.05);
  const open = Math.round(plans.length * 0.15);
  for (let i = 0; i < lost + open; i++) {
    const isOpen = i >= lost;
    const segment = segmentOf(rng);
    const region = regionOf(rng);
    const useReference = rng.chance(isOpen ? REFERENCE_USE.open : REFERENCE_USE.lost);
    const cycle = cycleDays(rng, segment, useReference) * DAY;
    const opened = isOpen
      ? timeline.today - rng.int(5, Math.max(6, Math.round(cycle / DAY))) * DAY + 9 * HOUR
      : timeline.historyStart + rng.next() * (timeline.today - cycle - timeline.historyStart);
    const employees = segment === 'enterprise' ? rng.int(2_500, 60_000) : segment === 'mid_market' ? rng.int(250, 2_500) : rng.int(15, 250);
    const progress = (timeline.today - opened) / cycle;
    writeDeal(
      gen,
      {
        accountId: null,
        prospect: companyName(plans.length + i, timeline.nameOffset, rng.int(0, 99), region).name,
        industry: rng.pick(INDUSTRIES),
        segment,
        region,
        employees,
        products: [PRODUCTS[0], ...rng.sample(PRODUCTS.slice(1), rng.int(0, 2))],
        amountMinor: Math.round(rng.float(...ARR[segment]) / 100) * 10_000,
        opened: Math.round(opened),
        closed: isOpen ? null : Math.round(opened + cycle),
        stage: isOpen ? OPEN_STAGES[clamp(Math.floor(progress * 4), 0, 3)]! : 'closed_lost',
        competitor: isOpen ? (rng.chance(0.6) ? rng.pick(COMPETITORS) : null) : rng.chance(0.85) ? rng.pick(COMPETITORS) : null,
      },
      references,
      useReference ? 1 : 0,
    );
  }

  // Expansions: happy customers buy more after their first half year.
  for (const plan of plans) {
    const firstEligible = plan.start + 200 * DAY;
    if (plan.churn !== null || plan.health < 0.6 || firstEligible >= timeline.today - 30 * DAY || !rng.chance(0.45)) continue;
    const opened = firstEligible + rng.next() * (timeline.today - 30 * DAY - firstEligible);
    const cycle = cycleDays(rng, plan.segment, false) * 0.6 * DAY;
    const closed = opened + cycle < timeline.today ? Math.round(opened + cycle) : null;
    writeDeal(
      gen,
      {
        accountId: plan.id,
        prospect: plan.name,
        industry: plan.industry,
        segment: plan.segment,
        region: plan.region,
        employees: plan.employees,
        products: rng.sample(PRODUCTS.slice(1), 1),
        amountMinor: Math.round((plan.arrMinor * rng.float(0.15, 0.4)) / 10_000) * 10_000,
        opened: Math.round(opened),
        closed,
        stage: closed === null ? 'propose' : rng.chance(0.75) ? 'closed_won' : 'closed_lost',
        competitor: null,
      },
      references,
      0,
    );
  }
}

/** Requests outside deals: press quotes, analyst briefings and conference talks for marketing. */
export function generateProgrammeRequests(gen: Gen, references: readonly ReferenceInfo[], timeline: Timeline): void {
  const { rng, sink } = gen;
  const kinds = ['press_quote', 'analyst_briefing', 'speaking', 'logo_use'] as const;
  for (const reference of references) {
    if (reference.activeFrom === null) continue;
    for (let n = rng.poisson(((timeline.today - reference.activeFrom) / (365 * DAY)) * 0.8); n > 0; n--) {
      const activity = rng.pick(kinds);
      if (!reference.activities.includes(activity)) continue;
      const requested = reference.activeFrom + rng.next() * (timeline.today - DAY - reference.activeFrom);
      const held = requested + rng.int(5, 30) * DAY;
      const done = held < timeline.today;
      const completed = done ? held : null;
      const approved = Math.min(requested + DAY, timeline.today - HOUR);
      sink.reference_requests([
        gen.id('reference_requests'),
        reference.id,
        null,
        rng.pick(MARKETING),
        activity,
        iso(requested),
        null,
        done ? 'completed' : 'approved',
        null,
        completed === null ? null : iso(completed),
        done ? 1 : null,
        done ? rng.int(4, 5) : null,
        null,
        iso(requested),
        iso(completed ?? approved),
        reference.owner,
        iso(approved),
        null,
        null,
        completed === null ? null : iso(completed),
      ]);
    }
  }
}
