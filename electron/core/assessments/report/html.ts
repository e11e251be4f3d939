// The client report as one self-contained HTML page: cover, executive summary with the key
// numbers, radar and heatmap (inline SVG), findings per dimension, roadmap, appendix of answers.
// The same HTML is printed to PDF by Chromium (browser build, tests) and by Electron.
import { HORIZON_LABELS, type AssessmentDetail, type Results } from '../../../../shared/contract/assessments';
import { heatmapSvg, radarSvg, type Charts } from './charts';
import { REPORT_CSS } from './style';
import { countOf } from '../../../../shared/format/format';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const score = (value: number | null) => (value === null ? '—' : String(Math.round(value)));
const level = (value: number | null) => (value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(1));
/** "March 1, 2026" in the reader's locale: a calendar date has no time zone, so it is written as stored. */
function dateText(ymd: string, locale: string): string {
  const date = new Date(`${ymd.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? ymd : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Items are named by their place, "2.3" (the third item of the second dimension), never by their key ("onboarding-plan"). */
function itemLabels(detail: AssessmentDetail): Map<string, string> {
  const labels = new Map<string, string>();
  detail.template.framework.dimensions.forEach((d, di) => d.items.forEach((item, ii) => labels.set(item.key, `${di + 1}.${ii + 1}`)));
  return labels;
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

export function reportName(detail: AssessmentDetail): string {
  const slug = detail.assessment.clientName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `assessment-${slug || 'client'}-${detail.assessment.assessedOn}`;
}

function keyNumbers(detail: AssessmentDetail, results: Results, locale: string): string {
  const figures: [string, string][] = [
    ['Overall score', `${score(results.overall)} / 100`],
    ['Stage reached', results.stage?.name ?? 'None yet'],
    ['Floor dimension', results.floor ? `${results.floor.name} (${score(results.floor.score)})` : '—'],
    ['Target', results.overallTarget === null ? 'Not set' : `${score(results.overallTarget)} / 100`],
    ['Respondents', countOf(detail.respondents.length, 'respondent')],
  ];
  if (results.previous) figures.push([`Previous (${dateText(results.previous.assessedOn, locale)})`, `${score(results.previous.overall)} / 100`]);
  return `<dl class="figures">${figures.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>`;
}

function dimensionSection(detail: AssessmentDetail, results: Results, key: string): string {
  const dimension = results.dimensions.find((d) => d.dimensionKey === key)!;
  const definition = detail.template.framework.dimensions.find((d) => d.key === key)!;
  const items = results.items.filter((i) => i.dimensionKey === key);
  const findings = results.findings.filter((f) => f.dimensionKey === key);
  const range = dimension.minScore === null ? '' : ` · respondents from ${score(dimension.minScore)} to ${score(dimension.maxScore)}`;
  return `<section class="dimension">
    <h3>${escape(dimension.name)} <span class="score">${score(dimension.score)}</span></h3>
    <p class="muted">${escape(definition.description)}${range}${dimension.targetScore === null ? '' : ` · target ${score(dimension.targetScore)}`}</p>
    <table><thead><tr><th>Item</th><th class="num">Mean</th><th class="num">Range</th><th class="num">Target</th><th class="num">Gap</th></tr></thead><tbody>
    ${items.map((i) => `<tr${i.disagreement ? ' class="flag"' : ''}><td>${escape(i.statement)}</td><td class="num">${level(i.meanLevel)}</td><td class="num">${i.minLevel === null ? '—' : `${level(i.minLevel)}–${level(i.maxLevel)}`}</td><td class="num">${level(i.target)}</td><td class="num">${i.gap === null ? '—' : i.gap.toFixed(1)}</td></tr>`).join('')}
    </tbody></table>
    ${findings.length ? `<ul class="findings">${findings.map((f) => `<li class="finding-${f.kind}">${escape(f.text)}</li>`).join('')}</ul>` : ''}
  </section>`;
}

function roadmap(detail: AssessmentDetail): string {
  if (detail.recommendations.length === 0) return '<p class="muted">No recommendations recorded.</p>';
  const dimensionName = (key: string | null) => detail.template.framework.dimensions.find((d) => d.key === key)?.name ?? '';
  return `<table><thead><tr><th>#</th><th>Action</th><th>Dimension</th><th>Owner</th><th>Horizon</th><th>Expected effect</th></tr></thead><tbody>
  ${detail.recommendations.map((r, i) => `<tr><td>${i + 1}</td><td>${escape(r.action)}</td><td>${escape(dimensionName(r.dimensionKey))}</td><td>${escape(r.owner ?? '')}</td><td class="horizon">${r.horizon ? escape(HORIZON_LABELS[r.horizon]) : ''}</td><td>${escape(r.expectedEffect ?? '')}</td></tr>`).join('')}
  </tbody></table>`;
}

function appendix(detail: AssessmentDetail): string {
  const { framework } = detail.template;
  const labelOf = (value: number) => framework.scale.levels.find((l) => l.value === value)?.label ?? String(value);
  const labels = itemLabels(detail);
  const rows = framework.dimensions.flatMap((d) =>
    d.items.flatMap((item) => {
      const answers = detail.answers.filter((a) => a.itemKey === item.key);
      return answers.map((a) => {
        const who = detail.respondents.find((r) => r.id === a.respondentId);
        const given = a.level !== null ? `${a.level} ${labelOf(a.level)}` : a.nonAnswer === 'dont_know' ? "Don't know" : 'Not applicable';
        const links = a.links.length ? `<br><span class="muted">${a.links.map(escape).join(' · ')}</span>` : '';
        return `<tr><td>${escape(labels.get(item.key) ?? '')}</td><td>${escape(who?.name ?? '')}</td><td>${escape(given)}</td><td>${escape(a.evidence ?? '')}${links}</td></tr>`;
      });
    }),
  );
  return `<table class="appendix"><thead><tr><th>Item</th><th>Respondent</th><th>Answer</th><th>Evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table>
  <h3>Items</h3><dl class="items">${framework.dimensions.flatMap((d) => d.items.map((i) => `<dt>${escape(labels.get(i.key) ?? '')}</dt><dd>${escape(i.statement)}</dd>`)).join('')}</dl>`;
}

export function reportHtml(detail: AssessmentDetail, results: Results, echarts: Charts, locale = 'en-US'): string {
  const { assessment: a, template } = detail;
  const previousLabel = results.previous ? `Previous (${dateText(results.previous.assessedOn, locale)})` : null;
  // A blank summary leaves its words out (the key figures stay): no placeholder sentence goes to a client.
  const summary = a.executiveSummary?.trim() ? paragraphs(a.executiveSummary) : '';
  const respondents = detail.respondents.map((r) => [r.name, r.role, r.function].filter(Boolean).join(', ')).join('; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(`${template.name} — ${a.clientName}`)}</title><style>${REPORT_CSS}</style></head>
<body>
<section class="cover">
  <p class="kicker">${escape(template.name)} · version ${template.version}</p>
  <h1>${escape(a.clientName)}</h1>
  <p class="lead">Assessment of ${escape(dateText(a.assessedOn, locale))} by ${escape(a.assessor)}</p>
  ${a.scope ? `<p><strong>Scope:</strong> ${escape(a.scope)}</p>` : ''}
  <p><strong>Respondents:</strong> ${escape(respondents || 'none')}</p>
  <p class="confidential">Confidential: prepared for ${escape(a.clientName)}.</p>
</section>
<section class="page">
  <h2>${summary ? 'Executive summary' : 'Key figures'}</h2>
  ${keyNumbers(detail, results, locale)}
  ${summary}
  ${results.nextStage ? `<p><strong>Next stage, ${escape(results.nextStage.name)}:</strong> ${escape(results.nextStage.unmet.join('; '))}.</p>` : ''}
  <h2>Dimensions: current${results.dimensions.some((d) => d.targetScore !== null) ? ', target' : ''}${previousLabel ? ' and previous' : ''}</h2>
  <figure class="chart">${radarSvg(echarts, results)}</figure>
</section>
<section class="page">
  <h2>Answers by respondent</h2>
  <p class="muted">Each cell is the level a respondent gave an item; blank cells are not answered, don't know or not applicable.</p>
  <figure class="chart">${heatmapSvg(echarts, detail)}</figure>
</section>
<section class="page">
  <h2>Findings by dimension</h2>
  ${template.framework.dimensions.map((d) => dimensionSection(detail, results, d.key)).join('')}
</section>
<section class="page">
  <h2>Roadmap</h2>
  ${roadmap(detail)}
</section>
<section class="page">
  <h2>Appendix: answers and evidence</h2>
  ${appendix(detail)}
</section>
</body></html>`;
}
