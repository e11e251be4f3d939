import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { AccountPicker, type PickedAccount } from '../../components/AccountPicker';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { RespondentRows, type RespondentDraft } from './RespondentRows';

const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** Starts an assessment: template, client (an account or a name), date, assessor, scope, respondents. */
export function NewAssessmentDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const templates = useQuery('assessments.templates', {});
  const [templateId, setTemplateId] = useState('');
  const [account, setAccount] = useState<PickedAccount | null>(null);
  const [clientName, setClientName] = useState('');
  const [assessedOn, setAssessedOn] = useState(today);
  const [assessor, setAssessor] = useState('');
  const [scope, setScope] = useState('');
  const [respondents, setRespondents] = useState<RespondentDraft[]>([{ name: '', role: '', function: '' }]);
  const chosenTemplate = templateId || String(templates.data?.[0]?.id ?? '');
  const create = useAction(async () => {
    const created = await call('assessments.create', {
      templateId: Number(chosenTemplate),
      accountId: account?.id ?? null,
      clientName: clientName.trim() || null,
      assessedOn,
      assessor,
      scope: scope.trim() || null,
      respondents: respondents.filter((r) => r.name.trim()).map((r) => ({ name: r.name, role: r.role.trim() || null, function: r.function.trim() || null })),
    });
    onCreated(created.assessment.id);
  });
  const error = create.failure;

  return (
    <FormDialog
      title="New assessment"
      testId="new-assessment"
      onClose={onClose}
      onSubmit={() => void create.run()}
      wide
      error={error && !error.error.issues?.length && error.message}
      errorLast
      submitLabel="Start assessment"
      busyLabel="Starting…"
      busy={create.busy}
      submitDisabled={!chosenTemplate}
      submitTestId="new-assessment-submit"
    >
      <div className="form-grid">
        <Field label="Template" name="templateId" error={error?.issueFor('templateId')} required wide>
          <select className="input" value={chosenTemplate} onChange={(e) => setTemplateId(e.target.value)} data-testid="input-templateId" data-autofocus>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} (v{t.version})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Account" name="accountId" hint="A client in this workspace, or leave empty and name the client" error={error?.issueFor('accountId')}>
          <AccountPicker value={account} onChange={setAccount} testId="input-accountId" placeholder="Search accounts, or leave empty" />
        </Field>
        <Field label="Client name" name="clientName" hint={account ? "Defaults to the account's name" : undefined} error={error?.issueFor('clientName')} required={!account}>
          <input className="input" value={clientName} onChange={(e) => setClientName(e.target.value)} data-testid="input-clientName" />
        </Field>
        <Field label="Date" name="assessedOn" error={error?.issueFor('assessedOn')} required>
          <input className="input" type="date" value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} data-testid="input-assessedOn" />
        </Field>
        <Field label="Assessor" name="assessor" error={error?.issueFor('assessor')} required>
          <input className="input" value={assessor} onChange={(e) => setAssessor(e.target.value)} data-testid="input-assessor" />
        </Field>
        <Field label="Scope" name="scope" hint="Which part of the organisation, which products, which period" error={error?.issueFor('scope')} wide>
          <textarea className="input" rows={2} value={scope} onChange={(e) => setScope(e.target.value)} data-testid="input-scope" />
        </Field>
      </div>
      <h3 className="section-title">Respondents</h3>
      <RespondentRows rows={respondents} onChange={setRespondents} />
    </FormDialog>
  );
}
