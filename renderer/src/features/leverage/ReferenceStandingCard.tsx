import { useQuery } from '../../api/useQuery';
import { ScoreBreakdown } from '../../components/ScoreBreakdown';
import { referenceStageLabel } from '../references/labels';
import { LEVERAGE_DOMAINS, pointsText, readinessTone, scoreText } from './labels';
import './leverage.css';

/** The account's standing as a reference: its readiness with the reasons, and its place in the program. */
export function ReferenceStandingCard({ accountId }: { accountId: number }) {
  const standing = useQuery('leverage.standing', { accountId }, LEVERAGE_DOMAINS);
  const data = standing.data;
  const r = data?.readiness;
  return (
    <section className="card standing-card" aria-labelledby="standing-title" data-testid="reference-standing">
      <header className="card-header">
        <h2 id="standing-title">Reference standing</h2>
        <a href="#/references/pipeline" className="small" data-testid="standing-link">
          References →
        </a>
      </header>
      {standing.error && (
        <p className="form-error" role="alert">
          Readiness could not be computed: {standing.error.message}
        </p>
      )}
      {!data && !standing.error && (
        <p className="muted" aria-busy="true">
          Computing readiness…
        </p>
      )}
      {data && r && (
        <>
          <div className="standing-summary">
            <div className={`readiness-dial tone-${readinessTone(r.score, data.threshold)}`} role="img" aria-label={`Readiness ${scoreText(r.score)} of 100`}>
              <svg viewBox="0 0 36 36" aria-hidden="true">
                <circle cx="18" cy="18" r="15.9" className="dial-track" />
                <circle cx="18" cy="18" r="15.9" className="dial-value" strokeDasharray={`${r.score ?? 0} 100`} />
              </svg>
              <strong data-testid="standing-score">{scoreText(r.score)}</strong>
            </div>
            <dl className="facts">
              <div>
                <dt>Program</dt>
                <dd data-testid="standing-stage">
                  {data.reference ? (
                    <>
                      <span className={`pill stage-ref-${data.reference.stage}`}>{referenceStageLabel(data.reference.stage)}</span>
                      {data.reference.contactName && <span className="muted"> · {data.reference.contactName}</span>}
                    </>
                  ) : r.score !== null && r.score >= data.threshold ? (
                    <span>
                      Not in the program: a candidate (readiness ≥ {data.threshold}). <a href="#/references/candidates">Nominate</a>
                    </span>
                  ) : (
                    <span className="muted">Not in the program</span>
                  )}
                </dd>
              </div>
              {r.reason && (
                <div>
                  <dt>Why no score</dt>
                  <dd>{r.reason}</dd>
                </div>
              )}
              <div>
                <dt>Fatigue</dt>
                <dd data-testid="standing-fatigue">{r.fatigue.reason}</dd>
              </div>
            </dl>
          </div>
          <ScoreBreakdown
            testId="standing-components"
            caption="Readiness components, with the reason each scored what it did"
            rows={[
              ...r.components.map((c) => ({
                id: c.id,
                label: c.label,
                reason: c.reason,
                weight: c.weight,
                score: scoreText(c.score),
                points: pointsText(c.points),
                counted: c.score !== null,
                testId: `standing-component-${c.id}`,
              })),
              ...(r.fatigue.penalty > 0 ? [{ id: 'fatigue', label: 'Fatigue', points: `−${pointsText(r.fatigue.penalty)}`, penalty: true }] : []),
            ]}
          />
        </>
      )}
    </section>
  );
}
