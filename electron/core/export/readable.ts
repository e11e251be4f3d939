// Exports people read: money in currency units with its currency (minor digits as the screens'
// formatter counts them, shared/format), labels instead of codes ("Mid-market", not "mid_market",
// the screens' shared/labels), figures rounded as the screens show them (a figure with a unit is
// rounded by shared/format's roundAs where its row is built, e.g. accountsView.ts), yes/no for flags
// and headers in words. The raw form (codes, minor units, field names) stays available for machines:
// `style: 'raw'`, which Fulcrum's own import presets read back.

import type { ExportTable } from '../../../shared/contract/export';
import { minorDigits } from '../../../shared/format/format';
import { channelLabel, deploymentStatusLabel, humanize, segmentLabel, sentimentLabel, stageLabel, touchpointKindLabel } from '../../../shared/labels';

export type ExportStyle = 'readable' | 'raw';
export type Cell = string | number | boolean | null;

const SURVEY_KINDS: Record<string, string> = { nps: 'NPS', csat: 'CSAT', nsat: 'NSAT', ces: 'CES', repurchase: 'Would buy again' };

/** Words that are abbreviations in a header: "arr" is "ARR", "id" is "ID". */
const HEADER_WORDS: Record<string, string> = { id: 'ID', arr: 'ARR', csat: 'CSAT', nps: 'NPS', crm: 'CRM', pct: '%' };

/** "externalId" -> "External ID", "grossMarginPct" -> "Gross margin %". */
export function headerOf(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => HEADER_WORDS[word] ?? word);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A code column's words, per table where the same name means different things. */
function labelFor(table: ExportTable, field: string): ((value: string) => string) | undefined {
  if (field === 'segment') return segmentLabel;
  if (field === 'lifecycleStage') return stageLabel;
  if (field === 'channel') return channelLabel;
  if (field === 'kind') return table === 'touchpoints' ? touchpointKindLabel : table === 'surveyResponses' ? (code) => SURVEY_KINDS[code] ?? humanize(code) : humanize;
  if (field === 'status') return table === 'deployments' ? deploymentStatusLabel : humanize;
  if (['stage', 'priority', 'nonAnswer', 'activity', 'role', 'healthBand'].includes(field)) return humanize;
  return undefined;
}

/** "2.5" for 2.4999999 and "29.61" for 29.607020221289584: what the screens show (at most two decimals). */
const rounded = (value: number) => (Number.isInteger(value) ? value : Math.round(value * 100) / 100);

/** A JSON list as stored ('["a","b"]') or as a list handler gives it: "a, b". */
function listText(value: string): string | undefined {
  if (!value.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string' || typeof item === 'number') ? parsed.join(', ') : undefined;
  } catch {
    return undefined;
  }
}

export interface Shape {
  headers: string[];
  row(cells: readonly Cell[]): Cell[];
}

/**
 * The readable form of a table's columns (field names as the list handlers or the camelCased
 * table give them). Money columns (`…Minor`) become major units: the row's own `currency` when the
 * table has one (accounts, deals), else the workspace's, named in the header.
 */
export function readableShape(table: ExportTable, fields: readonly string[], workspaceCurrency: string): Shape {
  const currencyAt = fields.indexOf('currency');
  const transforms = fields.map((field): ((value: Cell, cells: readonly Cell[]) => Cell) => {
    if (field.endsWith('Minor')) {
      return (value, cells) => {
        if (typeof value !== 'number') return value;
        const currency = currencyAt >= 0 && typeof cells[currencyAt] === 'string' ? cells[currencyAt] : workspaceCurrency;
        return value / 10 ** minorDigits(currency);
      };
    }
    if (field === 'sentiment') return (value) => (typeof value === 'number' ? sentimentLabel(value) : value);
    // An account without a segment reads "No segment" (issue 13), not an empty cell.
    if (field === 'segment' && table === 'accounts') return (value) => (typeof value === 'string' || value === null ? segmentLabel(value) : value);
    const label = labelFor(table, field);
    if (label) return (value) => (typeof value === 'string' ? label(value) : value);
    // Flags: booleans from the list handlers, 0/1 from the raw table.
    if (/^(is|has)[A-Z]/.test(field) || field === 'happened') return (value) => (value === true || value === 1 ? 'Yes' : value === false || value === 0 ? 'No' : value);
    return (value) => (typeof value === 'number' ? rounded(value) : typeof value === 'string' ? (listText(value) ?? value) : value);
  });
  const headers = fields.map((field) => {
    if (!field.endsWith('Minor')) return headerOf(field);
    const name = headerOf(field.slice(0, -'Minor'.length));
    return currencyAt >= 0 ? name : `${name} (${workspaceCurrency})`;
  });
  return { headers, row: (cells) => cells.map((value, i) => transforms[i]!(value, cells)) };
}

/** The raw form: field names and values as stored. */
export const rawShape = (fields: readonly string[]): Shape => ({ headers: [...fields], row: (cells) => [...cells] });
