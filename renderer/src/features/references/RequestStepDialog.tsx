import { useState } from 'react';
import type { RequestRow } from '../../../../shared/contract/requests';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { activityLabel, sentence } from './labels';
import { actionLabel } from './requestActions';
import { useActor } from './useActor';

type Step = 'approve' | 'schedule' | 'decline' | 'cancel';

/** "2026-03-05T14:00" in local time, the value a datetime-local input takes. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Tomorrow at 10:00 local, or the date already set when rescheduling. */
function defaultSlot(request: RequestRow): string {
  if (request.scheduledFor) return localInput(new Date(request.scheduledFor));
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(10, 0, 0, 0);
  return localInput(tomorrow);
}

const INTRO: Record<Step, string> = {
  approve: 'The account owner agrees that the reference may be asked.',
  schedule: 'When the activity takes place, in your local time.',
  decline: 'The account owner or the reference says no. The requester sees the reason.',
  cancel: 'The request is no longer needed. The reference is not asked.',
};

/** One step of a request's lifecycle that needs a single answer: who approves, when, or why not. */
export function RequestStepDialog({ request, step, onClose }: { request: RequestRow; step: Step; onClose: () => void }) {
  const [actor, setActor, me] = useActor();
  const [slot] = useState(() => (step === 'schedule' ? defaultSlot(request) : ''));
  // Approval defaults to "who am I" (also when it arrives after the dialog opened), else the account owner; typing takes over.
  const [typed, setValue] = useState<string>();
  const value = typed ?? (step === 'approve' ? me || request.accountOwner || actor : slot);
  const [missing, setMissing] = useState<string>();
  const field = step === 'approve' ? 'by' : step === 'schedule' ? 'scheduledFor' : 'reason';
  const save = useAction(async () => {
    if (step === 'approve') {
      await call('requests.approve', { id: request.id, by: value.trim() });
      if (value.trim() !== request.accountOwner) setActor(value);
    } else if (step === 'schedule') await call('requests.schedule', { id: request.id, scheduledFor: new Date(value).toISOString() });
    else if (step === 'decline') await call('requests.decline', { id: request.id, reason: value.trim() });
    else await call('requests.cancel', { id: request.id, reason: value.trim() });
    onClose();
  });
  const fieldError = missing ?? save.failure?.issueFor(field);
  const formError = save.failure && !save.failure.issueFor(field) ? save.failure.message : undefined;

  const submit = () => {
    const next = value.trim() ? undefined : step === 'approve' ? 'Say who approves' : step === 'schedule' ? 'Choose the date and time' : 'Give the reason';
    setMissing(next);
    if (next) return save.reset();
    void save.run();
  };

  const title = `${actionLabel(step, request.status)}: ${activityLabel(request.activity).toLowerCase()} with ${request.accountName}`;
  return (
    <FormDialog
      title={title}
      testId={`request-${step}-dialog`}
      onClose={onClose}
      onSubmit={submit}
      intro={<p className="muted">{INTRO[step]}</p>}
      error={formError && sentence(formError)}
      errorTestId="request-step-error"
      submitLabel={actionLabel(step, request.status)}
      busyLabel="Saving…"
      busy={save.busy}
      danger={step === 'decline' || step === 'cancel'}
      cancelLabel="Back"
      submitTestId={`request-${step}-submit`}
    >
      {step === 'approve' && (
        <Field
          label="Approved by"
          name="by"
          error={fieldError}
          hint={request.accountOwner ? `The account owner is ${request.accountOwner}.` : 'The account has no owner on record.'}
          required
        >
          <input className="input" value={value} onChange={(e) => setValue(e.target.value)} maxLength={100} data-testid="input-by" data-autofocus />
        </Field>
      )}
      {step === 'schedule' && (
        <Field label="Takes place on" name="scheduledFor" error={fieldError} required>
          <input className="input" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} data-testid="input-scheduledFor" data-autofocus />
        </Field>
      )}
      {(step === 'decline' || step === 'cancel') && (
        <Field label="Reason" name="reason" error={fieldError} required wide>
          <textarea className="input" rows={3} value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} data-testid="input-reason" data-autofocus />
        </Field>
      )}
    </FormDialog>
  );
}
