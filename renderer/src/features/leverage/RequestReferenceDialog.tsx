import { useState } from 'react';
import type { MatchResult, RankedReference } from '../../../../shared/contract/leverage';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { activityLabel } from '../references/labels';
import { useActor } from '../references/useActor';

/** Asks for a reference from the finder: who asks, and by when it is needed; the request starts as requested. */
export function RequestReferenceDialog({
  reference,
  dealId,
  activity,
  onClose,
  onDone,
}: {
  reference: RankedReference;
  dealId: number | null;
  activity: MatchResult['activity'];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  // Defaults to "who am I" (identity.get), which may arrive after the dialog opens; typing takes over.
  const [actor, remember] = useActor();
  const [typed, setRequester] = useState<string>();
  const requester = typed ?? actor;
  const [neededBy, setNeededBy] = useState('');
  const [errors, setErrors] = useState<{ requester?: string; neededBy?: string; form?: string }>({});

  const send = useAction(async () => {
    await call('requests.create', { referenceId: reference.referenceId, dealId, requester: requester.trim(), activity, neededBy: neededBy || null });
    remember(requester.trim());
    onDone(`${activityLabel(activity)} requested from ${reference.accountName}; the account owner approves it next.`);
  });

  const submit = async () => {
    if (!requester.trim()) {
      setErrors({ requester: 'say who is asking' });
      return;
    }
    const result = await send.run();
    if (!result.ok) {
      const { error } = result;
      const requesterIssue = error.issueFor('requester');
      const neededByIssue = error.issueFor('neededBy');
      setErrors({ requester: requesterIssue, neededBy: neededByIssue, form: requesterIssue || neededByIssue ? undefined : error.message });
    }
  };

  return (
    <FormDialog
      title={`Request ${reference.accountName}`}
      testId="request-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={errors.form}
      submitLabel="Send request"
      busyLabel="Requesting…"
      busy={send.busy}
      submitTestId="request-submit"
    >
      <p className="muted">
        {activityLabel(activity)} with {reference.contactName ?? 'the reference'} ({reference.accountName}).
      </p>
      <div className="form-grid">
        <Field label="Requested by" name="requester" required error={errors.requester}>
          <input
            className="input"
            value={requester}
            onChange={(e) => {
              setRequester(e.target.value);
              setErrors((x) => ({ ...x, requester: undefined }));
            }}
            data-testid="request-requester"
            data-autofocus
          />
        </Field>
        <Field label="Needed by" name="neededBy" error={errors.neededBy} hint="optional">
          <input className="input" type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} data-testid="request-neededBy" />
        </Field>
      </div>
    </FormDialog>
  );
}
