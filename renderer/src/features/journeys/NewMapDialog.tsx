import { useState } from 'react';
import type { Persona } from '../../../../shared/contract/personas';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

/** A new map: a name, the persona it is for, and a start (the CX delivery template or the default stages only). */
export function NewMapDialog({ personas, onClose, onCreated }: { personas: Persona[]; onClose: () => void; onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [personaId, setPersonaId] = useState('');
  const [template, setTemplate] = useState<'cx_delivery' | 'blank'>('cx_delivery');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="New journey map" onClose={onClose} testId="new-map-dialog">
      <form
        className="dialog-body"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            const map = await call('journeys.create', { name, personaId: personaId ? Number(personaId) : null, template });
            onCreated(map.id);
            onClose();
          } catch (failure) {
            setError(failure as ApiError);
            setBusy(false);
          }
        }}
      >
        <Field label="Name" name="name" required error={error?.issueFor('name')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Support lead: from need to advocacy" />
        </Field>
        <Field label="Persona" name="personaId" hint="Whose ideal experience this map describes" error={error?.issueFor('personaId')}>
          <select className="input" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
            <option value="">Every persona</option>
            {personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <fieldset className="template-choice">
          <legend>Start from</legend>
          <label>
            <input type="radio" name="template" checked={template === 'cx_delivery'} onChange={() => setTemplate('cx_delivery')} />
            <span><strong>Customer-experience delivery system</strong><br /><span className="muted small">Onboarding, implementation, training, technical and premium support, social engagement, with targets and rules</span></span>
          </label>
          <label>
            <input type="radio" name="template" checked={template === 'blank'} onChange={() => setTemplate('blank')} />
            <span><strong>Blank map</strong><br /><span className="muted small">The nine default stages from aware to advocate, no touchpoints</span></span>
          </label>
        </fieldset>
        {error && !error.error.issues?.length && <p className="form-error" role="alert">{error.message}</p>}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy} data-testid="create-map">{busy ? 'Creating…' : 'Create map'}</button>
        </footer>
      </form>
    </Dialog>
  );
}
