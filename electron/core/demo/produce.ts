// Every row of a demo workspace, in order, into a sink: the catalogue, then account by account
// (each with its own random stream), then the deals that need every account and reference. Pure
// generation with no database, so it runs on the core's thread or on the demo's generation thread
// (produceThread.ts) while the core's thread writes.

import { addMonthsRollingOver } from '../../../shared/dates';
import { accountRow, planAccount, type AccountPlan, type Timeline } from './accounts';
import { generateArrHistory } from './arrHistory';
import { writeCatalog } from './catalogWriter';
import { generateContacts } from './contacts';
import { createIds, type Gen } from './context';
import { generateOtherDeals, generateProgrammeRequests, generateWonDeals } from './deals';
import { generateDeployments, generateOutcomes } from './deployments';
import { createRng, hashSeed } from './random';
import { generateReference, type ReferenceInfo } from './references';
import type { Sink } from './rows';
import { generateStory } from './stories';
import { generateSurveys } from './surveys';
import { generateTickets } from './tickets';
import { DAY, iso, parseDay } from './time';
import { generateTouchpoints } from './touchpoints';

/** The generator's default span of history: two years (every test's demo). */
export const DEMO_YEARS = 2;

export interface ProduceOptions {
  accounts: number;
  seed: number | string;
  /** YYYY-MM-DD. */
  today: string;
  /** Years of history before today (default 2). */
  years?: number;
}

export function produceRows(sink: Sink, { accounts, seed, today: todayText, years = DEMO_YEARS }: ProduceOptions): void {
  const today = parseDay(todayText);
  const id = createIds();
  const timeline: Timeline = { today, historyStart: addMonthsRollingOver(today, -12 * years), nameOffset: hashSeed(seed, 'names') };
  const catalog = writeCatalog(sink, id, timeline.historyStart - 30 * DAY);
  // The default's row is unchanged (years named only when not 2), so older demos read the same.
  sink.settings(['demo', JSON.stringify({ seed, accounts, today: todayText, ...(years === DEMO_YEARS ? {} : { years }) }), iso(today - DAY)]);
  const base = { sink, id, timeline, ...catalog };

  const plans: AccountPlan[] = [];
  const references: ReferenceInfo[] = [];
  for (let accountId = 1; accountId <= accounts; accountId++) {
    const gen: Gen = { ...base, rng: createRng(hashSeed(seed, 'account', accountId)) };
    const plan = planAccount(gen.rng, accountId, timeline);
    sink.accounts(accountRow(plan, gen.rng, today));
    generateArrHistory(sink, id, plan, seed, today);
    const contacts = generateContacts(gen, plan);
    const deployments = generateDeployments(gen, plan);
    const outcomes = generateOutcomes(gen, plan, deployments, contacts);
    const touchpoints = generateTouchpoints(gen, plan, contacts);
    generateTickets(gen, plan, contacts);
    generateSurveys(gen, plan, contacts, touchpoints);
    const reference = generateReference(gen, plan, contacts, deployments);
    if (reference) references.push(reference);
    generateStory(gen, plan, contacts, outcomes, reference);
    plans.push(plan);
  }

  const dealGen: Gen = { ...base, rng: createRng(hashSeed(seed, 'deals')) };
  generateWonDeals(dealGen, plans, references);
  generateOtherDeals(dealGen, plans, references, timeline);
  generateProgrammeRequests(dealGen, references, timeline);
}
