import { useState, type ReactNode } from 'react';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { activityLabel, requestStatusLabel } from './labels';
import { actionLabel, actionsFor, type RequestAction } from './requestActions';
import { RequestActionDialog } from './RequestActionDialog';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

/** A request from ask to feedback, with the steps it can take next. */
export function RequestDetailDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const query = useQuery('requests.get', { id }, ['requests']);
  const [action, setAction] = useState<RequestAction>();
  const request = query.data;
  return (
    <Dialog title={request ? `${activityLabel(request.activity)} with ${request.accountName}` : 'Request'} onClose={onClose} testId="request-detail" wide>
      <div className="dialog-body">
        {query.error && (
          <p className="form-error" role="alert">
            {query.error.message}
          </p>
        )}
        {!request && !query.error && (
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        )}
        {request && (
          <>
            <p className="request-status-line">
              <span className={`pill request-${request.status}`} data-testid="detail-status">
                {requestStatusLabel(request.status)}
              </span>
              {request.overdueSla && (
                <span className="sla-overdue">
                  {' '}
                  Awaiting an answer for {request.daysOpen} days: past the {request.slaDays}-day SLA
                </span>
              )}
            </p>
            <dl className="request-facts" data-testid="request-facts">
              <Item label="Reference">
                <a href={`#/references/pipeline/${request.referenceId}`}>{request.accountName}</a>
                {request.contactName ? ` · ${request.contactName}` : ''}
              </Item>
              <Item label="For">{request.prospect ?? 'The programme (no deal)'}</Item>
              <Item label="Requested">
                {formatDateTime(request.requestedAt)} by {request.requester}
              </Item>
              <Item label="Needed by">{request.neededBy ? formatDate(request.neededBy) : 'Not given'}</Item>
              {request.approvedAt && (
                <Item label="Approved">
                  {formatDateTime(request.approvedAt)} by {request.approvedBy}
                </Item>
              )}
              {request.scheduledFor && <Item label="Scheduled for">{formatDateTime(request.scheduledFor)}</Item>}
              {request.completedAt && (
                <Item label="Completed">
                  {formatDateTime(request.completedAt)}
                  {request.happened === false ? ' (did not take place)' : ''}
                </Item>
              )}
              {request.rating !== null && <Item label="Rating">{request.rating}/5</Item>}
              {request.feedback && <Item label="How it went">{request.feedback}</Item>}
              {request.referenceSaid && (
                <Item label="The reference said">
                  <q>{request.referenceSaid}</q>
                </Item>
              )}
              {request.closedReason && <Item label={request.status === 'declined' ? 'Declined because' : 'Cancelled because'}>{request.closedReason}</Item>}
            </dl>
            <footer className="dialog-actions">
              {actionsFor(request.status).map((next, index) => (
                <button key={next} type="button" className={`button ${index === 0 ? 'primary' : ''}`} onClick={() => setAction(next)} data-testid={`detail-${next}`}>
                  {actionLabel(next, request.status)}
                </button>
              ))}
              <button type="button" className="button" onClick={onClose}>
                Close
              </button>
            </footer>
          </>
        )}
      </div>
      {action && request && <RequestActionDialog request={request} action={action} onClose={() => setAction(undefined)} />}
    </Dialog>
  );
}
