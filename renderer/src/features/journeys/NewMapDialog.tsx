import { useState } from 'react';
import type { Persona } from '../../../../shared/contract/personas';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';

/** A new map: a name, the persona it is for, and a start (the CX delivery template or the default stages only). */
export function NewMapDialog({ personas, onClose, onCreated }: { personas: Persona[]; onClose: () => void; onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [personaId, setPersonaId] = useState('');
  const [template, setTemplate] = useState<'cx_delivery' | 'blank'>('cx_delivery');
  const create = useAction(async () => {
    const map = await call('journeys.create', { name, personaId: personaId ? Number(personaId) : null, template });
    onCreated(map.id);
    onClose();
  });
  const error = create.failure;
  return (
    <FormDialog
      title="New journey map"
      testId="new-map-dialog"
      onClose={onClose}
      onSubmit={() => void create.run()}
      error={error && !error.error.issues?.length && error.message}
      errorLast
      submitLabel="Create map"
      busyLabel="Creating…"
      busy={create.busy}
      submitTestId="create-map"
    >
      <Field label="Name" name="name" required error={error?.issueFor('name')}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Support lead: from need to advocacy" />
      </Field>
      <Field label="Persona" name="personaId" hint="Whose ideal experience this map describes" error={error?.issueFor('personaId')}>
        <select className="input" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
          <option value="">Every persona</option>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="template-choice">
        <legend>Start from</legend>
        <label>
          <input type="radio" name="template" checked={template === 'cx_delivery'} onChange={() => setTemplate('cx_delivery')} />
          <span>
            <strong>Customer-experience delivery system</strong>
            <br />
            <span className="muted small">Onboarding, implementation, training, technical and premium support, social engagement, with targets and rules</span>
          </span>
        </label>
        <label>
          <input type="radio" name="template" checked={template === 'blank'} onChange={() => setTemplate('blank')} />
          <span>
            <strong>Blank map</strong>
            <br />
            <span className="muted small">The nine default stages from aware to advocate, no touchpoints</span>
          </span>
        </label>
      </fieldset>
    </FormDialog>
  );
}
