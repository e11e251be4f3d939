import { useState } from 'react';
import type { JourneyStage } from '../../../../shared/contract/journeys';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

/** Names a stage (new or existing); an existing one can be removed here, with undo. */
export function StageDialog({ mapId, stage, onRemove, onClose }: { mapId: number; stage?: JourneyStage; onRemove?: () => void; onClose: () => void }) {
  const [name, setName] = useState(stage?.name ?? '');
  const [description, setDescription] = useState(stage?.description ?? '');
  const [error, setError] = useState<ApiError>();
  return (
    <Dialog title={stage ? `Stage “${stage.name}”` : 'New stage'} onClose={onClose} testId="stage-dialog">
      <form
        className="dialog-body"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            if (stage) await call('journeys.updateStage', { id: stage.id, name, description: description.trim() || null });
            else await call('journeys.addStage', { journeyMapId: mapId, name, description: description.trim() || null });
            onClose();
          } catch (failure) {
            setError(failure as ApiError);
          }
        }}
      >
        <Field label="Name" name="name" required error={error?.issueFor('name')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="What the customer does here" name="description">
          <textarea className="input" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        {error && !error.issueFor('name') && <p className="form-error" role="alert">{error.message}</p>}
        <footer className="dialog-actions">
          {stage && onRemove && (
            <button type="button" className="button danger" onClick={onRemove} data-testid="remove-stage">
              Remove stage{stage.touchpoints.length ? ` and its ${stage.touchpoints.length} touchpoints` : ''}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary">{stage ? 'Save' : 'Add stage'}</button>
        </footer>
      </form>
    </Dialog>
  );
}
