import type { ReactNode } from 'react';
import { useJob } from '../../api/useJob';
import { ChooseStep } from './ChooseStep';
import { DoneStep } from './DoneStep';
import { ImportElsewhere } from './ImportElsewhere';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { useImportWizard, type ImportWizardState } from './useImportWizard';

/** The import wizard: the hook holds the state machine, each step renders one part of it. */
export function ImportWizard() {
  const wizard = useImportWizard();
  // An import running elsewhere (another window, or started before this screen opened) shows above the wizard's step.
  const job = useJob('import.commit', wizard.step.step === 'importing');
  const step = <WizardStep wizard={wizard} />;
  if (!job.elsewhere) return step;
  return (
    <div className="import-main">
      <ImportElsewhere job={job} />
      {step}
    </div>
  );
}

function WizardStep({ wizard }: { wizard: ImportWizardState }): ReactNode {
  const { step } = wizard;
  if (step.step === 'choose') return <ChooseStep wizard={wizard} />;
  if (step.step === 'importing') return <RunStep wizard={wizard} step={step} />;
  if (step.step === 'done') return <DoneStep wizard={wizard} result={step.result} />;
  // Mapping and preview share one screen: the preview follows every change of the mapping.
  return (
    <div className="import-map" data-testid="import-map">
      <MappingStep wizard={wizard} />

      <PreviewStep wizard={wizard} />
    </div>
  );
}
