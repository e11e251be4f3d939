import { TARGET_METRICS, type JourneyTouchpoint, type MatchRule, type TargetMetric } from '../../../../shared/contract/journeys';
import { parseNumber, type Parsed } from '../../../../shared/format/format';

// The touchpoint form's state (all strings, as the inputs hold them) and its conversion to the
// channel's input. Pure, so the rules of the form are tested without a DOM.

export interface TouchpointFormState {
  name: string;
  journeyStageId: string;
  lane: 'front' | 'back';
  channel: string;
  ownerTeam: string;
  isMomentOfTruth: boolean;
  idealExperience: string;
  targetMetric: string;
  targetOperator: '>=' | '<=';
  targetValue: string;
  source: string;
  kind: string;
  ruleChannel: string;
  priority: string;
  topic: string;
  surveyKind: string;
  triggeredBy: string;
}

export function formFrom(touchpoint: JourneyTouchpoint | undefined, stageId: number): TouchpointFormState {
  const rule = touchpoint?.matchRule;
  return {
    name: touchpoint?.name ?? '',
    journeyStageId: String(touchpoint?.journeyStageId ?? stageId),
    lane: touchpoint?.lane ?? 'front',
    channel: touchpoint?.channel ?? '',
    ownerTeam: touchpoint?.ownerTeam ?? '',
    isMomentOfTruth: touchpoint?.isMomentOfTruth ?? false,
    idealExperience: touchpoint?.idealExperience ?? '',
    targetMetric: touchpoint?.target?.metric ?? '',
    targetOperator: touchpoint?.target?.operator ?? '>=',
    targetValue: touchpoint?.target ? String(touchpoint.target.value) : '',
    source: rule?.source ?? '',
    kind: rule?.source === 'touchpoints' ? (rule.kind ?? '') : '',
    ruleChannel: rule && (rule.source === 'touchpoints' || rule.source === 'tickets') ? (rule.channel ?? '') : '',
    priority: rule?.source === 'tickets' ? (rule.priority ?? '') : '',
    topic: rule?.source === 'tickets' ? (rule.topic ?? '') : '',
    surveyKind: rule?.source === 'surveyResponses' ? (rule.surveyKind ?? '') : '',
    triggeredBy: rule?.source === 'surveyResponses' ? (rule.triggeredBy ?? '') : '',
  };
}

/** The metrics a rule's records can measure; every metric while there is no rule yet. */
export function metricsFor(source: string): TargetMetric[] {
  return (Object.keys(TARGET_METRICS) as TargetMetric[]).filter((m) => !source || (TARGET_METRICS[m].sources as readonly string[]).includes(source));
}

const optional = <T extends string>(value: string) => (value ? (value as T) : undefined);

export function ruleOf(form: TouchpointFormState): MatchRule | null {
  switch (form.source) {
    // The selects offer only the contract's values, so the strings are of the right kind.
    case 'touchpoints':
      return strip({ source: 'touchpoints', kind: optional(form.kind), channel: optional(form.ruleChannel) });
    case 'tickets':
      return strip({ source: 'tickets', channel: optional(form.ruleChannel), priority: optional(form.priority), topic: form.topic.trim() || undefined });
    case 'surveyResponses':
      return strip({ source: 'surveyResponses', surveyKind: optional(form.surveyKind), triggeredBy: optional(form.triggeredBy) });
    case 'deployments':
      return { source: 'deployments' };
    default:
      return null;
  }
}

/**
 * Drops the fields left empty: the rule is stored as the user means it. The form's fields hold
 * only what their selects offer, so the rule is a MatchRule (the core validates it again).
 */
function strip(rule: object): MatchRule {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as MatchRule;
}

export type TouchpointInput = {
  name: string;
  journeyStageId: number;
  lane: 'front' | 'back';
  channel: JourneyTouchpoint['channel'];
  ownerTeam: string | null;
  isMomentOfTruth: boolean;
  idealExperience: string | null;
  target: JourneyTouchpoint['target'];
  matchRule: MatchRule | null;
};

/** The form as the channel's input, or the message of the first field that is wrong. */
export function inputOf(form: TouchpointFormState, locale?: string): Parsed<TouchpointInput> & { field?: string } {
  let target: JourneyTouchpoint['target'] = null;
  if (form.targetMetric) {
    const value = parseNumber(form.targetValue, locale);
    if (!value.ok) return { ok: false, message: value.message, field: 'targetValue' };
    if (value.value === null) return { ok: false, message: 'a target needs a threshold', field: 'targetValue' };
    target = { metric: form.targetMetric as TargetMetric, operator: form.targetOperator, value: value.value };
    if (form.source && !metricsFor(form.source).includes(target.metric)) {
      return { ok: false, message: `${TARGET_METRICS[target.metric].label} cannot be read from these records`, field: 'targetMetric' };
    }
  }
  return {
    ok: true,
    value: {
      name: form.name,
      journeyStageId: Number(form.journeyStageId),
      lane: form.lane,
      channel: (form.channel || null) as JourneyTouchpoint['channel'],
      ownerTeam: form.ownerTeam.trim() || null,
      isMomentOfTruth: form.isMomentOfTruth,
      idealExperience: form.idealExperience.trim() || null,
      target,
      matchRule: ruleOf(form),
    },
  };
}
