import type { ImportMapping, ImportTarget } from '../../../../shared/contract/import';
import { MAX_STAGED_BYTES } from '../../../../shared/contract/import';

// The Import screen's pure parts: the targets' labels, the column <-> field mapping the user edits,
// the file's bytes in base64 chunks for `import.stage`, and sample cells read from the file itself.

export const TARGET_LABELS: Record<ImportTarget, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  touchpoints: 'Touchpoints',
  tickets: 'Tickets',
  surveyResponses: 'Survey answers',
  deployments: 'Deployments',
  deals: 'Deals',
  references: 'References',
  purchases: 'Purchases',
};

/** Where the imported rows can be seen. */
export const TARGET_ROUTES: Partial<Record<ImportTarget, string>> = { accounts: 'accounts', contacts: 'contacts', tickets: 'tickets', purchases: 'purchases' };

type Source = ImportMapping['fields'][string];
const columnOf = (source: Source) => (typeof source === 'string' ? source : source.column);

/** Column -> the field it fills ('' for none), from a mapping's field -> column. */
export function fieldsByColumn(mapping: ImportMapping, headers: readonly string[]): Record<string, string> {
  const byColumn: Record<string, string> = Object.fromEntries(headers.map((header) => [header, '']));
  for (const [field, source] of Object.entries(mapping.fields)) byColumn[columnOf(source)] = field;
  return byColumn;
}

/**
 * The user's correction: `column` now fills `field` ('' = not imported). A field fills from one
 * column, so a column that held the field before gives it up; a scale on an unchanged field is kept.
 */
export function assignColumn(mapping: ImportMapping, column: string, field: string): ImportMapping {
  const fields: ImportMapping['fields'] = {};
  for (const [name, source] of Object.entries(mapping.fields)) {
    if (columnOf(source) === column || name === field) continue;
    fields[name] = source;
  }
  if (field) fields[field] = column;
  return { ...mapping, fields };
}

export function fileProblem(file: { name: string; size: number }): string | undefined {
  if (file.size === 0) return `${file.name} is empty: choose a file with a header row and data.`;
  if (file.size > MAX_STAGED_BYTES)
    return `${file.name} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_STAGED_BYTES)} can be imported here (the command line takes larger ones).`;
  const lower = file.name.toLowerCase();
  if (!/\.(csv|tsv|txt|xlsx)$/.test(lower)) return `${file.name} is not a CSV or XLSX file.`;
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Raw bytes per `import.stage` call: 4.5 MB is 6 MB of base64, under the bridge's 10 MB body limit. */
export const STAGE_CHUNK_BYTES = 4.5 * 1024 * 1024;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes the start of a file as the core would (BOM or NUL bytes decide the encoding). */
export function decodeStart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length > 1 && bytes[1] === 0 && bytes[0] !== 0) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
}

/** Up to `rows` records of a CSV text (quoted fields, embedded newlines); a cut-off last record is dropped. */
export function parseCsvStart(text: string, delimiter: string, rows: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const whitespace = delimiter === 'whitespace';
  while (i < text.length && records.length < rows) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (whitespace ? c === ' ' || c === '\t' : c === delimiter) {
      if (!whitespace || cell !== '') record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!whitespace || cell !== '') record.push(cell);
      if (record.length > 0) records.push(record);
      record = [];
      cell = '';
    } else cell += c;
    i++;
  }
  return records;
}

/** Column -> its first few non-empty cells, from the records after the header. */
export function sampleValues(headers: readonly string[], records: readonly string[][], count = 3): Record<string, string[]> {
  const samples: Record<string, string[]> = Object.fromEntries(headers.map((header) => [header, []]));
  for (const record of records) {
    headers.forEach((header, index) => {
      const value = record[index]?.trim();
      if (value && samples[header]!.length < count) samples[header]!.push(value);
    });
  }
  return samples;
}

export const rate = (rowsPerSecond: number) =>
  rowsPerSecond >= 1000 ? `${Math.round(rowsPerSecond / 1000).toLocaleString('en-US')}k rows/s` : `${Math.round(rowsPerSecond)} rows/s`;
