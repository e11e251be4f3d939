import type { Source } from './source';

// Files whose first rows are not data: Qualtrics writes the questions' text and their import ids
// under the header, SurveyMonkey the answer choices. The preset says how many; they are read past.

export function skipHeaderRows(source: Source, count: number): Source {
  if (count <= 0) return source;
  return {
    ...source,
    estimatedRows: Math.max(0, source.estimatedRows - count),
    *rows() {
      let skipped = 0;
      for (const row of source.rows()) {
        if (skipped < count) {
          skipped++;
          continue;
        }
        yield row;
      }
    },
  };
}
