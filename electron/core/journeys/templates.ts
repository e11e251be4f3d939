import { DEFAULT_STAGES, type JourneyTouchpoint } from '../../../shared/contract/journeys';

export type TemplateTouchpoint = Pick<JourneyTouchpoint, 'name' | 'channel' | 'ownerTeam' | 'lane' | 'isMomentOfTruth' | 'idealExperience' | 'target' | 'matchRule'>;

const card = (name: string, fields: Partial<TemplateTouchpoint>): TemplateTouchpoint => ({
  name,
  channel: null,
  ownerTeam: null,
  lane: 'front',
  isMomentOfTruth: false,
  idealExperience: null,
  target: null,
  matchRule: null,
  ...fields,
});

/**
 * The customer-experience delivery system as a starting map: the default stages, and the six
 * delivery services (onboarding, implementation, training, technical support, premium support,
 * social engagement) placed where the customer meets them, each with a measurable promise.
 */
const CX_DELIVERY: Record<string, TemplateTouchpoint[]> = {
  Onboard: [
    card('Onboarding kickoff', {
      channel: 'in_person',
      ownerTeam: 'Customer Success',
      isMomentOfTruth: true,
      idealExperience: 'Goals, owners and a dated plan agreed by the end of the first meeting.',
      target: { metric: 'sentiment', operator: '>=', value: 1 },
      matchRule: { source: 'touchpoints', kind: 'onboarding' },
    }),
  ],
  Implement: [
    card('Implementation workshops', {
      channel: 'in_person',
      ownerTeam: 'Professional Services',
      idealExperience: 'Decisions made in the room, configuration done with the customer, not for them.',
      target: { metric: 'sentiment', operator: '>=', value: 0.5 },
      matchRule: { source: 'touchpoints', kind: 'implementation' },
    }),
    card('Go-live', {
      ownerTeam: 'Professional Services',
      lane: 'back',
      isMomentOfTruth: true,
      idealExperience: 'Live within two months of the start, on the planned date.',
      target: { metric: 'time_to_go_live_days', operator: '<=', value: 60 },
      matchRule: { source: 'deployments' },
    }),
  ],
  Adopt: [
    card('Training', {
      channel: 'webinar',
      ownerTeam: 'Education',
      idealExperience: 'Short sessions that fit around shifts; every user productive in a week.',
      target: { metric: 'csat', operator: '>=', value: 4.3 },
      matchRule: { source: 'touchpoints', kind: 'training' },
    }),
  ],
  'Get support': [
    card('Technical support', {
      channel: 'email',
      ownerTeam: 'Support',
      isMomentOfTruth: true,
      idealExperience: 'A human answer within four hours, fixed the first time.',
      target: { metric: 'first_response_hours', operator: '<=', value: 4 },
      matchRule: { source: 'tickets' },
    }),
    card('Premium support', {
      channel: 'phone',
      ownerTeam: 'Support',
      idealExperience: 'Urgent problems answered within the hour by someone who knows the account.',
      target: { metric: 'first_response_hours', operator: '<=', value: 1 },
      matchRule: { source: 'tickets', priority: 'urgent' },
    }),
    card('Support satisfaction survey', {
      channel: 'email',
      ownerTeam: 'Support',
      lane: 'back',
      idealExperience: 'Satisfied with how the problem was handled.',
      target: { metric: 'csat', operator: '>=', value: 4.5 },
      matchRule: { source: 'surveyResponses', surveyKind: 'csat', triggeredBy: 'ticket' },
    }),
  ],
  Advocate: [
    card('Social engagement', {
      channel: 'community',
      ownerTeam: 'Community',
      idealExperience: 'Recognised for helping peers in the community.',
      target: { metric: 'sentiment', operator: '>=', value: 1 },
      matchRule: { source: 'touchpoints', kind: 'social' },
    }),
  ],
};

export function templateStages(template: 'cx_delivery' | 'blank'): { name: string; touchpoints: TemplateTouchpoint[] }[] {
  return DEFAULT_STAGES.map((name) => ({ name, touchpoints: template === 'cx_delivery' ? (CX_DELIVERY[name] ?? []) : [] }));
}
