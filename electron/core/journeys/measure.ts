import type { JourneyMap, MeasureResult } from '../../../shared/contract/journeys';
import { expectationGap, verdictOf } from './gap';
import { TOUCHPOINT_KINDS } from '../../../shared/contract/touchpoints';
import { DAY_MS } from '../../../shared/dates';
import type { Interaction, JourneyInputs } from './inputs';
import { interactionBelongs, ruleTakesSurvey, ruleTakesTicket } from './rules';
import { actualOf, addAnswer, addSentiment, addTicket, addTimes, emptyTally, type Tally } from './tally';
import { journeyTiming, type StageEvent } from './timing';

export interface MeasureScope {
  /** Months as year · 12 + month − 1, `to` exclusive. */
  fromMonth: number;
  toMonth: number;
  segment: string | null;
  /** The first instant after the period, in ms since the epoch. */
  periodEnd: number;
}

/**
 * Every number of a map over a period and segment, from the cached inputs: each touchpoint's
 * records added up (rules and hand-made links), its target metric, gap and verdict; the stages'
 * emotion line and timing; the unmapped records.
 */
export function measureMap(map: JourneyMap, inputs: JourneyInputs, scope: MeasureScope): Omit<MeasureResult, 'scope'> {
  const touchpoints = map.stages.flatMap((stage, stageIndex) => stage.touchpoints.map((touchpoint) => ({ touchpoint, stageIndex })));
  const mapIds = new Set(touchpoints.map(({ touchpoint }) => touchpoint.id));
  const tallies = touchpoints.map(() => emptyTally());
  const inSegment = (segment: string) => scope.segment === null || segment === scope.segment;
  const inPeriod = (month: number) => month >= scope.fromMonth && month < scope.toMonth;
  const unmapped = { touchpoints: 0, tickets: 0, surveyResponses: 0 };
  const events: StageEvent[] = [];

  // Candidates per interaction kind, so each record is checked against the few cards that may take it.
  const byKind = new Map<string, number[]>();
  const ruleless: number[] = [];
  touchpoints.forEach(({ touchpoint }, i) => {
    const rule = touchpoint.matchRule;
    if (rule?.source !== 'touchpoints') return ruleless.push(i);
    for (const kind of rule.kind ? [rule.kind] : TOUCHPOINT_KINDS) {
      const list = byKind.get(kind) ?? [];
      list.push(i);
      byKind.set(kind, list);
    }
  });
  const indexOf = new Map(touchpoints.map(({ touchpoint }, i) => [touchpoint.id, i]));
  // Hand-linked records of this map: each counts on its own card only (links to other maps' cards do not matter here).
  const linkedTickets = inputs.linkedTickets.filter((t) => indexOf.has(t.journeyTouchpointId) && inPeriod(t.month) && inSegment(t.segment));
  const linkedAnswers = inputs.linkedAnswers.filter((a) => indexOf.has(a.journeyTouchpointId) && inPeriod(a.month) && inSegment(a.segment));
  // An answer triggered by an interaction goes with it, unless it was linked to a card of its own.
  const answersElsewhere = new Set(linkedAnswers.filter((a) => a.trigger === 'touchpoint').map((a) => a.id));
  const takeInteraction = (record: Interaction, i: number, counted: boolean) => {
    events.push({ accountId: record.accountId, stage: touchpoints[i]!.stageIndex, at: record.at });
    if (!counted) return;
    const tally = tallies[i]!;
    tally.volume++;
    if (record.sentiment !== null) addSentiment(tally, record.sentiment);
    for (const answer of inputs.answers.get(record.id) ?? []) {
      if (answersElsewhere.size === 0 || !answersElsewhere.has(answer.id)) addAnswer(tally, answer.kind, answer.score);
    }
  };
  for (const record of inputs.interactions) {
    if (record.month >= scope.toMonth || !inSegment(record.segment)) continue;
    const counted = inPeriod(record.month);
    const own = record.journeyTouchpointId === null ? undefined : indexOf.get(record.journeyTouchpointId);
    if (own !== undefined) {
      takeInteraction(record, own, counted);
      continue;
    }
    let taken = false;
    for (const i of byKind.get(record.kind) ?? []) {
      if (!interactionBelongs(record, touchpoints[i]!.touchpoint, mapIds)) continue;
      taken = true;
      takeInteraction(record, i, counted);
    }
    if (counted && !taken) unmapped.touchpoints++;
  }

  const ticketCards = touchpoints.flatMap(({ touchpoint }, i) => (touchpoint.matchRule?.source === 'tickets' ? [i] : []));
  const timesNeeded = touchpoints.map(({ touchpoint }) => touchpoint.target?.metric === 'first_response_hours' || touchpoint.target?.metric === 'resolution_hours');
  const resolutionRead = touchpoints.some(({ touchpoint }) => touchpoint.matchRule?.source === 'tickets' && touchpoint.target?.metric === 'resolution_hours');
  if (resolutionRead) inputs.loadResolutionTimes();
  for (const cell of inputs.tickets) {
    if (!inPeriod(cell.month) || !inSegment(cell.segment)) continue;
    let taken = false;
    for (const i of ticketCards) {
      if (!ruleTakesTicket(touchpoints[i]!.touchpoint.matchRule, cell)) continue;
      taken = true;
      const tally = tallies[i]!;
      tally.volume += cell.count;
      tally.csat.n += cell.csatN;
      tally.csat.sum += cell.csatSum;
      tally.answers += cell.csatN;
      tally.satisfaction.n += cell.csatN;
      tally.satisfaction.sum += ((cell.csatSum - cell.csatN) / 4) * 100;
      // Only cards measured on a time read the histograms: the costly part of a ticket cell.
      if (!timesNeeded[i]) continue;
      addTimes(tally.firstResponse, cell.firstResponse);
      addTimes(tally.resolution, cell.resolution);
    }
    if (!taken) unmapped.tickets += cell.count;
  }
  // The cells counted every ticket by rule: a hand-linked one moves from where they put it to its own card.
  for (const ticket of linkedTickets) {
    let taken = false;
    for (const i of ticketCards) {
      if (!ruleTakesTicket(touchpoints[i]!.touchpoint.matchRule, ticket)) continue;
      taken = true;
      addTicket(tallies[i]!, ticket, -1, { firstResponse: timesNeeded[i]!, resolution: timesNeeded[i]! && resolutionRead });
    }
    if (!taken) unmapped.tickets--;
    const own = indexOf.get(ticket.journeyTouchpointId)!;
    addTicket(tallies[own]!, ticket, 1, { firstResponse: timesNeeded[own]!, resolution: timesNeeded[own]! });
  }

  for (const cell of inputs.surveys) {
    if (!inSegment(cell.segment) || !inPeriod(cell.month)) continue;
    let taken = false;
    for (const [i, { touchpoint }] of touchpoints.entries()) {
      if (!ruleTakesSurvey(touchpoint.matchRule, cell)) continue;
      taken = true;
      tallies[i]!.volume += cell.count;
      addAnswer(tallies[i]!, cell.kind, cell.score, cell.count);
    }
    // Answers triggered by an interaction count as mapped when that interaction is.
    if (!taken && cell.trigger !== 'touchpoint') unmapped.surveyResponses += cell.count;
  }
  for (const answer of linkedAnswers) {
    let taken = false;
    for (const [i, { touchpoint }] of touchpoints.entries()) {
      if (!ruleTakesSurvey(touchpoint.matchRule, answer)) continue;
      taken = true;
      tallies[i]!.volume--;
      addAnswer(tallies[i]!, answer.kind, answer.score, -1);
    }
    if (!taken && answer.trigger !== 'touchpoint') unmapped.surveyResponses--;
    const own = tallies[indexOf.get(answer.journeyTouchpointId)!]!;
    own.volume++;
    addAnswer(own, answer.kind, answer.score);
  }

  touchpoints.forEach(({ touchpoint, stageIndex }, i) => {
    if (touchpoint.matchRule?.source !== 'deployments') return;
    const tally = tallies[i]!;
    for (const deployment of inputs.deployments) {
      if (!inSegment(deployment.segment) || deployment.month >= scope.toMonth) continue;
      events.push({ accountId: deployment.accountId, stage: stageIndex, at: deployment.goLiveAt });
      if (!inPeriod(deployment.month)) continue;
      tally.volume++;
      if (deployment.startedAtMs !== null) tally.goLiveDays.push(Math.max(0, (deployment.goLiveAt - deployment.startedAtMs) / DAY_MS));
      if (deployment.plannedGoLive) {
        tally.onTime.n++;
        if (deployment.actualGoLive <= deployment.plannedGoLive) tally.onTime.yes++;
      }
      if (deployment.licencesPurchased) {
        tally.adoption.n++;
        tally.adoption.sum += (Math.min(deployment.licencesUsed ?? 0, deployment.licencesPurchased) / deployment.licencesPurchased) * 100;
      }
    }
  });

  const timing = journeyTiming(events, map.stages.length, (id) => inputs.accounts.get(id)?.churnedAt ?? null, scope.periodEnd);
  const stageTallies = map.stages.map(() => emptyTally());
  touchpoints.forEach(({ stageIndex }, i) => {
    stageTallies[stageIndex]!.satisfaction.n += tallies[i]!.satisfaction.n;
    stageTallies[stageIndex]!.satisfaction.sum += tallies[i]!.satisfaction.sum;
  });

  return {
    journeyMapId: map.id,
    touchpoints: touchpoints.map(({ touchpoint }, i) => touchpointResult(touchpoint, tallies[i]!)),
    stages: map.stages.map((stage, s) => ({
      journeyStageId: stage.id,
      satisfaction: stageTallies[s]!.satisfaction.n === 0 ? null : stageTallies[s]!.satisfaction.sum / stageTallies[s]!.satisfaction.n,
      satisfactionN: stageTallies[s]!.satisfaction.n,
      ...timing.stages[s]!,
    })),
    journey: {
      durationMedianDays: timing.durationMedianDays,
      durationP25Days: timing.durationP25Days,
      durationP75Days: timing.durationP75Days,
      accounts: timing.accounts,
    },
    unmapped,
  };
}

function touchpointResult(touchpoint: JourneyMap['stages'][number]['touchpoints'][number], tally: Tally) {
  const { target } = touchpoint;
  const actual = target ? actualOf(target.metric, tally) : { value: null, n: 0 };
  return {
    journeyTouchpointId: touchpoint.id,
    volume: tally.volume,
    actual: actual.value,
    n: actual.n,
    gap: target && actual.value !== null ? expectationGap(target, actual.value) : null,
    verdict: verdictOf(target, actual.value, actual.n),
    answers: tally.answers,
    satisfaction: tally.satisfaction.n === 0 ? null : tally.satisfaction.sum / tally.satisfaction.n,
  };
}
