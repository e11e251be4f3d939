// The rules of assessments over the tables: what an answer may be, results with the previous
// assessment of the same client, and the anonymised comparison across clients.
import type Database from 'better-sqlite3';
import type { AssessmentDetail, Comparison, Framework, Results } from '../../../shared/contract/assessments';
import { CoreError } from '../errors';
import { getDetail, previousAssessmentId } from './repo';
import { computeResults } from './results';
import { overallScore, scoreDimensions, scoreItems } from './scoring';

export function itemKeys(framework: Framework): Set<string> {
  return new Set(framework.dimensions.flatMap((d) => d.items.map((i) => i.key)));
}

/** Refuses an item the template does not have or a level that is not on its scale. */
export function checkAnswer(framework: Framework, itemKey: string, level: number | null, path = 'level'): void {
  if (!itemKeys(framework).has(itemKey)) throw new CoreError('BAD_INPUT', `the template has no item "${itemKey}"`, [{ path: 'itemKey', message: `no item "${itemKey}"` }]);
  if (level !== null && !framework.scale.levels.some((l) => l.value === level)) {
    const allowed = framework.scale.levels.map((l) => l.value).join(', ');
    throw new CoreError('BAD_INPUT', `${level} is not a level of the scale (${allowed})`, [{ path, message: `must be one of ${allowed}` }]);
  }
}

/** Dimension scores and overall of a stored assessment, without targets or respondents' spread. */
function plainScores(detail: AssessmentDetail) {
  const framework = detail.template.framework;
  const items = scoreItems(framework, detail.answers, new Map());
  const dimensions = scoreDimensions(framework, items, new Map());
  return { dimensions, overall: overallScore(dimensions) };
}

export function resultsOf(sqlite: Database.Database, detail: AssessmentDetail): Results {
  const previousId = previousAssessmentId(sqlite, detail.assessment, detail.template.name);
  let previous = null;
  if (previousId !== null) {
    const before = getDetail(sqlite, previousId);
    const scores = plainScores(before);
    previous = { id: previousId, assessedOn: before.assessment.assessedOn, overall: scores.overall, dimensions: new Map(scores.dimensions.map((d) => [d.dimensionKey, d.score])) };
  }
  return computeResults({
    framework: detail.template.framework,
    respondents: detail.respondents,
    answers: detail.answers,
    targets: new Map(detail.targets.map((t) => [t.itemKey, t.level])),
    previous,
  });
}

/** "Client A", "Client B", … "Client Z", "Client AA": labels that name no one. */
export function anonymousLabel(index: number): string {
  let label = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) label = String.fromCharCode(65 + (n % 26)) + label;
  return `Client ${label}`;
}

/** This assessment beside every other one made with a template of the same name, by dimension key. */
export function compare(sqlite: Database.Database, detail: AssessmentDetail): Comparison {
  const framework = detail.template.framework;
  const others = sqlite
    .prepare<unknown[], { id: number }>(
      `SELECT a.id FROM assessments a JOIN assessment_templates t ON t.id = a.template_id
       WHERE t.name = ? AND a.archived_at IS NULL AND a.id <> ? ORDER BY a.assessed_on, a.id`,
    )
    .all(detail.template.name, detail.assessment.id)
    .map((r) => getDetail(sqlite, r.id));
  const row = (d: AssessmentDetail, label: string, current: boolean) => {
    const scores = plainScores(d);
    return {
      label,
      current,
      assessedOn: d.assessment.assessedOn,
      overall: scores.overall,
      dimensions: Object.fromEntries(framework.dimensions.map((dim) => [dim.key, scores.dimensions.find((s) => s.dimensionKey === dim.key)?.score ?? null])),
    };
  };
  const rows = [row(detail, `${detail.assessment.clientName} (this assessment)`, true), ...others.map((d, i) => row(d, anonymousLabel(i), false))];
  const benchmark = Object.fromEntries(
    framework.dimensions.map((dim) => {
      const values = rows.filter((r) => !r.current).flatMap((r) => (r.dimensions[dim.key] == null ? [] : [r.dimensions[dim.key]!]));
      return [dim.key, values.length ? values.reduce((a, b) => a + b, 0) / values.length : null];
    }),
  );
  return { dimensions: framework.dimensions.map((d) => ({ dimensionKey: d.key, name: d.name })), rows, benchmark };
}
