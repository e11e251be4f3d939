import type { ComposeOption } from 'echarts/core';
import type { FunnelSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { FUNNEL_STAGES, type Funnel } from '../../../../shared/contract/references';
import { referenceStageLabel } from './labels';

export type FunnelOption = ComposeOption<FunnelSeriesOption | TooltipComponentOption>;

/** One hue darkening down the funnel: the steps read as one progression, and white text stays legible on each. */
const STEP_COLOURS = ['#5b7fd6', '#3f67c9', '#2554c7', '#1a3f99'];

/**
 * How many references reached each step of the progression (a funnel narrows by definition), with
 * the conversion from the step before in the label: "Recruited 12 · 67 %".
 */
export function funnelSteps(funnel: Funnel): { stage: string; reached: number; rate: number | null }[] {
  const reachedAt = (index: number) => (index < funnel.conversions.length ? funnel.conversions[index]!.reached : (funnel.conversions.at(-1)?.converted ?? 0));
  return FUNNEL_STAGES.map((stage, index) => ({
    stage,
    reached: reachedAt(index),
    rate: index === 0 ? null : funnel.conversions[index - 1]!.rate,
  }));
}

export function funnelOption(funnel: Funnel): FunnelOption {
  const steps = funnelSteps(funnel);
  const top = Math.max(1, steps[0]!.reached);
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} reached' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max: top,
        minSize: '12%',
        left: '5%',
        width: '90%',
        top: 8,
        bottom: 8,
        gap: 2,
        label: {
          position: 'inside',
          color: '#fff',
          formatter: (params) => {
            const step = steps[params.dataIndex]!;
            return step.rate === null ? `${params.name} ${step.reached}` : `${params.name} ${step.reached} · ${Math.round(step.rate)} %`;
          },
        },
        data: steps.map((step, index) => ({ name: referenceStageLabel(step.stage), value: step.reached, itemStyle: { color: STEP_COLOURS[index] } })),
      },
    ],
  };
}
