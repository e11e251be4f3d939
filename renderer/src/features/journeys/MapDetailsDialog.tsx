import { useState } from 'react';
import type { JourneyMap } from '../../../../shared/contract/journeys';
import { ApiError, call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

/** The map's name, persona and description. (Archiving is on the list, where it can be undone.) */
export function MapDetailsDialog({ map, onClose }: { map: JourneyMap; onClose: () => void }) {
  const personas = useQuery('personas.list', { pageSize: 500 }, ['personas']);
  const [name, setName] = useState(map.name);
  const [personaId, setPersonaId] = useState(map.personaId ? String(map.personaId) : '');
  const [description, setDescription] = useState(map.description ?? '');
  const [error, setError] = useState<ApiError>();
  return (
    <Dialog title="Edit map" onClose={onClose} testId="map-details-dialog">
      <form
        className="dialog-body"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await call('journeys.update', { id: map.id, name, personaId: personaId ? Number(personaId) : null, description: description.trim() || null });
            onClose();
          } catch (failure) {
            setError(failure as ApiError);
          }
        }}
      >
        <Field label="Name" name="name" required error={error?.issueFor('name')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Persona" name="personaId">
          <select className="input" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
            <option value="">Every persona</option>
            {personas.data?.rows.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field label="Description" name="description">
          <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        {error && !error.issueFor('name') && <p className="form-error" role="alert">{error.message}</p>}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary">Save</button>
        </footer>
      </form>
    </Dialog>
  );
}
