import { CHANNELS } from '../../../shared/contract/common';
import type { Settings } from '../../../shared/contract/settings';
import { TICKET_PRIORITIES } from '../../../shared/contract/tickets';
import { countFigure, figure } from './figure';
import { shareWithInterval } from './interval';
import { type Acc, type RollupView, timesSketch } from './rollups/read';
import { L } from './rollups/layout';
import { SKETCH_METHOD_LABEL, sketchCount, sketchCountAtMost, sketchQuantile } from './sketch';
import { noValue } from './types';

// Support figures from merged rollups. Times come from the sketches, so they are marked approximate
// (within 1 % of the exact order statistics); counts are exact.

const TOP_TOPICS = 10;

function timeFigures(acc: Acc, kind: 'firstResponse' | 'resolution') {
  const sketch = timesSketch(acc, kind);
  return { median: figure(kind, sketchQuantile(sketch, 0.5), true), p90: figure(kind, sketchQuantile(sketch, 0.9), true) };
}

/** Share of tickets of a priority answered (or resolved) within its target, from the sketch. */
function attainment(acc: Acc, kind: 'firstResponse' | 'resolution', priority: number, targetHours: number) {
  const sketch = timesSketch(acc, kind, [priority]);
  const n = sketchCount(sketch);
  const share = shareWithInterval(sketchCountAtMost(sketch, targetHours * 60), n);
  return figure('slaAttainment', share ? { ...share, n } : noValue(kind === 'firstResponse' ? 'no tickets with a first response' : 'no resolved tickets'), true);
}

export function topicsPareto(topics: Map<string, number>) {
  const total = [...topics.values()].reduce((s, n) => s + n, 0);
  let cumulative = 0;
  return [...topics]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_TOPICS)
    .map(([topic, count]) => {
      cumulative += count;
      return { topic, count, share: (100 * count) / total, cumulativeShare: (100 * cumulative) / total };
    });
}

export function supportFigures(acc: Acc, view: Pick<RollupView, 'segments'>, backlog: number, topics: Map<string, number>, settings: Settings, scopeEmpty: boolean) {
  const c = acc.counts;
  return {
    volume: countFigure('ticketVolume', c[L.opened.start]!, scopeEmpty),
    backlog: countFigure('backlog', backlog, scopeEmpty),
    quantileMethod: SKETCH_METHOD_LABEL,
    firstResponse: timeFigures(acc, 'firstResponse'),
    resolution: timeFigures(acc, 'resolution'),
    sla: TICKET_PRIORITIES.map((priority, p) => ({
      priority,
      targetHours: settings.slaTargets[priority].firstResponseHours,
      attainment: attainment(acc, 'firstResponse', p, settings.slaTargets[priority].firstResponseHours),
      resolutionTargetHours: settings.slaTargets[priority].resolutionHours,
      resolutionAttainment: attainment(acc, 'resolution', p, settings.slaTargets[priority].resolutionHours),
    })),
    topics: topicsPareto(topics),
    byChannel: CHANNELS.flatMap((channel, k) => {
      const volume = c[L.byChannel.start + k]!;
      if (volume === 0) return [];
      const share = shareWithInterval(c[L.channelCsatSatisfied.start + k]!, c[L.channelCsatN.start + k]!);
      const csat = share ? { ...share, n: c[L.channelCsatN.start + k]! } : noValue('no ticket CSAT answers');
      return [{ channel, volume, csat: figure('ticketCsat', csat) }];
    }),
    bySegment: [...view.segments]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([segment, s]) => ({ segment, volume: s.volume, firstResponseMedian: figure('firstResponse', sketchQuantile(s.firstResponse, 0.5), true) })),
  };
}
