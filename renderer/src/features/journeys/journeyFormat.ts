import { TARGET_METRICS, type JourneyTouchpoint, type LinkSource, type MatchRule, type Target, type TouchpointMeasure } from '../../../../shared/contract/journeys';
import { channelLabel, touchpointKindLabel } from '../../lib/labels';

// Words and numbers of the journey map, shared by the screen and the exported drawing.

export const VERDICT_LABELS: Record<TouchpointMeasure['verdict'], string> = {
  met: 'Meets target',
  near: 'Just below target',
  missed: 'Below target',
  no_data: 'No data in period',
  no_target: 'No target',
};

/** Verdict colours: background, border and text, readable in print as on screen. */
export const VERDICT_COLORS: Record<TouchpointMeasure['verdict'], { fill: string; stroke: string; text: string }> = {
  met: { fill: '#e6f4ec', stroke: '#2e9e5b', text: '#14532d' },
  near: { fill: '#fdf3dc', stroke: '#d99100', text: '#713f12' },
  missed: { fill: '#fbe7e6', stroke: '#d64545', text: '#7f1d1d' },
  no_data: { fill: '#f1f3f6', stroke: '#a7b0bd', text: '#374151' },
  no_target: { fill: '#ffffff', stroke: '#c5ccd6', text: '#374151' },
};

export const metricLabel = (metric: keyof typeof TARGET_METRICS) => TARGET_METRICS[metric].label;
/** The label without its scale, for a card's small print: "CSAT", "First response". */
export const metricShortLabel = (metric: keyof typeof TARGET_METRICS) => metricLabel(metric).replace(/ \(.*\)$/, '');

/** A value in its metric's unit: "4.3", "3.2 h", "58 days", "82 %", "+12" for NPS. */
export function formatValue(metric: keyof typeof TARGET_METRICS, value: number): string {
  const { unit } = TARGET_METRICS[metric];
  const digits = Math.abs(value) >= 100 || metric === 'nps' || unit === '%' || unit === 'days' ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = Number(value.toFixed(digits)).toString();
  const signed = metric === 'nps' && value > 0 ? `+${number}` : number;
  return unit === '%' ? `${signed} %` : unit ? `${signed} ${unit}` : signed;
}

/** "≥ 4.5", "≤ 4 h". */
export const formatTarget = (target: Target) => `${target.operator === '>=' ? '≥' : '≤'} ${formatValue(target.metric, target.value)}`;

/** The scale of a metric that has no unit to say it ("0.7 vs ≥ 1" said nothing about sentiment's −2 to +2). */
const SCALES: Partial<Record<keyof typeof TARGET_METRICS, string>> = { csat: '1–5', ces: '1–7', sentiment: '−2 to +2', nps: '−100 to +100' };

/** The card's headline: "4.1 · target ≥ 4.5 (1–5)", "3.2 h · target ≤ 4 h", or why there is no number. */
export function cardFigure(target: Target | null, measure: TouchpointMeasure | undefined): string {
  if (!target) return 'No target set';
  const scale = SCALES[target.metric];
  const goal = `target ${formatTarget(target)}${scale ? ` (${scale})` : ''}`;
  if (!measure || measure.actual === null) return `— · ${goal}`;
  return `${formatValue(target.metric, measure.actual)} · ${goal}`;
}

/** The records of each source, as the map names them: a tab, a column. */
export const SOURCE_LABELS: Record<MatchRule['source'], { many: string; one: string }> = {
  touchpoints: { many: 'Interactions', one: 'Interaction' },
  tickets: { many: 'Tickets', one: 'Ticket' },
  surveyResponses: { many: 'Survey answers', one: 'Survey answer' },
  deployments: { many: 'Deployments', one: 'Deployment' },
};

/** "Interactions (12)", the count once the map is measured. */
export const sourceTabLabel = (source: LinkSource, count: number | undefined) =>
  count === undefined ? SOURCE_LABELS[source].many : `${SOURCE_LABELS[source].many} (${count.toLocaleString('en-US')})`;

/** A rule in words: "Tickets · urgent · Billing", "Interactions · onboarding". */
export function describeRule(rule: MatchRule | null): string {
  if (!rule) return 'Linked by hand only';
  switch (rule.source) {
    case 'touchpoints':
      return [SOURCE_LABELS.touchpoints.many, rule.kind && touchpointKindLabel(rule.kind), rule.channel && channelLabel(rule.channel)].filter(Boolean).join(' · ');
    case 'tickets':
      return [SOURCE_LABELS.tickets.many, rule.priority, rule.channel && channelLabel(rule.channel), rule.topic].filter(Boolean).join(' · ');
    case 'surveyResponses':
      return [SOURCE_LABELS.surveyResponses.many, rule.surveyKind?.toUpperCase(), rule.triggeredBy && `after a ${rule.triggeredBy === 'ticket' ? 'ticket' : 'interaction'}`]
        .filter(Boolean)
        .join(' · ');
    case 'deployments':
      return `${SOURCE_LABELS.deployments.many} gone live`;
  }
}

/** "58 days" or "—" for the stage footers. */
export const formatDays = (days: number | null) => (days === null ? '—' : `${Math.round(days)} days`);

/** "CSAT · n 120 · 130 records" under a target (what the number is, on how many); the records alone without one; "…" while measuring. */
export function cardCounts(touchpoint: Pick<JourneyTouchpoint, 'target' | 'matchRule'>, measure: Pick<TouchpointMeasure, 'n' | 'volume'> | undefined): string {
  if (!measure) return '…';
  if (!touchpoint.matchRule && measure.volume === 0) return 'No rule, nothing linked';
  const records = `${measure.volume.toLocaleString('en-US')} record${measure.volume === 1 ? '' : 's'}`;
  return touchpoint.target ? `${metricShortLabel(touchpoint.target.metric)} · n ${measure.n.toLocaleString('en-US')} · ${records}` : records;
}
