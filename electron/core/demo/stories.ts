// Success stories, from idea to published, built on an account's measured outcomes and approved
// by the customer, legal, marketing and the account owner before they go out.

import { resultHeadlineSize } from '../../../shared/contract/stories';
import type { AccountPlan } from './accounts';
import type { ContactInfo, Gen } from './context';
import type { OutcomeInfo } from './deployments';
import type { ReferenceInfo } from './references';
import { weighted } from './random';
import { DAY, HOUR, iso } from './time';
import { LEGAL, MARKETING } from './vocab/people';
import { CHALLENGES, QUOTES, SOLUTIONS } from './vocab/success';

type StoryStage = 'idea' | 'drafting' | 'customer_review' | 'approved' | 'published' | 'retired';
const ORDER: readonly StoryStage[] = ['idea', 'drafting', 'customer_review', 'approved', 'published', 'retired'];
const stageOf = weighted<StoryStage>([
  ['published', 38],
  ['approved', 12],
  ['customer_review', 15],
  ['drafting', 15],
  ['idea', 14],
  ['retired', 6],
]);

/** "Northwind Logistics" from "Northwind Logistics GmbH": stories name the brand, not the legal entity. */
const brandOf = (name: string) => name.split(' ').slice(0, 2).join(' ');

export function generateStory(gen: Gen, plan: AccountPlan, contacts: readonly ContactInfo[], outcomes: readonly OutcomeInfo[], reference: ReferenceInfo | null): void {
  const { rng, sink, timeline } = gen;
  if (outcomes.length === 0) return;
  // References with results usually get a story; other happy accounts now and then an idea.
  const isReference = reference !== null && reference.stage !== 'declined' && reference.stage !== 'candidate';
  if (!rng.chance(isReference ? 0.55 : plan.health > 0.7 ? 0.06 : 0)) return;
  const stage: StoryStage = isReference ? stageOf(rng) : 'idea';
  const lead = outcomes.reduce((best, outcome) => (outcome.gain > best.gain ? outcome : best));
  const contact = contacts.find((c) => c.isChampion) ?? contacts[0]!;
  const reached = ORDER.indexOf(stage);

  const begun = Math.min((lead.verifiedAt ?? timeline.today - 120 * DAY) + rng.int(5, 30) * DAY, timeline.today - 60 * DAY);
  const begunAt = Math.max(begun, plan.start + 90 * DAY);
  const step = (timeline.today - DAY - begunAt) / 6;
  const stepAt = (index: number) => begunAt + Math.round(step * index * rng.float(0.8, 1)) + 11 * HOUR;
  const publishedAt = reached >= ORDER.indexOf('published') ? stepAt(4) : null;

  const id = gen.id('success_stories');
  const quotes = reached >= 1 ? [{ text: rng.pick(QUOTES), speaker: `${contact.name}, ${contact.title}` }] : [];
  const title = `How ${brandOf(plan.name)} ${lead.headline} ${resultHeadlineSize(lead)}`;
  sink.success_stories([
    id,
    plan.id,
    title,
    stage,
    plan.industry,
    rng.pick(CHALLENGES),
    rng.pick(SOLUTIONS),
    JSON.stringify(quotes),
    JSON.stringify(plan.products),
    publishedAt === null ? null : iso(publishedAt),
    iso(begunAt),
    iso(stepAt(reached)),
  ]);
  // The headline's result is always one of the story's results, so the title's number is on the page.
  const others = outcomes.filter((outcome) => outcome !== lead);
  for (const outcome of [lead, ...rng.sample(others, rng.int(0, Math.min(1, others.length)))]) sink.story_outcomes([id, outcome.id]);

  // Marketing signs off the draft before the customer sees it; the rest sign before publication.
  if (reached >= ORDER.indexOf('customer_review')) {
    sink.story_approvals([gen.id('story_approvals'), id, rng.pick(MARKETING), 'marketing', iso(stepAt(2)), 'Draft ready for the customer']);
  }
  if (reached >= ORDER.indexOf('approved')) {
    const approvedAt = stepAt(3);
    sink.story_approvals([gen.id('story_approvals'), id, contact.name, 'customer', iso(approvedAt - 2 * DAY), rng.chance(0.4) ? 'Approved with two wording changes' : null]);
    sink.story_approvals([gen.id('story_approvals'), id, LEGAL[0], 'legal', iso(approvedAt - DAY), null]);
    sink.story_approvals([gen.id('story_approvals'), id, plan.owner, 'account_owner', iso(approvedAt), null]);
  }
}
