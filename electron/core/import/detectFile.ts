import type { z } from 'zod';
import type { importDetectContract } from '../../../shared/contract/import';
import { CoreError } from '../errors';
import { detectPresets, DETECT_THRESHOLD, duplicateHeaders } from './detect';
import { suggestMapping } from './mapping';
import { TOOL_PRESETS } from './presets';
import { skipHeaderRows } from './shapes';
import { openSource } from './source';
import { XLSX_PREVIEW_ROWS } from './xlsxSource';
import { targetDef } from './targets';

// `import.detect`: the file's header against every shipped preset, and what automatic mapping
// would propose for the target (asked, or the best preset's) from the first rows' values.

type DetectInput = z.output<(typeof importDetectContract)['import.detect']['input']>;
type DetectOutput = z.output<(typeof importDetectContract)['import.detect']['output']>;

const SAMPLE_ROWS = 200;

export async function detectFile(input: DetectInput): Promise<DetectOutput> {
  // A workbook's head, the one its preview reads next (xlsxSource.ts): detection needs the header and 200 rows.
  const opened = await openSource({ path: input.path, sheet: input.sheet, delimiter: input.delimiter, headRows: XLSX_PREVIEW_ROWS });
  const candidates = detectPresets(TOOL_PRESETS, opened.headers);
  const best = candidates[0] && candidates[0].confidence >= DETECT_THRESHOLD ? candidates[0] : null;
  const into = input.into ?? best?.into ?? 'accounts';
  // The sample starts below the rows a detected tool writes under its header.
  const spec = best && best.into === into ? TOOL_PRESETS.find((preset) => preset.name === best.name) : undefined;
  const source = skipHeaderRows(opened, spec?.extraHeaderRows ?? 0);
  const sample: string[][] = [];
  for (const row of source.rows()) {
    sample.push(row.cells);
    if (sample.length >= SAMPLE_ROWS) break;
  }
  const { suggestions } = suggestMapping(targetDef(into), source.headers, sample);
  return { headers: source.headers, best, candidates: candidates.slice(0, 6), into, columns: suggestions, duplicateHeaders: duplicateHeaders(source.headers) };
}

type ValuesInput = z.output<(typeof importDetectContract)['import.values']['input']>;

/** The first 200 distinct values of a column, most frequent first: what an event log's activities are. */
export async function columnValues(input: ValuesInput): Promise<{ values: { value: string; count: number }[]; distinct: number }> {
  const source = await openSource({ path: input.path, sheet: input.sheet, delimiter: input.delimiter });
  const index = source.headers.indexOf(input.column);
  if (index < 0) throw new CoreError('BAD_INPUT', `column '${input.column}' is not in the file (columns: ${source.headers.join(', ')})`);
  const counts = new Map<string, number>();
  for (const row of source.rows()) {
    const value = (row.cells[index] ?? '').trim();
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { values: values.slice(0, 200), distinct: values.length };
}
