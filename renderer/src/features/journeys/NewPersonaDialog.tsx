import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

export function NewPersonaDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError>();
  return (
    <Dialog title="New persona" onClose={onClose} testId="new-persona-dialog">
      <form
        className="dialog-body"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            const persona = await call('personas.create', { name });
            onCreated(persona.id);
            onClose();
          } catch (failure) {
            setError(failure as ApiError);
          }
        }}
      >
        <Field label="Name" name="name" required error={error?.issueFor('name') ?? (error?.error.code === 'CONFLICT' ? 'another persona already has this name' : undefined)}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. IT administrator" />
        </Field>
        <p className="muted small">You set the channels this persona is willing to use on the next page.</p>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary">Create persona</button>
        </footer>
      </form>
    </Dialog>
  );
}
