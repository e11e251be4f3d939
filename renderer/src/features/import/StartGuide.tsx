import type { ImportTarget } from '../../../../shared/contract/import';
import { useQuery } from '../../api/useQuery';
import { formatInteger } from '../../../../shared/format/format';
import type { ImportWizardState } from './useImportWizard';

/** The order a workspace is filled in, and why: each later file refers to what an earlier one brought. */
const STEPS: { target: ImportTarget; title: string; needs: string; from: string }[] = [
  { target: 'accounts', title: 'Accounts', needs: 'Needs nothing: every other record belongs to an account.', from: 'Salesforce, HubSpot or Gainsight export' },
  { target: 'contacts', title: 'Contacts', needs: 'Need accounts: each person is found under their company (by id or name).', from: 'Salesforce or HubSpot contacts' },
  { target: 'tickets', title: 'Tickets', needs: "Need accounts; contacts let a ticket find its requester's account by e-mail.", from: 'Zendesk, Freshdesk, Intercom or Jira' },
  {
    target: 'surveyResponses',
    title: 'Survey answers',
    needs: 'Need contacts (answers find their account by e-mail) or one account for the whole file.',
    from: 'Qualtrics, SurveyMonkey, Typeform, Google Forms or Delighted',
  },
];

/**
 * The empty workspace's first stop, "Import your data": the four files in order, each saying what
 * it depends on and how many records are there already. Picking a step sets the wizard's target.
 */
export function StartGuide({ wizard }: { wizard: ImportWizardState }) {
  const counts = {
    accounts: useQuery('accounts.list', { pageSize: 1 }, ['accounts']).data?.total,
    contacts: useQuery('contacts.list', { pageSize: 1 }, ['contacts']).data?.total,
    tickets: useQuery('tickets.list', { pageSize: 1 }, ['tickets']).data?.total,
    surveyResponses: useQuery('surveyResponses.list', { pageSize: 1 }, ['surveyResponses']).data?.total,
  } as Partial<Record<ImportTarget, number>>;
  const empty = counts.accounts === 0;
  const next = STEPS.find((step) => counts[step.target] === 0)?.target;
  return (
    <section className={`card import-start${empty ? ' import-start-empty' : ''}`} data-testid="import-start" aria-labelledby="import-start-title">
      <h2 className="card-title" id="import-start-title">
        {empty ? 'Import your data' : 'Filling the workspace'}
      </h2>
      {empty && <p className="muted">This workspace is empty. Bring in your exports in this order; each file can come straight from the tool, without a mapping.</p>}
      <ol className="import-start-steps">
        {STEPS.map((step) => (
          <li key={step.target} className={step.target === next ? 'next' : ''} data-testid={`import-start-${step.target}`}>
            <button type="button" className="link-button" onClick={() => wizard.setTarget(step.target)} aria-pressed={wizard.target === step.target}>
              <strong>{step.title}</strong>
            </button>{' '}
            <span className="muted small">({counts[step.target] === undefined ? '…' : `${formatInteger(counts[step.target]!)} so far`})</span>
            <div className="small">{step.needs}</div>
            <div className="muted small">From: {step.from}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
