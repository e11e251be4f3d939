import { useMemo } from 'react';
import { useQuery } from '../../api/useQuery';
import { ChartCard } from '../../components/ChartCard';
import { EChart } from '../../components/EChart';
import type { AssessmentDetail, Results } from '../../../../shared/contract/assessments';
import { ComparisonCard } from './ComparisonCard';
import { heatmapHeight, heatmapOption, radarOption, resultLines } from '../../../../shared/charts/assessments';
import { FindingsCard } from './FindingsCard';
import { formatScore, countOf } from './format';
import { formatDate } from '../../../../shared/format/format';

/** Scores, stage, floor, gaps, the radar, the heatmap, findings and the benchmark. */
export function ResultsPanel({ detail }: { detail: AssessmentDetail }) {
  const results = useQuery('assessments.results', { id: detail.assessment.id }, ['assessments']);
  const data = results.data;
  const radar = useMemo(
    () =>
      data
        ? radarOption(
            data.dimensions.map((d) => d.name),
            resultLines(data),
          )
        : undefined,
    [data],
  );
  const heatmap = useMemo(() => heatmapOption(detail), [detail]);
  const noScore = data && data.overall === null ? 'No levels given yet: answer some items on the Answers tab.' : false;

  return (
    <div className="results-panel" data-testid="results-panel">
      {results.error && (
        <p className="form-error" role="alert">
          {results.error.message}
        </p>
      )}
      {data && <KeyFigures results={data} respondents={detail.respondents.length} />}
      <div className="assessment-columns">
        <ChartCard title="Dimensions" subtitle="normalised 0–100" testId="results-radar" state={{ loading: !data, empty: noScore }}>
          {radar && <EChart option={radar} height={380} label="Radar of dimension scores: current, target and previous" testId="radar-chart" />}
          {data && <DimensionTable results={data} />}
        </ChartCard>
        <ChartCard title="Answers by respondent" subtitle="level per item" testId="results-heatmap" state={{ empty: detail.answers.length === 0 ? 'No answers yet.' : false }}>
          <EChart option={heatmap} height={heatmapHeight(detail)} label="Heatmap of levels given, items by respondents" testId="heatmap-chart" />
        </ChartCard>
      </div>
      {data && <FindingsCard results={data} />}
      <ComparisonCard id={detail.assessment.id} />
    </div>
  );
}

function KeyFigures({ results, respondents }: { results: Results; respondents: number }) {
  return (
    <section className="card key-figures" aria-label="Key numbers" data-testid="results-figures">
      <div className="figure">
        <span className="figure-label">Overall score</span>
        <span className="figure-value" data-testid="results-overall">
          {formatScore(results.overall)}
        </span>
        <span className="figure-n">of 100{results.overallTarget !== null ? ` · target ${formatScore(results.overallTarget)}` : ''}</span>
      </div>
      <div className="figure">
        <span className="figure-label">Stage reached</span>
        <span className="figure-value" data-testid="results-stage">
          {results.stage?.name ?? 'None yet'}
        </span>
        <span className="figure-n">{results.nextStage ? `Next, ${results.nextStage.name}: ${results.nextStage.unmet.join('; ')}` : 'the highest stage'}</span>
      </div>
      <div className="figure">
        <span className="figure-label">Floor dimension</span>
        <span className="figure-value" data-testid="results-floor">
          {results.floor?.name ?? '—'}
        </span>
        <span className="figure-n">{results.floor ? `${formatScore(results.floor.score)} of 100: the weakest link` : 'no scores yet'}</span>
      </div>
      <div className="figure">
        <span className="figure-label">Answered</span>
        <span className="figure-value">{results.progress === null ? '—' : `${Math.round(results.progress)} %`}</span>
        <span className="figure-n">
          {countOf(respondents, 'respondent')}
          {results.previous ? ` · previous ${formatDate(results.previous.assessedOn)}: ${formatScore(results.previous.overall)}` : ''}
        </span>
      </div>
    </section>
  );
}

function DimensionTable({ results }: { results: Results }) {
  return (
    <table className="assessment-table compact" data-testid="dimension-table">
      <thead>
        <tr>
          <th>Dimension</th>
          <th className="num">Score</th>
          <th className="num" title="Lowest and highest respondent's score">
            Respondents
          </th>
          <th className="num">Target</th>
          <th className="num">Previous</th>
        </tr>
      </thead>
      <tbody>
        {results.dimensions.map((d) => (
          <tr key={d.dimensionKey} className={results.floor?.dimensionKey === d.dimensionKey ? 'floor' : undefined}>
            <td>
              {d.name}
              {results.floor?.dimensionKey === d.dimensionKey && <span className="pill floor-pill">floor</span>}
            </td>
            <td className="num">{d.score === null ? 'not scored' : formatScore(d.score)}</td>
            <td className="num">{d.minScore === null ? '—' : `${formatScore(d.minScore)}–${formatScore(d.maxScore)}`}</td>
            <td className="num">{formatScore(d.targetScore)}</td>
            <td className="num">{formatScore(d.previousScore)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
