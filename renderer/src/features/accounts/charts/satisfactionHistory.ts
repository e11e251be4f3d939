import { SURVEY_SCALES } from '../../../../../shared/contract/surveyResponses';
import type { ChartOption } from '../../../components/chartTypes';
import { formatDate } from '../../../../../shared/format/format';
import { axisLabel, axisLine, base, COLORS, FONT, splitLine, tooltip } from '../../dashboard/charts/theme';

export interface SurveyAnswer {
  respondedAt: string;
  kind: string;
  score: number | null;
}

const KIND_NAMES: Record<string, string> = { nps: 'NPS (0-10)', csat: 'CSAT (1-5)', nsat: 'NSAT (1 best – 4)', ces: 'Effort (1-7)', repurchase: 'Would buy again (0-10)' };
const KIND_ORDER = ['nps', 'csat', 'ces', 'nsat', 'repurchase'];

/** Good / neutral / bad on each kind's own scale, as its metric counts it. */
export function answerTone(kind: string, score: number): 'good' | 'neutral' | 'bad' {
  switch (kind) {
    case 'nps':
    case 'repurchase':
      return score >= 9 ? 'good' : score >= 7 ? 'neutral' : 'bad';
    case 'csat':
      return score >= 4 ? 'good' : score === 3 ? 'neutral' : 'bad';
    case 'ces':
      return score >= 5 ? 'good' : score === 4 ? 'neutral' : 'bad';
    case 'nsat':
      return score === 1 ? 'good' : score === 2 ? 'neutral' : 'bad';
    default:
      return 'neutral';
  }
}
const TONE_COLORS = { good: '#2e9e5b', neutral: '#8a94a3', bad: '#d64545' };

/** The kinds this account has scored answers of, in a fixed order. */
export function answeredKinds(answers: SurveyAnswer[]): string[] {
  const present = new Set(answers.filter((a) => a.score !== null).map((a) => a.kind));
  return [...KIND_ORDER.filter((k) => present.has(k)), ...[...present].filter((k) => !KIND_ORDER.includes(k)).sort()];
}

export const ROW_HEIGHT = 78;

/**
 * An account's survey answers over time: one strip per survey kind on its own scale (NSAT upside
 * down, 1 = very satisfied, so up is always better), every answer a dot coloured good / neutral /
 * bad, all strips on one time axis.
 */
export function satisfactionHistoryOption(answers: SurveyAnswer[], locale?: string): ChartOption {
  const kinds = answeredKinds(answers);
  const times = answers.map((a) => Date.parse(a.respondedAt)).filter(Number.isFinite);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max(86_400_000 * 7, (max - min) * 0.03);
  const top = 14;
  const gap = 18;
  const strip = ROW_HEIGHT - gap;
  return {
    ...base,
    tooltip: {
      ...tooltip,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesName: string; value: [number, number] };
        return `<strong>${p.seriesName}</strong>: ${p.value[1]}<br/>${formatDate(new Date(p.value[0]).toISOString(), locale)}`;
      },
    },
    grid: kinds.map((_, i) => ({ left: 150, right: 16, top: top + i * ROW_HEIGHT, height: strip - 10 })),
    xAxis: kinds.map((_, i) => ({
      type: 'time' as const,
      gridIndex: i,
      min: min - pad,
      max: max + pad,
      axisLine,
      axisTick: { show: i === kinds.length - 1 },
      axisLabel: { ...axisLabel, show: i === kinds.length - 1, hideOverlap: true },
      splitLine: { show: false },
    })),
    yAxis: kinds.map((kind, i) => {
      const scale = kind in SURVEY_SCALES ? SURVEY_SCALES[kind as keyof typeof SURVEY_SCALES] : { min: 0, max: 10 };
      return {
        type: 'value' as const,
        gridIndex: i,
        min: scale.min,
        max: scale.max,
        inverse: kind === 'nsat',
        interval: scale.max - scale.min,
        name: KIND_NAMES[kind] ?? kind,
        nameLocation: 'middle' as const,
        nameRotate: 0,
        nameGap: 30,
        nameTextStyle: { align: 'right' as const, color: COLORS.text, fontFamily: FONT, fontSize: 12 },
        axisLabel,
        splitLine,
      };
    }),
    series: kinds.map((kind, i) => ({
      name: KIND_NAMES[kind] ?? kind,
      type: 'scatter' as const,
      xAxisIndex: i,
      yAxisIndex: i,
      symbolSize: 8,
      data: answers
        .filter((a) => a.kind === kind && a.score !== null)
        .map((a) => ({ value: [Date.parse(a.respondedAt), a.score!], itemStyle: { color: TONE_COLORS[answerTone(kind, a.score!)], opacity: 0.85 } })),
    })),
  };
}

export const satisfactionHistoryHeight = (answers: SurveyAnswer[]) => Math.max(1, answeredKinds(answers).length) * ROW_HEIGHT + 30;
