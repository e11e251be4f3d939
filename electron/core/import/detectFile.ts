import type { z } from 'zod';
import type { importDetectContract } from '../../../shared/contract/import';
import { detectPresets, DETECT_THRESHOLD, duplicateHeaders } from './detect';
import { suggestMapping } from './mapping';
import { TOOL_PRESETS } from './presets';
import { skipHeaderRows } from './shapes';
import { openSource } from './source';
import { targetDef } from './targets';

// `import.detect`: the file's header against every shipped preset, and what automatic mapping
// would propose for the target (asked, or the best preset's) from the first rows' values.

type DetectInput = z.output<(typeof importDetectContract)['import.detect']['input']>;
type DetectOutput = z.output<(typeof importDetectContract)['import.detect']['output']>;

const SAMPLE_ROWS = 200;

export async function detectFile(input: DetectInput): Promise<DetectOutput> {
  const opened = await openSource({ path: input.path, sheet: input.sheet, delimiter: input.delimiter });
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
