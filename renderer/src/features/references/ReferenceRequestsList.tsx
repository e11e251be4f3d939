import type { RequestRow } from '../../../../shared/contract/requests';
import { formatDate } from '../../../../shared/format/format';
import { activityLabel, requestStatusLabel } from './labels';

/** A reference's latest requests, each linking to its row in the Requests tab. */
export function ReferenceRequestsList({ requests }: { requests: RequestRow[] }) {
  if (requests.length === 0)
    return (
      <p className="muted" data-testid="reference-requests-empty">
        Not asked yet.
      </p>
    );
  return (
    <table className="mini-table" data-testid="reference-requests">
      <thead>
        <tr>
          <th scope="col">Requested</th>
          <th scope="col">Activity</th>
          <th scope="col">For</th>
          <th scope="col">Status</th>
          <th scope="col">Rating</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id}>
            <td>
              <a href={`#/references/requests/${request.id}`}>{formatDate(request.requestedAt)}</a>
            </td>
            <td>{activityLabel(request.activity)}</td>
            <td>{request.prospect ?? <span className="muted">Programme ({request.requester})</span>}</td>
            <td>
              <span className={`pill request-${request.status}`}>{requestStatusLabel(request.status)}</span>
            </td>
            <td>{request.rating === null ? <span className="muted">–</span> : `${request.rating}/5`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
