import { useQuery } from '../../api/useQuery';
import { formatDate, formatInteger, formatPercent } from '../../../../shared/format/format';
import { deploymentStatusLabel } from '../../lib/labels';
import { adoption, adoptionTone, goLiveStatus } from './accountPage';

/** Products being rolled out: status, planned vs actual go-live, licences in use. */
export function DeploymentsCard({ accountId }: { accountId: number }) {
  const deployments = useQuery('deployments.list', { filter: { accountId }, pageSize: 100, sort: { field: 'plannedGoLive', direction: 'desc' } }, ['deployments']);
  const rows = deployments.data?.rows;
  const today = new Date();
  return (
    <section className="card" aria-labelledby="deployments-title" data-testid="deployments">
      <header className="card-header">
        <h2 id="deployments-title">Deployments</h2>
      </header>
      {deployments.error && (
        <p className="form-error" role="alert">
          {deployments.error.message}
        </p>
      )}
      {rows?.length === 0 && <p className="muted">No deployments recorded.</p>}
      {rows && rows.length > 0 && (
        <ul className="deployment-list">
          {rows.map((deployment) => {
            const share = adoption(deployment);
            const schedule = goLiveStatus(deployment, today);
            return (
              <li key={deployment.id} data-testid="deployment-row">
                <div className="deployment-head">
                  <strong>{deployment.product}</strong>
                  <span className={`pill status-${deployment.status}`}>{deploymentStatusLabel(deployment.status)}</span>
                  <span className={`tone-${schedule.tone} small`}>{schedule.text}</span>
                </div>
                <dl className="deployment-dates">
                  <dt>Planned go-live</dt>
                  <dd>{deployment.plannedGoLive ? formatDate(deployment.plannedGoLive) : '—'}</dd>
                  <dt>Actual go-live</dt>
                  <dd>{deployment.actualGoLive ? formatDate(deployment.actualGoLive) : '—'}</dd>
                </dl>
                {share === null ? (
                  <p className="muted small">Adoption not recorded</p>
                ) : (
                  <div className="adoption" data-testid="adoption">
                    <div
                      className={`bar tone-${deployment.status === 'live' ? adoptionTone(share) : 'progress'}`}
                      role="meter"
                      aria-label={`${deployment.product} adoption`}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(share * 100)}
                    >
                      <span style={{ width: `${Math.min(100, share * 100)}%` }} />
                    </div>
                    <span className="small">
                      {formatPercent(share)} · {formatInteger(deployment.licencesUsed!)} of {formatInteger(deployment.licencesPurchased!)} licences
                    </span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
