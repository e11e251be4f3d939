import type { StoryDetail } from '../../../shared/contract/stories';
import { isDraft, resultLine } from './resultLines';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Blank lines separate paragraphs; single line breaks stay. */
const prose = (text: string | null, missing: string) =>
  text?.trim()
    ? text
        .trim()
        .split(/\n\s*\n/)
        .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
        .join('\n')
    : `<p class="missing">${missing}</p>`;

// Print-ready on A4 with no external assets (fonts, images, scripts), so "Print / Save as PDF"
// from any browser gives the PDF, offline.
const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1c2430; background: #fff; }
.story-doc { max-width: 178mm; margin: 0 auto; padding: 12mm 0; }
.draft { border: 2px solid #b42318; color: #b42318; padding: 6px 10px; font: 600 10pt system-ui, sans-serif; margin-bottom: 12px; }
h1 { font: 700 22pt/1.2 system-ui, 'Segoe UI', sans-serif; margin: 0 0 8px; }
h2 { font: 600 13pt system-ui, 'Segoe UI', sans-serif; margin: 18px 0 6px; color: #2554c7; break-after: avoid; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; font: 9.5pt system-ui, sans-serif; color: #5b6675; margin: 0 0 10px; padding: 0; list-style: none; }
.facts strong { color: #1c2430; }
.results { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
.result { border-left: 4px solid #2554c7; padding: 4px 10px; break-inside: avoid; }
.result .metric { font: 600 10.5pt system-ui, sans-serif; }
.result .figure { font: 700 15pt system-ui, sans-serif; }
.result .meta { font: 9pt system-ui, sans-serif; color: #5b6675; }
blockquote { margin: 10px 0; padding: 8px 14px; border-left: 4px solid #dde2e8; font-style: italic; break-inside: avoid; }
blockquote footer { font: normal 9.5pt system-ui, sans-serif; color: #5b6675; margin-top: 4px; }
.missing { color: #5b6675; font-style: italic; }
@media print { .story-doc { padding: 0; } a { color: inherit; text-decoration: none; } }
`;

function resultsHtml(story: StoryDetail): string {
  if (story.results.length === 0) return '<p class="missing">No measured results linked yet.</p>';
  const items = story.results.map((outcome) => {
    const line = resultLine(outcome);
    const meta = [line.period, line.method ? `Method: ${line.method}` : null, line.verification].filter((part): part is string => part !== null);
    return `<li class="result"><div class="metric">${escapeHtml(line.metric)}</div><div class="figure">${escapeHtml(line.figure)}</div>${meta
      .map((part) => `<div class="meta">${escapeHtml(part)}</div>`)
      .join('')}</li>`;
  });
  return `<ul class="results">\n${items.join('\n')}\n</ul>`;
}

/** The story as one self-contained, print-ready HTML page. */
export function storyHtml(story: StoryDetail): string {
  const facts = [
    ['Customer', story.accountName],
    ['Industry', story.industry],
    ['Products', story.products.join(', ') || null],
    ['Published', story.publishedAt?.slice(0, 10) ?? null],
  ].filter((fact): fact is [string, string] => fact[1] !== null && fact[1] !== '');
  const quotes = story.quotes.map((quote) => `<blockquote><p>“${escapeHtml(quote.text)}”</p><footer>— ${escapeHtml(quote.speaker)}</footer></blockquote>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(story.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<article class="story-doc">
${isDraft(story) ? '<p class="draft">Draft — not yet approved by the customer. Do not publish.</p>\n' : ''}<h1>${escapeHtml(story.title)}</h1>
<ul class="facts">${facts.map(([label, value]) => `<li><strong>${label}:</strong> ${escapeHtml(value)}</li>`).join('')}</ul>
<h2>The challenge</h2>
${prose(story.challenge, 'No challenge written yet.')}
<h2>The solution</h2>
${prose(story.solution, 'No solution written yet.')}
<h2>Results</h2>
${resultsHtml(story)}
${quotes.length ? `<h2>In their words</h2>\n${quotes.join('\n')}` : ''}
</article>
</body>
</html>
`;
}
