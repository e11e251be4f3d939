import { segmentLabel } from '../../lib/labels';
import type { PortfolioData } from './cardState';

/** Why the dashboard shows nothing: the core failed (with a retry), or no account matches the selection. */
export function DashboardNotices({ error, p, segment, onRetry }: { error: string | undefined; p: PortfolioData | undefined; segment: string | undefined; onRetry: () => void }) {
  return (
    <>
      {error && (
        <div className="form-error error-banner" role="alert" data-testid="dashboard-error">
          <span>The dashboard could not be computed: {error}</span>
          <button type="button" className="button small" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {p && p.accounts === 0 && (
        <div className="banner" role="status" data-testid="dashboard-no-accounts">
          <span>No accounts match this selection{segment ? ` in ${segmentLabel(segment)}` : ''}, so there is nothing to measure yet.</span>
          <a className="button small" href="#/accounts">
            Go to accounts
          </a>
        </div>
      )}
    </>
  );
}
