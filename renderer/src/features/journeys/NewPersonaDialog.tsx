import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';

export function NewPersonaDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [name, setName] = useState('');
  const create = useAction(async () => {
    const persona = await call('personas.create', { name });
    onCreated(persona.id);
    onClose();
  });
  const error = create.failure;
  return (
    <FormDialog title="New persona" testId="new-persona-dialog" onClose={onClose} onSubmit={() => void create.run()} submitLabel="Create persona" busy={create.busy}>
      <Field label="Name" name="name" required error={error?.issueFor('name') ?? (error?.error.code === 'CONFLICT' ? 'another persona already has this name' : undefined)}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. IT administrator" />
      </Field>
      <p className="muted small">You set the channels this persona is willing to use on the next page.</p>
    </FormDialog>
  );
}
