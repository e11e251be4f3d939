import { useState } from 'react';
import type { JourneyStage } from '../../../../shared/contract/journeys';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';

/** Names a stage (new or existing); an existing one can be removed here, with undo. */
export function StageDialog({ mapId, stage, onRemove, onClose }: { mapId: number; stage?: JourneyStage; onRemove?: () => void; onClose: () => void }) {
  const [name, setName] = useState(stage?.name ?? '');
  const [description, setDescription] = useState(stage?.description ?? '');
  const save = useAction(async () => {
    if (stage) await call('journeys.updateStage', { id: stage.id, name, description: description.trim() || null });
    else await call('journeys.addStage', { journeyMapId: mapId, name, description: description.trim() || null });
    onClose();
  });
  const error = save.failure;
  return (
    <FormDialog
      title={stage ? `Stage “${stage.name}”` : 'New stage'}
      testId="stage-dialog"
      onClose={onClose}
      onSubmit={() => void save.run()}
      error={error && !error.issueFor('name') && error.message}
      errorLast
      submitLabel={stage ? 'Save' : 'Add stage'}
      busy={save.busy}
      actions={
        stage &&
        onRemove && (
          <button type="button" className="button danger" onClick={onRemove} data-testid="remove-stage">
            Remove stage{stage.touchpoints.length ? ` and its ${stage.touchpoints.length} touchpoints` : ''}
          </button>
        )
      }
    >
      <Field label="Name" name="name" required error={error?.issueFor('name')}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="What the customer does here" name="description">
        <textarea className="input" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
