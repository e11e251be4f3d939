import type { ReactNode } from 'react';
import type { Account } from '../../../../shared/contract/accounts';
import { daysUntil, formatDate, formatDateTime, formatInteger, formatMoney, formatNumber, renewalText, renewalTone } from '../../../../shared/format/format';
import { segmentLabel, stageLabel } from '../../lib/labels';
import { DASH } from './accountColumns';

/** Every field of the account, formatted for reading. */
export function ProfileCard({ account, onEdit }: { account: Account; onEdit: () => void }) {
  const date = (value: string | null) => (value ? formatDate(value) : DASH);
  const renewal = account.renewalDate ? daysUntil(account.renewalDate, new Date()) : null;
  const items: [string, string, ReactNode][] = [
    ['segment', 'Segment', segmentLabel(account.segment)],
    ['lifecycleStage', 'Stage', <span className={`pill stage-${account.lifecycleStage}`}>{stageLabel(account.lifecycleStage)}</span>],
    ['owner', 'Owner', account.owner ?? DASH],
    ['arr', 'ARR', `${formatMoney(account.arrMinor, account.currency)} (${account.currency})`],
    ['grossMarginPct', 'Gross margin', account.grossMarginPct === null ? DASH : `${formatNumber(account.grossMarginPct)} %`],
    ['employeeCount', 'Employees', account.employeeCount === null ? DASH : formatInteger(account.employeeCount)],
    ['industry', 'Industry', account.industry ?? DASH],
    ['region', 'Region', account.region ?? DASH],
    ['externalId', 'CRM id', account.externalId ?? DASH],
    ['contractStart', 'Contract start', date(account.contractStart)],
    [
      'renewalDate',
      'Renewal',
      renewal === null ? (
        DASH
      ) : (
        <>
          {date(account.renewalDate)}{' '}
          <span className={renewalTone(renewal) === 'muted' ? 'muted' : `tone-${renewalTone(renewal)}`} data-testid="profile-renewal-when">
            ({renewalText(renewal)})
          </span>
        </>
      ),
    ],
  ];
  if (account.lifecycleStage === 'churned' || account.churnedAt) {
    items.push(['churnedAt', 'Churned on', date(account.churnedAt)], ['churnReason', 'Churn reason', account.churnReason ?? DASH]);
  }
  items.push(
    [
      'tags',
      'Tags',
      account.tags.length
        ? account.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))
        : DASH,
    ],
    ['createdAt', 'Created', formatDateTime(account.createdAt)],
    ['updatedAt', 'Last changed', formatDateTime(account.updatedAt)],
  );
  return (
    <section className="card" aria-labelledby="profile-title" data-testid="profile">
      <header className="card-header">
        <h2 id="profile-title">Profile</h2>
        <button type="button" className="button small" onClick={onEdit} data-testid="account-edit">
          Edit
        </button>
      </header>
      <dl className="profile">
        {items.map(([field, label, value]) => (
          <div key={field} className="profile-item">
            <dt>{label}</dt>
            <dd data-testid={`profile-${field}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
