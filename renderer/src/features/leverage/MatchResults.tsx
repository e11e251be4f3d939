import { useState } from 'react';
import type { MatchResult, RankedReference } from '../../../../shared/contract/leverage';
import { OPEN_REQUEST_STATUSES, type RequestRow } from '../../../../shared/contract/requests';
import { useLoader, type QueryState } from '../../api/useQuery';
import { call } from '../../api/client';
import { ScoreBreakdown } from '../../components/ScoreBreakdown';
import { segmentLabel } from '../../lib/labels';
import { activityLabel, requestStatusLabel } from '../references/labels';
import { TeamBudgetWarning } from '../references/TeamBudgetWarning';
import { dayText, gateLabel, pointsText, scoreText } from './labels';
import { ExcludedList } from './ExcludedList';
import { RequestReferenceDialog } from './RequestReferenceDialog';
import './finderMarks.css';

/** The finder's answer: the ranked references with their score parts and reasons, then the excluded ones. */
export function MatchResults({ match }: { match: QueryState<MatchResult> }) {
  const [asking, setAsking] = useState<RankedReference>();
  const [notice, setNotice] = useState<string>();
  const data = match.data;
  // This deal's requests, newest first: a reference already asked for it shows the request's state, and is not asked twice.
  const dealRequests = useLoader(data?.dealId ? String(data.dealId) : undefined, (key) => call('requests.list', { filter: { dealId: Number(key) }, pageSize: 500 }), ['requests']);
  const requested = new Map<number, RequestRow>();
  for (const request of dealRequests.data?.rows ?? []) if (!requested.has(request.referenceId)) requested.set(request.referenceId, request);
  if (match.error)
    return (
      <p className="form-error" role="alert" data-testid="match-error">
        {match.error.message}
      </p>
    );
  if (!data)
    return (
      <p className="muted" aria-busy="true" data-testid="match-loading">
        Finding references…
      </p>
    );
  return (
    <div className="match-results" aria-busy={match.loading} data-testid="match-results">
      <p className="match-summary" data-testid="match-summary">
        <strong>{data.eligible}</strong> of {data.pool} references in the program can take a {activityLabel(data.activity).toLowerCase()} on {dayText(data.neededOn)}
        {data.excluded.length > 0 && (
          <>
            ; held back:{' '}
            {Object.entries(data.excludedByGate)
              .filter(([, n]) => n > 0)
              .map(([gate, n]) => `${n} ${gateLabel(gate as keyof typeof data.excludedByGate).toLowerCase()}`)
              .join(', ')}
          </>
        )}
        .
      </p>
      {notice && (
        <p className="tone-ok" role="status" data-testid="request-notice">
          {notice} <a href="#/references/requests">Open the requests</a>
        </p>
      )}
      {data.pool === 0 ? (
        <p className="empty-note" data-testid="match-no-pool">
          The program has no active references yet. <a href="#/references/candidates">See the candidates</a> to nominate customers who are ready.
        </p>
      ) : data.ranked.length === 0 ? (
        <p className="empty-note" data-testid="match-none">
          No reference passes every gate for this {data.dealId ? 'deal' : 'profile'}. The excluded ones below say what holds each back.
        </p>
      ) : (
        <ol className="match-list" aria-label="Matching references, best first">
          {data.ranked.map((ref) => (
            <RankedCard key={ref.referenceId} reference={ref} request={requested.get(ref.referenceId)} onRequest={() => setAsking(ref)} />
          ))}
        </ol>
      )}
      <ExcludedList excluded={data.excluded} total={Object.values(data.excludedByGate).reduce((s, n) => s + n, 0)} />
      {asking && (
        <RequestReferenceDialog
          reference={asking}
          dealId={data.dealId}
          activity={data.activity}
          onClose={() => setAsking(undefined)}
          onDone={(message) => {
            setAsking(undefined);
            setNotice(message);
          }}
        />
      )}
    </div>
  );
}

/** A request that still stands (open, or done) for this deal: asking again would be a second request. */
const stands = (request: RequestRow | undefined) =>
  request !== undefined && ((OPEN_REQUEST_STATUSES as readonly string[]).includes(request.status) || request.status === 'completed');

function RankedCard({ reference: r, request, onRequest }: { reference: RankedReference; request: RequestRow | undefined; onRequest: () => void }) {
  const blocked = stands(request);
  return (
    <li className="card match-card" data-testid="match-row" data-reference-id={r.referenceId}>
      <div className="match-head">
        <span className="match-rank" aria-label={`Rank ${r.rank}`}>
          {r.rank}
        </span>
        <div className="match-who">
          <a href={`#/accounts/${r.accountId}`} className="match-name" data-testid="match-name">
            {r.accountName}
          </a>
          <span className="muted small">{[r.contactName, r.industry, segmentLabel(r.segment), r.region].filter(Boolean).join(' · ')}</span>
        </div>
        <div className="match-score" aria-label={`Score ${scoreText(r.score)} of 100`}>
          <strong data-testid="match-score">{scoreText(r.score)}</strong>
          <span className="muted small">of 100</span>
        </div>
        <div className="match-actions">
          {request && (
            <a href={`#/references/requests/${request.id}`} className={`pill request-${request.status}`} data-testid="match-requested" title={`Requested by ${request.requester}`}>
              Requested for this deal: {requestStatusLabel(request.status)}
            </a>
          )}
          <button
            type="button"
            className="button primary small"
            onClick={onRequest}
            disabled={blocked}
            title={blocked ? 'Already requested for this deal: open the request instead' : undefined}
            data-testid="request-reference"
          >
            {request && !blocked ? 'Request again' : 'Request this reference'}
          </button>
        </div>
      </div>
      {r.teamBudget && <TeamBudgetWarning budget={r.teamBudget} />}
      <p className="match-links small">
        <a href={`#/references/pipeline/${r.referenceId}`} data-testid="match-past-requests">
          Past requests and consent
        </a>
        {' · '}
        <a href={`#/accounts/${r.accountId}`} data-testid="match-stories">
          Stories and results
        </a>
      </p>
      <div className="score-parts" role="img" aria-label={r.parts.map((p) => `${p.label} ${pointsText(p.points)} points`).join(', ')}>
        {r.parts.map((p) => (
          <span key={p.id} className={`part part-${p.id}`} style={{ width: `${Math.max(0, p.points ?? 0)}%` }} title={`${p.label}: ${pointsText(p.points)} points (${p.reason})`} />
        ))}
      </div>
      <ul className="reason-chips" aria-label="Why it fits" data-testid="match-reasons">
        {r.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <details className="match-breakdown">
        <summary data-testid="match-breakdown-toggle">Score breakdown</summary>
        <ScoreBreakdown
          testId="match-breakdown"
          partHeading="Part and reason"
          rows={r.parts.map((p) => ({
            id: p.id,
            label: (
              <>
                <span className={`swatch part-${p.id}`} aria-hidden="true" /> {p.label}
              </>
            ),
            reason: p.reason,
            weight: p.weight,
            score: scoreText(p.score),
            points: pointsText(p.points),
          }))}
        />
        <table className="components-table criteria" aria-label="Similarity by criterion">
          <tbody>
            {r.criteria
              .filter((c) => c.specified)
              .map((c) => (
                <tr key={c.criterion} className={c.match > 0 ? undefined : 'not-counted'}>
                  <th scope="row">{c.reason}</th>
                  <td className="num">
                    {pointsText(c.points)} of{' '}
                    {pointsText(
                      (100 * c.weight) /
                        Math.max(
                          1,
                          r.criteria.reduce((s, x) => s + x.weight, 0),
                        ),
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}
