import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { AccountPicker, type PickedAccount } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { FeedbackFields, type FeedbackDraft } from './FeedbackFields';

/** Feedback captured by hand (tickets, answers and touchpoints are linked through the core's channel). */
export function AddFeedbackDialog({ onClose, account }: { onClose: () => void; account?: PickedAccount }) {
  const [picked, setPicked] = useState<PickedAccount | null>(account ?? null);
  const [fields, setFields] = useState<FeedbackDraft>({ kind: 'feature_request', text: '', product: '', feature: '' });
  const { kind, text, product, feature } = fields;
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
        <FeedbackFields value={fields} onChange={setFields} testId="add-feedback" />
      </div>
    </FormDialog>
  );
}
