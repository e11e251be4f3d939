import { useState } from 'react';
import { APPROVAL_ROLE_LABELS, type StoryApproval, type StoryDetail } from '../../../../shared/contract/stories';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../../../shared/format/format';
import { ApprovalDialog } from './ApprovalDialog';

/** Who signed the story off and when; the customer's approval is what lets it be approved and published. */
export function ApprovalsCard({ story, readOnly }: { story: StoryDetail; readOnly: boolean }) {
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<StoryApproval>();
  const customerApproved = story.approvals.some((approval) => approval.role === 'customer');
  return (
    <section className="card" aria-labelledby="story-approvals-title" data-testid="story-approvals">
      <header className="card-header">
        <h2 id="story-approvals-title">Approvals</h2>
        {!readOnly && (
          <button type="button" className="button small" onClick={() => setRecording(true)} data-testid="record-approval">
            Record approval
          </button>
        )}
      </header>
      {!customerApproved && (
        <p className="muted small" data-testid="no-customer-approval">
          The customer has not approved this story yet: it cannot be approved or published without it.
        </p>
      )}
      {story.approvals.length > 0 && (
        <ul className="approval-list">
          {story.approvals.map((approval) => (
            <li key={approval.id} data-testid="approval-row">
              <span className={`pill approval-${approval.role}`}>{APPROVAL_ROLE_LABELS[approval.role]}</span>
              <strong>{approval.approver}</strong>
              <time className="muted small" dateTime={approval.approvedAt}>
                {formatDateTime(approval.approvedAt)}
              </time>
              {!readOnly && (
                <button type="button" className="link-button small approval-withdraw" onClick={() => setWithdrawing(approval)} data-testid="withdraw-approval">
                  Withdraw
                </button>
              )}
              {approval.note && <p className="approval-note small">{approval.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {withdrawing && (
        <ConfirmDialog
          title="Withdraw this approval?"
          confirm="Withdraw approval"
          danger
          testId="withdraw-approval-dialog"
          onClose={() => setWithdrawing(undefined)}
          onConfirm={async () => {
            await call('stories.withdrawApproval', { id: story.id, approvalId: withdrawing.id });
            setWithdrawing(undefined);
          }}
        >
          <p>
            The approval by {withdrawing.approver} as {APPROVAL_ROLE_LABELS[withdrawing.role].toLowerCase()}, recorded {formatDateTime(withdrawing.approvedAt)}, will be taken off
            the record. Record it again if it was right after all.
          </p>
        </ConfirmDialog>
      )}
      {recording && <ApprovalDialog storyId={story.id} defaultRole={customerApproved ? 'legal' : 'customer'} onClose={() => setRecording(false)} />}
    </section>
  );
}
