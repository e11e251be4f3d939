import { useState } from 'react';
import type { MatchResult, RankedReference } from '../../../../shared/contract/leverage';
import type { QueryState } from '../../api/useQuery';
import { ScoreBreakdown } from '../../components/ScoreBreakdown';
import { segmentLabel } from '../../lib/labels';
import { activityLabel } from '../references/labels';
import { dayText, gateLabel, pointsText, scoreText } from './labels';
import { ExcludedList } from './ExcludedList';
import { RequestReferenceDialog } from './RequestReferenceDialog';

/** The finder's answer: the ranked references with their score parts and reasons, then the excluded ones. */
export function MatchResults({ match }: { match: QueryState<MatchResult> }) {
  const [asking, setAsking] = useState<RankedReference>();
  const [notice, setNotice] = useState<string>();
  const data = match.data;
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
            <RankedCard key={ref.referenceId} reference={ref} onRequest={() => setAsking(ref)} />
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

function RankedCard({ reference: r, onRequest }: { reference: RankedReference; onRequest: () => void }) {
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
        <button type="button" className="button primary small" onClick={onRequest} data-testid="request-reference">
          Request this reference
        </button>
      </div>
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
