import { useMemo } from 'react';
import type { Funnel } from '../../../../shared/contract/references';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import { funnelOption, funnelSteps } from './funnelOption';
import { referenceStageLabel } from './labels';

export function FunnelCard({ funnel, loading, error }: { funnel: Funnel | undefined; loading: boolean; error?: string }) {
  const option = useMemo(() => (funnel ? funnelOption(funnel) : undefined), [funnel]);
  const steps = funnel ? funnelSteps(funnel) : [];
  const empty = funnel !== undefined && steps[0]!.reached === 0 && 'No references yet: nominate an account to start the programme.';
  const words = steps.map((s) => `${referenceStageLabel(s.stage)} ${s.reached}${s.rate === null ? '' : ` (${Math.round(s.rate)} %)`}`).join(', ');
  return (
    <ChartCard
      title="Programme funnel"
      subtitle="References that reached each stage, and the share that went on from the one before"
      testId="reference-funnel"
      state={{ error, loading: loading && !funnel, empty }}
    >
      {option && <EChart option={option} height={150} label={`Reference funnel: ${words}`} />}
      <p className="funnel-words muted" data-testid="funnel-words">
        {words}
      </p>
    </ChartCard>
  );
}
