import { useState } from 'react';
import { FEEDBACK_KINDS } from '../../../../shared/contract/feedback';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { AccountPicker, type PickedAccount } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { KIND_LABELS } from './labels';

/** Feedback captured by hand (tickets, answers and touchpoints are linked through the core's channel). */
export function AddFeedbackDialog({ onClose, account }: { onClose: () => void; account?: PickedAccount }) {
  const [picked, setPicked] = useState<PickedAccount | null>(account ?? null);
  const [kind, setKind] = useState<(typeof FEEDBACK_KINDS)[number]>('feature_request');
  const [text, setText] = useState('');
  const [product, setProduct] = useState('');
  const [feature, setFeature] = useState('');
  const [missing, setMissing] = useState<string>();
  const today = new Date().toISOString().slice(0, 10);
  const save = useAction(() =>
    call('feedback.create', { accountId: picked!.id, kind, text, product: product || null, feature: feature || null, capturedAt: today, source: 'manual' }),
  );
  const submit = async () => {
    if (!picked) return setMissing('Choose the account that gave the feedback.');
    if (!text.trim()) return setMissing('Write down what the customer said.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title="Add feedback"
      testId="add-feedback-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Add feedback"
      busyLabel="Adding…"
      busy={save.busy}
      submitTestId="add-feedback-save"
    >
      <div className="form-grid">
        {!account && (
          <Field label="Account" name="account" required wide>
            <AccountPicker value={picked} onChange={setPicked} testId="add-feedback-account" />
          </Field>
        )}
        <Field label="Kind" name="kind">
          <select className="select" value={kind} onChange={(e) => setKind(e.target.value as (typeof FEEDBACK_KINDS)[number])} data-testid="add-feedback-kind">
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="What they said" name="text" required wide>
          <textarea className="input" value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} rows={3} data-testid="add-feedback-text" />
        </Field>
        <Field label="Product" name="product">
          <input className="input" value={product} onChange={(e) => setProduct(e.target.value)} maxLength={100} />
        </Field>
        <Field label="Feature" name="feature">
          <input className="input" value={feature} onChange={(e) => setFeature(e.target.value)} maxLength={100} />
        </Field>
      </div>
    </FormDialog>
  );
}
