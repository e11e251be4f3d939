import type { MatchRule } from '../../../shared/contract/journeys';
import type { Interaction, SurveyCell, TicketCell } from './inputs';

// Which records a rule takes. Pure: the measurement and its tests call these on plain rows.

export function ruleTakesInteraction(rule: MatchRule | null, record: Pick<Interaction, 'kind' | 'channel'>): boolean {
  if (rule?.source !== 'touchpoints') return false;
  return (rule.kind === undefined || rule.kind === record.kind) && (rule.channel === undefined || rule.channel === record.channel);
}

export function ruleTakesTicket(rule: MatchRule | null, cell: Pick<TicketCell, 'channel' | 'priority' | 'topicKey'>): boolean {
  if (rule?.source !== 'tickets') return false;
  return (
    (rule.channel === undefined || rule.channel === cell.channel) &&
    (rule.priority === undefined || rule.priority === cell.priority) &&
    // Topics are free text typed by people: compared without case.
    (rule.topic === undefined || rule.topic.toLowerCase() === cell.topicKey)
  );
}

export function ruleTakesSurvey(rule: MatchRule | null, cell: Pick<SurveyCell, 'kind' | 'trigger'>): boolean {
  if (rule?.source !== 'surveyResponses') return false;
  return (rule.surveyKind === undefined || rule.surveyKind === cell.kind) && (rule.triggeredBy === undefined || rule.triggeredBy === cell.trigger);
}

/**
 * Whether an interaction belongs to a journey touchpoint of a map: one linked by hand to a
 * touchpoint of this map belongs to that one only; any other (unlinked, or linked within another
 * map) is taken by every rule of this map that matches it.
 */
export function interactionBelongs(
  record: Pick<Interaction, 'kind' | 'channel' | 'journeyTouchpointId'>,
  touchpoint: { id: number; matchRule: MatchRule | null },
  mapTouchpointIds: ReadonlySet<number>,
): boolean {
  if (record.journeyTouchpointId !== null && mapTouchpointIds.has(record.journeyTouchpointId)) return record.journeyTouchpointId === touchpoint.id;
  return ruleTakesInteraction(touchpoint.matchRule, record);
}

/**
 * One answer on a common 0-100 satisfaction scale, so answers of different surveys can form one
 * emotion line: CSAT 1-5 and NPS 0-10 upwards; NSAT 1 (very satisfied) … 4 and CES 1 (no effort) … 7 downwards.
 */
export function answerSatisfaction(kind: string, score: number): number | null {
  switch (kind) {
    case 'csat':
      return ((score - 1) / 4) * 100;
    case 'nps':
      return (score / 10) * 100;
    case 'nsat':
      return ((4 - score) / 3) * 100;
    case 'ces':
      return ((7 - score) / 6) * 100;
    default:
      return null;
  }
}

/** Interaction sentiment −2 … +2 on the same 0-100 scale. */
export const sentimentSatisfaction = (sentiment: number) => ((sentiment + 2) / 4) * 100;
