import { stringify } from 'csv-stringify/sync';
import type { RequestDemand } from '../../../shared/contract/feedback';
import { formatMoney } from '../../../shared/format/format';

const segmentsText = (row: RequestDemand) => row.segments.map((s) => `${s.segment} (${s.accounts})`).join('; ');
/** Minor units to a plain decimal a spreadsheet reads as a number. */
const major = (minor: number) => (minor / 100).toFixed(2);

/** The board as CSV for product teams: one row per request, money as plain decimals in `currency`. */
export function requestsCsv(rows: readonly RequestDemand[], currency: string): string {
  return stringify([
    ['id', 'title', 'status', 'product', 'feature', 'items', 'accounts', 'contacts', `arr_${currency}`, `renewal_arr_at_risk_${currency}`, 'segments', 'shipped_at'],
    ...rows.map((r) => [
      r.request.id,
      r.request.title,
      r.request.status,
      r.request.product ?? '',
      r.request.feature ?? '',
      r.items,
      r.accounts,
      r.contacts,
      major(r.arrMinor),
      major(r.renewalArrAtRiskMinor),
      segmentsText(r),
      r.request.shippedAt ?? '',
    ]),
  ]);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The same as a Markdown table with a heading, for a product wiki or a pull request. */
export function requestsMarkdown(rows: readonly RequestDemand[], currency: string, today: string, horizonDays: number): string {
  const lines = [
    `# Customer requests by revenue (${today})`,
    '',
    `Renewal ARR at risk: ARR of current customers renewing within ${horizonDays} days whose health is red or amber. Each account counts once per request.`,
    '',
    `| # | Request | Status | Product / feature | Accounts | Contacts | ARR | Renewal ARR at risk | Segments |`,
    `| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- |`,
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${cell(r.request.title)} | ${r.request.status} | ${cell([r.request.product, r.request.feature].filter(Boolean).join(' / ') || '—')} | ${r.accounts} | ${r.contacts} | ${formatMoney(r.arrMinor, currency, 'en-US')} | ${formatMoney(r.renewalArrAtRiskMinor, currency, 'en-US')} | ${cell(segmentsText(r) || '—')} |`,
    ),
  ];
  if (rows.length === 0) lines.push('', 'No requests yet.');
  return `${lines.join('\n')}\n`;
}
