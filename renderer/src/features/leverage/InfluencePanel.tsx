import { useState } from 'react';
import type { Influence, ProgramFigures } from '../../../../shared/contract/leverage';
import { useQuery } from '../../api/useQuery';
import { formatMoney } from '../../../../shared/format/format';
import { pastSlaText } from '../../../../shared/format/requests';
import { segmentLabel } from '../../lib/labels';
import { dayText, LEVERAGE_DOMAINS, percentText } from './labels';
import { defaultPeriod, periodError } from './period';
import './leverage.css';

type Group = Influence['overall']['withReference'];

/** What references did for revenue, and how the program serves its requests, over a period. */
export function InfluencePanel() {
  const [period, setPeriod] = useState(() => defaultPeriod(new Date()));
  const problem = periodError(period);
  const input = problem ? {} : period;
  const influence = useQuery('leverage.influence', input, LEVERAGE_DOMAINS);
  const program = useQuery('leverage.programFigures', input, LEVERAGE_DOMAINS);
  const i = influence.data;
  // A workspace without deals has no influence to show: say so, instead of "$0" and empty rates.
  const anyDeal = useQuery('deals.list', { pageSize: 1 }, ['deals']).data;
  const noDeals = anyDeal?.total === 0;

  return (
    <div className="influence" data-testid="influence">
      <div className="toolbar">
        <label className="inline-field">
          From
          <input className="input" type="date" value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))} data-testid="influence-from" />
        </label>
        <label className="inline-field">
          To (exclusive)
          <input className="input" type="date" value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))} data-testid="influence-to" />
        </label>
        {problem && (
          <span className="field-error" role="alert">
            {problem}: showing the last 12 months
          </span>
        )}
      </div>
      {influence.error && (
        <p className="form-error" role="alert">
          {influence.error.message}
        </p>
      )}
      {!i && !influence.error && (
        <p className="muted" aria-busy="true">
          Computing influence…
        </p>
      )}
      {i && noDeals && (
        <p className="empty-note" data-testid="influence-no-deals">
          No deals yet. Influence compares deals won with a reference against those without: <a href="#/import">import your deals</a> (from your CRM) or add them, and it shows
          here.
        </p>
      )}
      {i && !noDeals && (
        <>
          <div className="kpi-row">
            <Figure
              label="Influenced pipeline"
              value={formatMoney(i.influencedPipelineMinor, i.currency, undefined, true)}
              note={`${i.influencedDeals} deal${i.influencedDeals === 1 ? '' : 's'} with a reference completed between ${dayText(i.from)} and ${dayText(i.to)}`}
              testId="influence-pipeline"
            />
            <Figure
              label="Influenced won revenue"
              value={formatMoney(i.influencedWonMinor, i.currency, undefined, true)}
              note={i.otherCurrencyDeals ? `${i.otherCurrencyDeals} deals in other currencies not summed` : 'won deals among them'}
              testId="influence-won"
            />
            <Figure
              label="Win rate with a reference"
              value={percentText(i.overall.withReference.winRate)}
              note={`n = ${i.overall.withReference.n} closed · without: ${percentText(i.overall.withoutReference.winRate)} (n = ${i.overall.withoutReference.n})`}
              testId="influence-winrate"
            />
            <Figure
              label="Median sales cycle with a reference"
              value={cycleText(i.overall.withReference)}
              note={`n = ${i.overall.withReference.won} won · without: ${cycleText(i.overall.withoutReference)} (n = ${i.overall.withoutReference.won})`}
              testId="influence-cycle"
            />
          </div>
          <section className="card" aria-labelledby="influence-segments-title">
            <header className="card-header">
              <h2 id="influence-segments-title">With and without a reference, same segment and period</h2>
              <span className="muted small">deals closed in the period; cycle = median days from opening to close of won deals</span>
            </header>
            <table className="influence-table" data-testid="influence-table">
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="num">
                    Win rate with (n)
                  </th>
                  <th scope="col" className="num">
                    Win rate without (n)
                  </th>
                  <th scope="col" className="num">
                    Cycle with (n)
                  </th>
                  <th scope="col" className="num">
                    Cycle without (n)
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...i.segments, i.overall].map((row) => (
                  <tr key={row.segment} className={row.segment === 'all' ? 'total' : undefined} data-testid="influence-row">
                    <th scope="row">{row.segment === 'all' ? 'All segments' : segmentLabel(row.segment)}</th>
                    <td className="num">
                      {percentText(row.withReference.winRate)} <span className="muted">({row.withReference.n})</span>
                    </td>
                    <td className="num">
                      {percentText(row.withoutReference.winRate)} <span className="muted">({row.withoutReference.n})</span>
                    </td>
                    <td className="num">
                      {cycleText(row.withReference)} <span className="muted">({row.withReference.won})</span>
                    </td>
                    <td className="num">
                      {cycleText(row.withoutReference)} <span className="muted">({row.withoutReference.won})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <ProgramSection program={program.data} error={program.error?.message} />
    </div>
  );
}

const cycleText = (g: Group) => (g.medianCycleDays === null ? '—' : `${Math.round(g.medianCycleDays)} days`);

function Figure({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="card kpi-figure" data-testid={testId}>
      <span className="kpi-label">{label}</span>
      <strong className="kpi-value" data-testid={`${testId}-value`}>
        {value}
      </strong>
      <span className="muted small">{note}</span>
    </div>
  );
}

function ProgramSection({ program: p, error }: { program: ProgramFigures | undefined; error?: string }) {
  return (
    <section className="card" aria-labelledby="program-title" data-testid="program-figures">
      <header className="card-header">
        <h2 id="program-title">The program's requests</h2>
        {p && (
          <span className="muted small">
            {p.requests} requests made from {dayText(p.from)} to {dayText(p.to)}
          </span>
        )}
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {p && (
        <div className="program-grid">
          <dl className="facts">
            <div>
              <dt>Acceptance rate</dt>
              <dd data-testid="program-acceptance">
                {percentText(p.acceptance.rate)}{' '}
                <span className="muted small">
                  ({p.acceptance.accepted} of {p.acceptance.decided} decided)
                </span>
              </dd>
            </div>
            <div>
              <dt>Median time to fulfil</dt>
              <dd data-testid="program-fulfil">
                {p.fulfilment.medianDays === null ? '—' : `${Math.round(p.fulfilment.medianDays * 10) / 10} days`} <span className="muted small">(n = {p.fulfilment.n})</span>
              </dd>
            </div>
            <div>
              <dt>Awaiting an answer past the {p.pastSla.slaDays}-day SLA</dt>
              <dd className={p.pastSla.count > 0 ? 'tone-bad' : 'tone-ok'} data-testid="program-past-sla">
                {pastSlaText(p.pastSla.count, p.pastSla.slaDays).count} {p.pastSla.count > 0 && <a href="#/references/requests">see the requests</a>}
              </dd>
            </div>
          </dl>
          <UsageList title="Most used" rows={p.mostUsed} empty="No completed requests in the period." testId="program-most" />
          <UsageList title="Least used (active)" rows={p.leastUsed} empty="No active references." testId="program-least" />
        </div>
      )}
    </section>
  );
}

function UsageList({ title, rows, empty, testId }: { title: string; rows: ProgramFigures['mostUsed']; empty: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3 className="usage-title">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ol className="usage-list">
          {rows.map((r) => (
            <li key={r.referenceId}>
              <span>{r.accountName}</span>
              <span className="muted">
                {r.uses} use{r.uses === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
