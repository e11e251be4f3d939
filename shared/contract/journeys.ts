import { z } from 'zod';
import { archivable, calendarDate, channel, id, idInput, requiredText, stamps, text } from './common';
import { ticketPriority } from './tickets';
import { touchpointKind } from './touchpoints';

// Journey maps: the ideal experience promised to a persona, stage by stage and touchpoint by
// touchpoint, and what actually happened held against it (the expectation gap).

export const JOURNEY_LANES = ['front', 'back'] as const;
export const journeyLane = z.enum(JOURNEY_LANES);

/** The stages a new map starts with: from becoming aware of a need until the need is gone. */
export const DEFAULT_STAGES = ['Aware', 'Evaluate', 'Buy', 'Onboard', 'Implement', 'Adopt', 'Get support', 'Renew', 'Advocate'] as const;

export const JOURNEY_TEMPLATES = ['cx_delivery', 'blank'] as const;
export const journeyTemplate = z.enum(JOURNEY_TEMPLATES);

/** The kinds of recorded facts a rule can attach to a journey touchpoint. */
export const RULE_SOURCES = ['touchpoints', 'tickets', 'surveyResponses', 'deployments'] as const;
export const ruleSource = z.enum(RULE_SOURCES);
/** The records that can also be linked to a card by hand, whatever the rules say. */
export const LINK_SOURCES = ['touchpoints', 'tickets', 'surveyResponses'] as const;
export const linkSource = z.enum(LINK_SOURCES);
export type LinkSource = z.infer<typeof linkSource>;
export const RULE_SURVEY_KINDS = ['nps', 'csat', 'nsat', 'ces'] as const;
export const RULE_TRIGGERS = ['ticket', 'touchpoint'] as const;

/**
 * Which records belong to a journey touchpoint. Every field narrows; a rule with only `source`
 * takes every record of that source. Interactions, tickets and survey answers linked by hand to a
 * touchpoint of the same map belong there whatever the rules say.
 */
export const matchRule = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('touchpoints'), kind: touchpointKind.optional(), channel: channel.optional() }),
  z.strictObject({ source: z.literal('tickets'), channel: channel.optional(), priority: ticketPriority.optional(), topic: requiredText(100).optional() }),
  z.strictObject({
    source: z.literal('surveyResponses'),
    surveyKind: z.enum(RULE_SURVEY_KINDS).optional(),
    /** What triggered the survey: a ticket, or an interaction. */
    triggeredBy: z.enum(RULE_TRIGGERS).optional(),
  }),
  z.strictObject({ source: z.literal('deployments') }),
]);
export type MatchRule = z.infer<typeof matchRule>;

/**
 * What a touchpoint's target can measure. `unit` is for display; `sources` are the rule sources
 * the metric can be read from (the records a card is measured on).
 */
export const TARGET_METRICS = {
  csat: { label: 'CSAT (mean, 1-5)', unit: '', sources: ['touchpoints', 'tickets', 'surveyResponses'] },
  nps: { label: 'NPS', unit: '', sources: ['touchpoints', 'tickets', 'surveyResponses'] },
  ces: { label: 'Customer effort (mean, 1-7)', unit: '', sources: ['touchpoints', 'tickets', 'surveyResponses'] },
  sentiment: { label: 'Sentiment (mean, -2 to +2)', unit: '', sources: ['touchpoints'] },
  first_response_hours: { label: 'First response (median)', unit: 'h', sources: ['tickets'] },
  resolution_hours: { label: 'Resolution (median)', unit: 'h', sources: ['tickets'] },
  time_to_go_live_days: { label: 'Time to go-live (median)', unit: 'days', sources: ['deployments'] },
  on_time_go_live_pct: { label: 'Go-lives on time', unit: '%', sources: ['deployments'] },
  adoption_pct: { label: 'Adoption (licences used)', unit: '%', sources: ['deployments'] },
} as const satisfies Record<string, { label: string; unit: string; sources: readonly (typeof RULE_SOURCES)[number][] }>;
export type TargetMetric = keyof typeof TARGET_METRICS;
export const targetMetric = z.enum(Object.keys(TARGET_METRICS) as [TargetMetric, ...TargetMetric[]]);
export const targetOperator = z.enum(['>=', '<=']);

export const target = z.strictObject({ metric: targetMetric, operator: targetOperator, value: z.number().finite() });
export type Target = z.infer<typeof target>;

export const journeyTouchpoint = z.object({
  id,
  journeyStageId: id,
  position: z.number().int(),
  name: requiredText(120),
  channel: channel.nullable(),
  ownerTeam: text(100).nullable(),
  lane: journeyLane,
  isMomentOfTruth: z.boolean(),
  idealExperience: text(2000).nullable(),
  target: target.nullable(),
  matchRule: matchRule.nullable(),
  ...stamps,
});
export type JourneyTouchpoint = z.infer<typeof journeyTouchpoint>;

export const journeyStage = z.object({
  id,
  journeyMapId: id,
  position: z.number().int(),
  name: requiredText(80),
  description: text(1000).nullable(),
  touchpoints: z.array(journeyTouchpoint),
  ...stamps,
});
export type JourneyStage = z.infer<typeof journeyStage>;

export const journeyMapSummary = z.object({
  id,
  personaId: id.nullable(),
  personaName: z.string().nullable(),
  name: requiredText(120),
  description: text(2000).nullable(),
  stageCount: z.number().int(),
  touchpointCount: z.number().int(),
  ...stamps,
  ...archivable,
});
export const journeyMap = journeyMapSummary.extend({ stages: z.array(journeyStage) });
export type JourneyMap = z.infer<typeof journeyMap>;

const touchpointFields = {
  name: requiredText(120),
  channel: channel.nullable().optional(),
  ownerTeam: text(100).nullable().optional(),
  lane: journeyLane.optional(),
  isMomentOfTruth: z.boolean().optional(),
  idealExperience: text(2000).nullable().optional(),
  target: target.nullable().optional(),
  matchRule: matchRule.nullable().optional(),
};

/** A period and a segment the numbers are measured over; the default is the last twelve months. */
export const measureScope = {
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  segment: z.string().trim().min(1).max(50).optional(),
};
const resolvedScope = z.object({ from: calendarDate, to: calendarDate, segment: z.string().nullable() });

export const VERDICTS = ['met', 'near', 'missed', 'no_data', 'no_target'] as const;
export const verdict = z.enum(VERDICTS);

export const touchpointMeasure = z.object({
  journeyTouchpointId: id,
  /** Records attached in the period and segment. */
  volume: z.number().int(),
  /** The target metric's value over them; null without a target or without data. */
  actual: z.number().nullable(),
  /** How many values `actual` rests on. */
  n: z.number().int(),
  /** Signed distance to the target, positive when better than promised. */
  gap: z.number().nullable(),
  verdict,
  /** Survey answers triggered at this touchpoint, and their mean satisfaction (0-100). */
  answers: z.number().int(),
  satisfaction: z.number().nullable(),
});
export type TouchpointMeasure = z.infer<typeof touchpointMeasure>;

export const stageMeasure = z.object({
  journeyStageId: id,
  /** Mean satisfaction 0-100 of the answers and sentiments of the stage's records: the emotion line. */
  satisfaction: z.number().nullable(),
  satisfactionN: z.number().int(),
  /** Median days from an account's first interaction in this stage to its first in a later stage. */
  daysInStage: z.number().nullable(),
  daysInStageN: z.number().int(),
  /** Accounts whose furthest stage is this one. */
  accountsHere: z.number().int(),
  /** Of those: churned, or no interaction for 90 days before the period end. */
  dropOff: z.number().int(),
});

export const measureResult = z.object({
  journeyMapId: id,
  scope: resolvedScope,
  touchpoints: z.array(touchpointMeasure),
  stages: z.array(stageMeasure),
  journey: z.object({
    /** Days from an account's first to its last stage reached (or churn): median and interquartile range. */
    durationMedianDays: z.number().nullable(),
    durationP25Days: z.number().nullable(),
    durationP75Days: z.number().nullable(),
    accounts: z.number().int(),
  }),
  /** Records of the period and segment that no touchpoint of the map takes. */
  unmapped: z.object({ touchpoints: z.number().int(), tickets: z.number().int(), surveyResponses: z.number().int() }),
});
export type MeasureResult = z.infer<typeof measureResult>;

export const journeyRecord = z.object({
  source: ruleSource,
  id,
  at: z.string(),
  accountId: id,
  accountName: z.string(),
  contactName: z.string().nullable(),
  channel: z.string().nullable(),
  /** A short description: kind, priority and topic, survey kind, product. */
  detail: z.string(),
  /** The record's own value for the metric (score, hours, days), when it has one. */
  value: z.number().nullable(),
  linkedByHand: z.boolean(),
});

const linkedIds = z.array(id).max(100_000);
/** The records linked by hand to one card, by source. */
export const handLinks = z.strictObject({ touchpoints: linkedIds, tickets: linkedIds, surveyResponses: linkedIds });
export type HandLinks = z.infer<typeof handLinks>;

/** What a removal took away, so that undo can put it back exactly (same ids, same links). */
export const removedPart = z.strictObject({
  stage: z.strictObject({ id, journeyMapId: id, position: z.number().int(), name: requiredText(80), description: text(1000).nullable() }).nullable(),
  touchpoints: z
    .array(
      z.strictObject({
        id,
        journeyStageId: id,
        position: z.number().int(),
        ...touchpointFields,
        links: handLinks,
      }),
    )
    .max(500),
});
export type RemovedPart = z.infer<typeof removedPart>;

export const journeysContract = {
  'journeys.list': { input: z.strictObject({ includeArchived: z.boolean().default(false) }), output: z.array(journeyMapSummary) },
  'journeys.get': { input: idInput, output: journeyMap },
  'journeys.create': {
    input: z.strictObject({
      name: requiredText(120),
      personaId: id.nullable().optional(),
      description: text(2000).nullable().optional(),
      template: journeyTemplate.default('blank'),
    }),
    output: journeyMap,
  },
  'journeys.update': {
    input: z.strictObject({ id, name: requiredText(120).optional(), personaId: id.nullable().optional(), description: text(2000).nullable().optional() }),
    output: journeyMap,
  },
  'journeys.duplicate': { input: z.strictObject({ id, name: requiredText(120).optional() }), output: journeyMap },
  'journeys.archive': { input: idInput, output: journeyMap },
  'journeys.unarchive': { input: idInput, output: journeyMap },
  'journeys.addStage': {
    input: z.strictObject({ journeyMapId: id, name: requiredText(80), description: text(1000).nullable().optional(), position: z.number().int().min(1).optional() }),
    output: journeyMap,
  },
  'journeys.updateStage': {
    input: z.strictObject({ id, name: requiredText(80).optional(), description: text(1000).nullable().optional() }),
    output: journeyMap,
  },
  /** Moves a stage to a 1-based position; the others shift. */
  'journeys.moveStage': { input: z.strictObject({ id, position: z.number().int().min(1) }), output: journeyMap },
  'journeys.removeStage': { input: idInput, output: z.object({ map: journeyMap, removed: removedPart }) },
  'journeys.addTouchpoint': { input: z.strictObject({ journeyStageId: id, ...touchpointFields }), output: journeyMap },
  'journeys.updateTouchpoint': {
    input: z.strictObject({ id, journeyStageId: id.optional(), position: z.number().int().min(1).optional(), ...touchpointFields, name: requiredText(120).optional() }),
    output: journeyMap,
  },
  'journeys.removeTouchpoint': { input: idInput, output: z.object({ map: journeyMap, removed: removedPart }) },
  /** Undo of a removal: puts the stage and touchpoints back with their ids and hand-made links. */
  'journeys.restore': { input: removedPart, output: journeyMap },
  /**
   * Links records of one source (interactions, tickets or survey answers) to a journey touchpoint by
   * hand, or unlinks them with null. A record is linked to one card at most: linking moves it.
   */
  'journeys.link': {
    input: z.strictObject({ journeyTouchpointId: id.nullable(), source: linkSource, ids: z.array(id).min(1).max(1000) }),
    output: z.object({ linked: z.number().int() }),
  },
  'journeys.measure': { input: z.strictObject({ id, ...measureScope }), output: measureResult },
  /** The records behind one card, newest first. */
  'journeys.records': {
    input: z.strictObject({ journeyTouchpointId: id, ...measureScope, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(journeyRecord), total: z.number().int() }),
  },
  /** Records of one source of the period that no touchpoint of the map takes, for linking by hand. */
  'journeys.unmapped': {
    input: z.strictObject({ id, source: linkSource.default('touchpoints'), ...measureScope, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(journeyRecord), total: z.number().int() }),
  },
} as const;
