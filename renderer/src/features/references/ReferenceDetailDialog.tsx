import { useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../../../shared/format/format';
import { daysSince } from './boardModel';
import { ConsentLedger } from './ConsentLedger';
import { referenceStageLabel } from './labels';
import { NewRequestDialog } from './NewRequestDialog';
import { ReferenceProfileForm } from './ReferenceProfileForm';
import { ReferenceRequestsList } from './ReferenceRequestsList';
import { StageHistory } from './StageHistory';
import { TeamBudgetWarning } from './TeamBudgetWarning';

/** One reference: its profile, stage history, consent ledger and requests. */
export function ReferenceDetailDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const detail = useQuery('references.get', { id }, ['references', 'requests', 'contacts', 'accounts']);
  const [archiving, setArchiving] = useState(false);
  const [asking, setAsking] = useState(false);
  const reference = detail.data;
  const title = reference ? `${reference.accountName} as a reference` : 'Reference';

  return (
    <Dialog title={title} onClose={onClose} testId="reference-detail" wide>
      <div className="dialog-body reference-detail">
        {detail.error && (
          <p className="form-error" role="alert">
            {detail.error.message}
          </p>
        )}
        {!reference && !detail.error && (
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        )}
        {reference && (
          <>
            <p className="reference-summary">
              <span className={`pill reference-stage-${reference.stage}`} data-testid="detail-stage">
                {referenceStageLabel(reference.stage)}
              </span>
              <span className="muted">
                {' '}
                for {daysSince(reference.stageSince, new Date())} days · in the programme since {formatDate(reference.createdAt)}
              </span>
              {reference.archivedAt && <span className="pill muted"> Archived {formatDate(reference.archivedAt)}</span>}
              {' · '}
              <a href={`#/accounts/${reference.accountId}`} data-testid="detail-account-link">
                Open account
              </a>
            </p>
            {reference.teamBudget && <TeamBudgetWarning budget={reference.teamBudget} />}
            <ReferenceProfileForm key={`${reference.id}-${reference.updatedAt}`} reference={reference} />
            <h3 className="section-title">Consent ledger</h3>
            <ConsentLedger referenceId={reference.id} contactName={reference.contactName} consents={reference.consents} />
            <h3 className="section-title">Stage history</h3>
            <StageHistory history={reference.history} />
            <div className="section-bar heading">
              <h3 className="section-title">Requests</h3>
              {['recruited', 'active'].includes(reference.stage) && !reference.archivedAt && (
                <button type="button" className="button small" onClick={() => setAsking(true)} data-testid="detail-new-request">
                  New request
                </button>
              )}
            </div>
            <ReferenceRequestsList requests={reference.requests} />
            <footer className="dialog-actions">
              {!reference.archivedAt && (
                <button type="button" className="button" onClick={() => setArchiving(true)} data-testid="archive-reference">
                  Remove from programme…
                </button>
              )}
              <button type="button" className="button primary" onClick={onClose}>
                Done
              </button>
            </footer>
          </>
        )}
      </div>
      {archiving && reference && (
        <ConfirmDialog
          title={`Remove ${reference.accountName} from the programme?`}
          confirm="Remove"
          danger
          testId="archive-confirm"
          onClose={() => setArchiving(false)}
          onConfirm={async () => {
            await call('references.archive', { id: reference.id });
            setArchiving(false);
            onClose();
          }}
        >
          The reference leaves the board and the finder. Its stage history, consents and requests stay in the workspace, and the account can be nominated again later.
        </ConfirmDialog>
      )}
      {asking && reference && <NewRequestDialog referenceId={reference.id} onClose={() => setAsking(false)} />}
    </Dialog>
  );
}
