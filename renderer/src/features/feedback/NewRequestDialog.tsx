import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

/** A product request that feedback items are merged into. */
export function NewRequestDialog({ onClose }: { onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [product, setProduct] = useState('');
  const [feature, setFeature] = useState('');
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState<string>();
  const save = useAction(() => call('feedbackRequests.create', { title, product: product || null, feature: feature || null, description: description || null }));
  const submit = async () => {
    if (!title.trim()) return setMissing('Name the request.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title="New request"
      testId="new-request-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Create request"
      busyLabel="Creating…"
      busy={save.busy}
      submitTestId="new-request-save"
    >
      <div className="form-grid">
        <Field label="Request" name="title" required wide>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="new-request-title" />
        </Field>
        <Field label="Product" name="product">
          <input className="input" value={product} onChange={(e) => setProduct(e.target.value)} maxLength={100} data-testid="new-request-product" />
        </Field>
        <Field label="Feature" name="feature">
          <input className="input" value={feature} onChange={(e) => setFeature(e.target.value)} maxLength={100} data-testid="new-request-feature" />
        </Field>
        <Field label="Description" name="description" wide>
          <textarea className="input" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={4000} rows={3} />
        </Field>
      </div>
    </FormDialog>
  );
}
