import { useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../../../shared/format/format';
import { segmentLabel, stageLabel } from '../../lib/labels';
import { AccountAssessmentsCard } from '../assessments/AccountAssessmentsCard';
import { AccountFormDialog } from './AccountFormDialog';
import { accountToForm } from './accountForm';
import { AccountMetricsCard } from './AccountMetricsCard';
import { ContactsCard } from './ContactsCard';
import { DeploymentsCard } from './DeploymentsCard';
import { OutcomesCard } from './OutcomesCard';
import { PlansCard } from '../plans/PlansCard';
import { StoriesCard } from './StoriesCard';
import { HealthCard } from './HealthCard';
import { AccountTasksCard } from '../tasks/AccountTasksCard';
import { ChurnAccountCard } from '../churn/ChurnAccountCard';
import { LogTouchpointDialog } from './LogTouchpointDialog';
import { ProfileCard } from './ProfileCard';
import { ReferenceStandingCard } from '../leverage/ReferenceStandingCard';
import { CustomFieldsCard } from '../import/CustomFieldsCard';
import type { TimelineEntry } from '../../../../shared/contract/accounts';
import { CaptureFeedbackDialog } from '../feedback/CaptureFeedbackDialog';
import { Timeline } from './Timeline';
import { useTimeline } from './useTimeline';

type Open = 'edit' | 'archive' | 'log' | undefined;

export function AccountPage({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : undefined;
  if (id === undefined || id < 1) return <NotFound message={`"${idParam}" is not an account number.`} />;
  return <AccountView id={id} />;
}

function AccountView({ id }: { id: number }) {
  const account = useQuery('accounts.get', { id }, ['accounts']);
  const facets = useQuery('accounts.facets', {}, ['accounts']);
  const contacts = useQuery('contacts.list', { filter: { accountId: id }, pageSize: 500, sort: { field: 'name', direction: 'asc' } }, ['contacts']);
  const timeline = useTimeline(id);
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);
  // "Capture as feedback" from the timeline (issue 17): the entry being captured.
  const [capturing, setCapturing] = useState<TimelineEntry>();

  if (account.error) {
    return <NotFound message={account.error.error.code === 'NOT_FOUND' ? `Account ${id} does not exist in this workspace.` : account.error.message} />;
  }
  const data = account.data;
  if (!data)
    return (
      <p className="muted" data-testid="account-loading">
        Loading account…
      </p>
    );

  return (
    <article className="screen account-page" data-testid="account-page" aria-labelledby="account-name">
      <a href="#/accounts" className="back-link" data-testid="account-back">
        ← Accounts
      </a>
      <header className="screen-header">
        <div>
          <h1 id="account-name" data-testid="account-name">
            {data.name}
          </h1>
          <p className="subtitle">
            {segmentLabel(data.segment)} · <span className={`pill stage-${data.lifecycleStage}`}>{stageLabel(data.lifecycleStage)}</span>
            {data.owner && <> · Owned by {data.owner}</>}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setOpen('log')} data-testid="log-touchpoint">
            Log touchpoint
          </button>
          {!data.archivedAt && (
            <button type="button" className="button" onClick={() => setOpen('archive')} data-testid="account-archive">
              Archive
            </button>
          )}
        </div>
      </header>
      {data.archivedAt && <ArchivedBanner id={id} archivedAt={data.archivedAt} onRestored={account.reload} />}
      <div className="account-grid">
        <div className="account-column">
          <HealthCard accountId={id} />
          <ChurnAccountCard accountId={id} />
          <ProfileCard account={data} onEdit={() => setOpen('edit')} />
          <CustomFieldsCard recordKind="accounts" recordId={id} />
          <ContactsCard contacts={contacts} />
          <DeploymentsCard accountId={id} />
          <OutcomesCard accountId={id} />
          <PlansCard accountId={id} />
          <StoriesCard account={data} />
        </div>
        <div className="account-column">
          <AccountTasksCard accountId={id} accountName={data.name} />
          <AccountMetricsCard accountId={id} currency={data.currency} />
          <ReferenceStandingCard accountId={id} />
          <AccountAssessmentsCard accountId={id} />
          <Timeline timeline={timeline} onCapture={setCapturing} />
          {capturing && capturing.kind !== 'deployment' && <CaptureFeedbackDialog source={capturing.kind} id={capturing.id} onClose={() => setCapturing(undefined)} />}
        </div>
      </div>

      {open === 'edit' && (
        <AccountFormDialog
          title={`Edit ${data.name}`}
          submitLabel="Save changes"
          initial={accountToForm(data)}
          facets={facets.data}
          save={(fields) => call('accounts.update', { id, ...fields })}
          onSaved={() => {
            account.reload();
            close();
          }}
          onClose={close}
          testId="account-form"
        />
      )}
      {open === 'archive' && (
        <ConfirmDialog
          title={`Archive ${data.name}?`}
          confirm="Archive account"
          danger
          testId="archive-confirm"
          onClose={close}
          onConfirm={async () => {
            await call('accounts.archive', { id });
            account.reload();
            close();
          }}
        >
          <p>The account and all of its history stay in the workspace; it is only hidden from the accounts list.</p>
          <p>You can restore it from this page at any time.</p>
        </ConfirmDialog>
      )}
      {open === 'log' && <LogTouchpointDialog accountId={id} contacts={contacts.data?.rows ?? []} onLogged={timeline.refresh} onClose={close} />}
    </article>
  );
}

function ArchivedBanner({ id, archivedAt, onRestored }: { id: number; archivedAt: string; onRestored: () => void }) {
  const [error, setError] = useState<string>();
  const restore = () => call('accounts.restore', { id }).then(onRestored, (failure: Error) => setError(failure.message));
  return (
    <div className="banner" role="status" data-testid="account-archived-banner">
      <span>Archived on {formatDateTime(archivedAt)}. It is hidden from the accounts list until it is restored.</span>
      {error && <span className="field-error">{error}</span>}
      <button type="button" className="button small" onClick={() => void restore()} data-testid="account-restore">
        Restore
      </button>
    </div>
  );
}

function NotFound({ message }: { message: string }) {
  return (
    <section className="empty-state" data-testid="account-not-found">
      <h1>Account not found</h1>
      <p>{message}</p>
      <a href="#/accounts" className="button">
        Back to accounts
      </a>
    </section>
  );
}
