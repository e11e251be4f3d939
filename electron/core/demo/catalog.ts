// The fixed part of a demo workspace: personas with their ideal experience, and one measured
// journey map. Plain data; writing it is the writer's job.

import type { Channel } from '../../../shared/contract/common';
import type { MatchRule, Target } from '../../../shared/contract/journeys';

export type Preference = 'willing' | 'neutral' | 'unwilling';
export type TouchpointKind = 'onboarding' | 'implementation' | 'training' | 'support' | 'qbr' | 'renewal' | 'marketing' | 'social';

export interface PersonaSpec {
  name: string;
  description: string;
  preferences: Record<Channel, Preference>;
  titles: readonly string[];
}

const prefs = (
  phone: Preference,
  email: Preference,
  chat: Preference,
  self_service: Preference,
  community: Preference,
  in_person: Preference,
  webinar: Preference,
): Record<Channel, Preference> => ({ phone, email, chat, self_service, community, in_person, webinar });

/** Order matters: contacts.ts relies on 0 = the champion's persona and 1 = the sponsor's. */
export const PERSONAS: readonly PersonaSpec[] = [
  {
    name: 'Support Operations Lead',
    description: 'Runs the support team day to day; owns SLAs, routing and tooling. Usually the champion.',
    preferences: prefs('neutral', 'willing', 'willing', 'willing', 'neutral', 'neutral', 'willing'),
    titles: ['Head of Customer Support', 'Support Operations Manager', 'Director of Customer Service', 'Customer Care Manager'],
  },
  {
    name: 'Executive Sponsor',
    description: 'Signs the contract and cares about outcomes and cost, not features. Short on time.',
    preferences: prefs('willing', 'willing', 'unwilling', 'unwilling', 'unwilling', 'willing', 'neutral'),
    titles: ['VP Customer Experience', 'Chief Customer Officer', 'COO', 'CIO'],
  },
  {
    name: 'IT Administrator',
    description: 'Sets up SSO, integrations and permissions; prefers written, asynchronous help.',
    preferences: prefs('unwilling', 'willing', 'willing', 'willing', 'willing', 'unwilling', 'neutral'),
    titles: ['IT Manager', 'Systems Administrator', 'Head of IT'],
  },
  {
    name: 'Frontline Agent',
    description: 'Lives in the agent workspace all day; wants quick answers without leaving it.',
    preferences: prefs('unwilling', 'neutral', 'willing', 'willing', 'willing', 'unwilling', 'willing'),
    titles: ['Support Team Lead', 'Senior Support Agent', 'Customer Service Representative'],
  },
  {
    name: 'Developer',
    description: 'Builds integrations on the API; reads docs first, asks the community second.',
    preferences: prefs('unwilling', 'neutral', 'neutral', 'willing', 'willing', 'unwilling', 'neutral'),
    titles: ['Integration Developer', 'Software Engineer', 'Solutions Architect'],
  },
  {
    name: 'Procurement Manager',
    description: 'Negotiates the contract and renewal; wants everything in writing.',
    preferences: prefs('neutral', 'willing', 'unwilling', 'unwilling', 'unwilling', 'neutral', 'unwilling'),
    titles: ['Procurement Manager', 'Vendor Manager'],
  },
];

export interface JourneyTouchpointSpec {
  name: string;
  channel: Channel;
  ownerTeam: string;
  lane: 'front' | 'back';
  momentOfTruth: boolean;
  idealExperience: string;
  target?: Target;
  /** Which recorded facts this journey touchpoint is measured on (journeys/rules.ts); null: only interactions linked by hand. */
  matchRule: MatchRule | null;
  /** Touchpoints of these kinds are linked to this journey touchpoint when generated. */
  links?: TouchpointKind;
}

export interface JourneyStageSpec {
  name: string;
  description: string;
  touchpoints: readonly JourneyTouchpointSpec[];
}

const tp = (name: string, channel: Channel, ownerTeam: string, idealExperience: string, extra: Partial<JourneyTouchpointSpec> = {}): JourneyTouchpointSpec => ({
  name,
  channel,
  ownerTeam,
  lane: 'front',
  momentOfTruth: false,
  idealExperience,
  matchRule: null,
  ...extra,
});

export const JOURNEY = {
  name: 'Support team: from need to advocacy',
  description: 'The journey of a support operations lead, from noticing the need for a better service desk until they recommend Helio to peers.',
  persona: 'Support Operations Lead',
  stages: [
    {
      name: 'Aware',
      description: 'Notices that the current tooling holds the team back.',
      touchpoints: [
        tp('Industry webinar', 'webinar', 'Marketing', 'Learns something useful even without buying.', {
          matchRule: { source: 'touchpoints', kind: 'marketing' },
          links: 'marketing',
        }),
        tp('Peer reviews and analyst reports', 'self_service', 'Marketing', 'Finds honest reviews from similar companies.'),
      ],
    },
    {
      name: 'Evaluate',
      description: 'Compares vendors and builds the business case.',
      touchpoints: [
        tp('Discovery call', 'phone', 'Sales', 'Talks to someone who understands support operations.'),
        tp('Reference call with a peer', 'phone', 'Marketing', 'Hears the truth from a customer in the same industry.', { momentOfTruth: true }),
      ],
    },
    {
      name: 'Buy',
      description: 'Negotiates and signs.',
      touchpoints: [
        tp('Proposal and pricing', 'email', 'Sales', 'A clear quote without surprises.'),
        tp('Contract signature', 'email', 'Legal', 'Standard terms, signed electronically in days.', { lane: 'back' }),
      ],
    },
    {
      name: 'Onboard',
      description: 'Plans the rollout with the customer-success team.',
      touchpoints: [
        tp('Kickoff meeting', 'in_person', 'Customer Success', 'Goals, owners and a dated plan by the end of the meeting.', {
          momentOfTruth: true,
          target: { metric: 'sentiment', operator: '>=', value: 1 },
          matchRule: { source: 'touchpoints', kind: 'onboarding' },
          links: 'onboarding',
        }),
        tp('Success plan', 'email', 'Customer Success', 'A written plan they can show their boss.', { lane: 'back' }),
      ],
    },
    {
      name: 'Implement',
      description: 'Configures, migrates and goes live.',
      touchpoints: [
        tp('Implementation workshop', 'in_person', 'Professional Services', 'Decisions made in the room, not in email threads.', {
          target: { metric: 'sentiment', operator: '>=', value: 0.5 },
          matchRule: { source: 'touchpoints', kind: 'implementation' },
          links: 'implementation',
        }),
        tp('Go-live', 'phone', 'Professional Services', 'Goes live on the planned date with no lost tickets.', {
          momentOfTruth: true,
          target: { metric: 'time_to_go_live_days', operator: '<=', value: 90 },
          matchRule: { source: 'deployments' },
        }),
      ],
    },
    {
      name: 'Adopt',
      description: 'Rolls out to every agent and builds habits.',
      touchpoints: [
        tp('Admin and agent training', 'webinar', 'Education', 'Short sessions that fit around shifts.', {
          target: { metric: 'csat', operator: '>=', value: 4.3 },
          matchRule: { source: 'touchpoints', kind: 'training' },
          links: 'training',
        }),
        tp('Quarterly business review', 'in_person', 'Customer Success', 'Numbers on value delivered, and a plan for the next quarter.', {
          target: { metric: 'sentiment', operator: '>=', value: 1 },
          matchRule: { source: 'touchpoints', kind: 'qbr' },
          links: 'qbr',
        }),
      ],
    },
    {
      name: 'Get support',
      description: 'Gets help when something breaks.',
      touchpoints: [
        tp('Open a ticket', 'email', 'Support', 'A human answer within four hours.', {
          momentOfTruth: true,
          target: { metric: 'first_response_hours', operator: '<=', value: 4 },
          matchRule: { source: 'tickets' },
        }),
        tp('Ticket resolved', 'chat', 'Support', 'Fixed for good, first time.', {
          target: { metric: 'csat', operator: '>=', value: 4.5 },
          matchRule: { source: 'surveyResponses', surveyKind: 'csat', triggeredBy: 'ticket' },
        }),
        tp('Escalation call', 'phone', 'Support', 'A senior engineer who already knows the history.', {
          target: { metric: 'ces', operator: '<=', value: 3 },
          matchRule: { source: 'touchpoints', kind: 'support' },
          links: 'support',
        }),
      ],
    },
    {
      name: 'Renew',
      description: 'Decides whether to stay, grow or leave.',
      touchpoints: [
        tp('Renewal conversation', 'in_person', 'Customer Success', 'A renewal that reflects the value they got.', {
          momentOfTruth: true,
          target: { metric: 'nps', operator: '>=', value: 30 },
          matchRule: { source: 'touchpoints', kind: 'renewal' },
          links: 'renewal',
        }),
        tp('Renewal paperwork', 'email', 'Finance', 'Invoice right the first time.', { lane: 'back' }),
      ],
    },
    {
      name: 'Advocate',
      description: 'Recommends Helio to peers.',
      touchpoints: [
        tp('Community contribution', 'community', 'Community', 'Recognised for helping others.', { matchRule: { source: 'touchpoints', kind: 'social' }, links: 'social' }),
        tp('Speaks for Helio', 'phone', 'Marketing', 'Asked rarely, thanked always.'),
      ],
    },
  ] satisfies readonly JourneyStageSpec[],
} as const;
