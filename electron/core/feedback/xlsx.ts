import type { RequestDemand } from '../../../shared/contract/feedback';
import { minorDigits } from '../../../shared/format/format';
import { segmentLabel } from '../../../shared/labels';
import { loadExcelJS } from '../lib/lazyModules';

// The board as an XLSX workbook for product teams. 'readable' (the screen's Export XLSX): headers in
// words, statuses and segments by their labels, money in currency units as the board shows it (the
// currency's own decimals, named in the header), dates as dates. 'raw': the CSV's columns (ids,
// codes, minor units), for a script.

const STATUS_WORDS: Record<RequestDemand['request']['status'], string> = { open: 'Open', planned: 'Planned', shipped: 'Shipped', declined: 'Declined' };

type Row = (string | number | Date | null)[];

const segmentsOf = (row: RequestDemand, label: (segment: string) => string) => row.segments.map((s) => `${label(s.segment)} (${s.accounts})`).join('; ');
const readableSegment = (segment: string) => segmentLabel(segment === 'unknown' ? null : segment);

/** Header and rows of one style (pure). */
export function requestsSheet(rows: readonly RequestDemand[], currency: string, style: 'readable' | 'raw'): { header: string[]; rows: Row[]; moneyColumns: number[] } {
  if (style === 'raw')
    return {
      header: ['id', 'title', 'status', 'product', 'feature', 'items', 'accounts', 'contacts', 'arr_minor', 'renewal_arr_at_risk_minor', 'currency', 'segments', 'shipped_at'],
      rows: rows.map((r) => [
        r.request.id,
        r.request.title,
        r.request.status,
        r.request.product,
        r.request.feature,
        r.items,
        r.accounts,
        r.contacts,
        r.arrMinor,
        r.renewalArrAtRiskMinor,
        currency,
        segmentsOf(r, (s) => s),
        r.request.shippedAt,
      ]),
      moneyColumns: [],
    };
  const major = (minor: number) => minor / 10 ** minorDigits(currency);
  return {
    header: ['Request', 'Status', 'Product', 'Feature', 'Items', 'Accounts', 'Contacts', `ARR (${currency})`, `Renewal ARR at risk (${currency})`, 'Segments', 'Shipped on'],
    rows: rows.map((r) => [
      r.request.title,
      STATUS_WORDS[r.request.status],
      r.request.product,
      r.request.feature,
      r.items,
      r.accounts,
      r.contacts,
      major(r.arrMinor),
      major(r.renewalArrAtRiskMinor),
      segmentsOf(r, readableSegment),
      r.request.shippedAt ? new Date(`${r.request.shippedAt}T00:00:00.000Z`) : null,
    ]),
    moneyColumns: [8, 9],
  };
}

/** The workbook's bytes: one sheet, the header bold and frozen, money and dates formatted. */
export async function requestsXlsx(rows: readonly RequestDemand[], currency: string, style: 'readable' | 'raw'): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Requests', { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = requestsSheet(rows, currency, style);
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  const digits = minorDigits(currency);
  for (const column of table.moneyColumns) sheet.getColumn(column).numFmt = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  if (style === 'readable') sheet.getColumn(table.header.length).numFmt = 'yyyy-mm-dd';
  sheet.columns.forEach((column, i) => (column.width = Math.min(60, Math.max(10, table.header[i]!.length + 2, ...table.rows.map((r) => String(r[i] ?? '').length + 2)))));
  return Buffer.from(await book.xlsx.writeBuffer());
}
