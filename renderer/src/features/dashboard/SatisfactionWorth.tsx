import type { SatisfactionRevenue } from '../../../../shared/contract/churn';
import { useQuery } from '../../api/useQuery';
import { useJob } from '../../api/useJob';
import { JobProgress } from '../../components/JobProgress';
import { describeChurnPhase } from '../churn/phases';
import { ChartCard } from '../../components/ChartCard';
import { countOf, formatInteger, formatMoney } from '../../../../shared/format/format';
import { periodLabel, toScope, type DashboardFilters } from './filters';

// Issue 16: what satisfaction is worth. Renewals of the dashboard's period grouped by what the
// customer said before them (and by the rule health band), each figure with its n and 95 %
// interval, and the ARR renewing in the next year by health band and predicted churn probability.

type Grouping = SatisfactionRevenue['byNps'];
type Estimate = Grouping['groups'][number]['renewalRate'];

const NAMES: Record<string, string> = {
  promoter: 'Promoters',
  passive: 'Passives',
  detractor: 'Detractors',
  high: 'High CSAT (≥ 80 % satisfied)',
  middle: 'Middle CSAT (60-80 %)',
  low: 'Low CSAT (< 60 %)',
  champions: 'Champions',
  moralSupporters: 'Moral supporters',
  captives: 'Captives',
  rebels: 'Rebels',
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  insufficient: 'Not scored',
};

const shown = (e: Estimate) => (e.value === null ? '—' : `${Math.round(e.value)} %`);
const range = (e: Estimate) => (e.low === null || e.high === null ? '' : `${Math.round(e.low)}-${Math.round(e.high)}`);

function GroupTable({ title, grouping, testId }: { title: string; grouping: Grouping; testId: string }) {
  return (
    <div className="worth-group" data-testid={testId}>
      <table className="mini-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">n</th>
            <th scope="col">Renewal rate (95 % interval)</th>
            <th scope="col">Logo churn</th>
            <th scope="col">GRR</th>
            <th scope="col">NRR</th>
            <th scope="col">Expansion</th>
          </tr>
        </thead>
        <tbody>
          {grouping.groups.map((g) => (
            <tr key={g.group} data-testid={`${testId}-${g.group}`}>
              <th scope="row">{NAMES[g.group] ?? g.group}</th>
              <td data-testid="n">{formatInteger(g.n)}</td>
              <td data-testid="renewal" data-value={g.renewalRate.value ?? ''}>
                {shown(g.renewalRate)} <span className="muted small">{range(g.renewalRate)}</span>
              </td>
              <td>{shown(g.logoChurn)}</td>
              <td>
                {shown(g.grossRevenueRetention)} <span className="muted small">{range(g.grossRevenueRetention)}</span>
              </td>
              <td>
                {shown(g.netRevenueRetention)} <span className="muted small">{range(g.netRevenueRetention)}</span>
              </td>
              <td>{shown(g.expansion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {grouping.differences.map((d) => (
        <p key={d.group} className="small" data-testid={`${testId}-difference`}>
          {d.sentence}: a difference of {d.renewalRate.value === null ? '—' : `${d.renewalRate.value.toFixed(0)} pts`}
          {d.renewalRate.low !== null && d.renewalRate.high !== null ? ` (95 % interval ${d.renewalRate.low.toFixed(0)} to ${d.renewalRate.high.toFixed(0)} pts)` : ''}.
        </p>
      ))}
      {grouping.unassigned > 0 && (
        <p className="muted small">{grouping.unassigned === 1 ? 'One renewal' : `${formatInteger(grouping.unassigned)} renewals`} had no answer to group them by.</p>
      )}
    </div>
  );
}

function BandTable({ title, rows, currency, testId }: { title: string; rows: SatisfactionRevenue['atRisk']['byHealth']; currency: string; testId: string }) {
  return (
    <table className="mini-table" data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Band</th>
          <th scope="col">Accounts</th>
          <th scope="col">ARR renewing</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.band} data-testid={`${testId}-${r.band.replace(/\W+/g, '-')}`}>
            <th scope="row">{NAMES[r.band] ?? r.band}</th>
            <td>{formatInteger(r.accounts)}</td>
            <td data-value={r.arrMinor}>{formatMoney(r.arrMinor, currency, undefined, true)}</td>
            <td>{r.share === null ? '—' : `${Math.round(r.share)} %`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dashboard's period and account filters (segment, owner or "my accounts", region, lifecycle stage) apply; the core filters. */
export function SatisfactionWorth({ from, to, filters, currency }: { from: string; to: string; filters?: DashboardFilters; currency: string }) {
  const worth = useQuery('churn.satisfactionRevenue', { from, to, ...toScope(filters ?? {}) }, [
    'churn',
    'accounts',
    'surveyResponses',
    'tickets',
    'touchpoints',
    'deployments',
    'health',
    'identity',
  ]);
  const w = worth.data;
  // A first open reads the whole history (seconds to tens of seconds): once it reports, its bar and Cancel.
  const job = useJob('churn.satisfactionRevenue', worth.loading);
  const cancelled = worth.error?.error.code === 'CANCELLED';
  return (
    <ChartCard
      title="What satisfaction is worth"
      subtitle="renewals due in this period by what the customer said before them; ARR renewing in the next 12 months by risk"
      testId="satisfaction-worth"
      wide
      actions={
        worth.loading && job.progress ? (
          <JobProgress label="Reading the renewals' history" job={job} describe={describeChurnPhase} testId="satisfaction-worth-progress" />
        ) : cancelled ? (
          <button type="button" className="button" onClick={worth.reload} data-testid="satisfaction-worth-again">
            Load again
          </button>
        ) : undefined
      }
      state={{
        error: cancelled ? undefined : worth.error?.message,
        loading: worth.loading && !w,
        empty: cancelled
          ? 'Loading was cancelled.'
          : w?.renewals === 0 &&
            w.atRisk.accounts === 0 &&
            (w.accounts === 0 ? 'No account matches these filters.' : 'No renewal fell due in this period, and none is due in the next 12 months.'),
      }}
    >
      {w && (
        <div className="worth" data-testid="worth-body">
          <p className="muted small" data-testid="worth-renewals">
            {formatInteger(w.renewals)} renewals due {periodLabel(w)}.
          </p>
          <GroupTable title="By NPS group (last answer before the renewal)" grouping={w.byNps} testId="worth-nps" />
          <GroupTable title="By CSAT band (the year before the renewal)" grouping={w.byCsat} testId="worth-csat" />
          <GroupTable title="By advocate quadrant" grouping={w.byAdvocate} testId="worth-advocates" />
          <GroupTable title="By health band on the renewal day" grouping={w.byHealth} testId="worth-health" />
          <h3>Revenue at risk</h3>
          <p className="small" data-testid="worth-at-risk">
            {formatMoney(w.atRisk.arrMinor, currency, undefined, true)} ARR renews {periodLabel(w.atRisk)} ({countOf(w.atRisk.accounts, 'account')})
            {w.atRisk.unscored > 0 ? `; ${formatInteger(w.atRisk.unscored)} without a churn prediction` : ''}.
          </p>
          <BandTable title="By health band today" rows={w.atRisk.byHealth} currency={currency} testId="worth-risk-health" />
          <BandTable title="By predicted churn probability" rows={w.atRisk.byProbability} currency={currency} testId="worth-risk-probability" />
        </div>
      )}
    </ChartCard>
  );
}
