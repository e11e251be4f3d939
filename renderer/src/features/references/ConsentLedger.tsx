import { useState } from 'react';
import type { Consent } from '../../../../shared/contract/references';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { describeRule } from './consentRules';
import { GrantConsentDialog } from './GrantConsentDialog';
import { activityLabel, consentStateLabel } from './labels';

/** The contact's consents: what is allowed now, since when, until when, on which conditions. */
export function ConsentLedger({ referenceId, contactName, consents }: { referenceId: number; contactName: string | null; consents: Consent[] }) {
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<Consent>();
  if (contactName === null) {
    return (
      <p className="muted" data-testid="consent-no-contact">
        Consent is given by a person: choose the reference contact above first.
      </p>
    );
  }
  return (
    <div data-testid="consent-ledger">
      <div className="section-bar">
        <span className="muted">Given by {contactName}</span>
        <button type="button" className="button small" onClick={() => setGranting(true)} data-testid="grant-consent-button">
          Record consent
        </button>
      </div>
      {consents.length === 0 ? (
        <p className="muted" data-testid="consent-empty">
          No consent on file: nothing may be asked of this reference yet.
        </p>
      ) : (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">State</th>
              <th scope="col">Granted</th>
              <th scope="col">Expires</th>
              <th scope="col">Conditions</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => (
              <tr key={consent.id} data-testid="consent-row" data-activity={consent.activity}>
                <td>{activityLabel(consent.activity)}</td>
                <td>
                  <span className={`pill consent-${consent.state}`} data-testid="consent-state">
                    {consentStateLabel(consent.state)}
                  </span>
                </td>
                <td>
                  {formatDate(consent.grantedAt)} <span className="muted">by {consent.grantedBy}</span>
                </td>
                <td>{consent.revokedAt ? `Revoked ${formatDate(consent.revokedAt)}` : consent.expiresAt ? formatDate(consent.expiresAt) : 'No expiry'}</td>
                <td className="consent-conditions">
                  {consent.restrictions && <div>{consent.restrictions}</div>}
                  {consent.rules.map((rule, index) => (
                    <span key={index} className="tag">
                      {describeRule(rule)}
                    </span>
                  ))}
                  {!consent.restrictions && consent.rules.length === 0 && <span className="muted">None</span>}
                </td>
                <td>
                  {consent.revokedAt === null && (
                    <button type="button" className="button small" onClick={() => setRevoking(consent)} data-testid="revoke-consent">
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {granting && <GrantConsentDialog referenceId={referenceId} contactName={contactName} onClose={() => setGranting(false)} />}
      {revoking && (
        <ConfirmDialog
          title={`Revoke consent for ${activityLabel(revoking.activity).toLowerCase()}?`}
          confirm="Revoke consent"
          danger
          testId="revoke-confirm"
          onClose={() => setRevoking(undefined)}
          onConfirm={async () => {
            await call('references.revokeConsent', { id: revoking.id });
            setRevoking(undefined);
          }}
        >
          From now on ({formatDateTime(new Date().toISOString())}) nobody can ask {contactName} for a {activityLabel(revoking.activity).toLowerCase()}. The consent stays in the
          ledger as revoked; record a new one if they agree again.
        </ConfirmDialog>
      )}
    </div>
  );
}
