import { segmentLabel } from '../../lib/labels';
import { segmentKey } from './filters';
import type { PortfolioData } from './cardState';

interface Props {
  error: string | undefined;
  p: PortfolioData | undefined;
  segment: string | undefined;
  /** The workspace has no account at all (not only none under these filters): lead with the import. */
  workspaceEmpty: boolean;
  onRetry: () => void;
}

/** Why the dashboard shows nothing: the core failed (with a retry), the workspace is empty, or no account matches the selection. */
export function DashboardNotices({ error, p, segment, workspaceEmpty, onRetry }: Props) {
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
      {p && p.accounts === 0 && workspaceEmpty && (
        <div className="banner" role="status" data-testid="dashboard-workspace-empty">
          <span>This workspace has no accounts yet: import your CRM, help-desk and survey exports to see the figures here.</span>
          <a className="button small primary" href="#/import">
            Import your data
          </a>
        </div>
      )}
      {p && p.accounts === 0 && !workspaceEmpty && (
        <div className="banner" role="status" data-testid="dashboard-no-accounts">
          <span>No accounts match this selection{segment ? ` in ${segmentLabel(segmentKey(segment))}` : ''}, so there is nothing to measure yet.</span>
          <a className="button small" href="#/accounts">
            Go to accounts
          </a>
        </div>
      )}
    </>
  );
}
