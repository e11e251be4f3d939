import { useState } from 'react';
import type { JourneyMap } from '../../../../shared/contract/journeys';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';

/** The map's name, persona and description. (Archiving is on the list, where it can be undone.) */
export function MapDetailsDialog({ map, onClose }: { map: JourneyMap; onClose: () => void }) {
  const personas = useQuery('personas.list', { pageSize: 500 }, ['personas']);
  const [name, setName] = useState(map.name);
  const [personaId, setPersonaId] = useState(map.personaId ? String(map.personaId) : '');
  const [description, setDescription] = useState(map.description ?? '');
  const save = useAction(async () => {
    await call('journeys.update', { id: map.id, name, personaId: personaId ? Number(personaId) : null, description: description.trim() || null });
    onClose();
  });
  const error = save.failure;
  return (
    <FormDialog
      title="Edit map"
      testId="map-details-dialog"
      onClose={onClose}
      onSubmit={() => void save.run()}
      error={error && !error.issueFor('name') && error.message}
      errorLast
      submitLabel="Save"
      busy={save.busy}
    >
      <Field label="Name" name="name" required error={error?.issueFor('name')}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Persona" name="personaId">
        <select className="input" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
          <option value="">Every persona</option>
          {personas.data?.rows.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Description" name="description">
        <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
