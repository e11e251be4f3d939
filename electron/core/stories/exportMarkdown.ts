import type { StoryDetail } from '../../../shared/contract/stories';
import { isDraft, resultLine } from './resultLines';

const paragraphs = (text: string | null, missing: string) => (text?.trim() ? text.trim() : `_${missing}_`);

/** The story as Markdown: for a CMS, a wiki or an e-mail to the customer. */
export function storyMarkdown(story: StoryDetail): string {
  const lines: string[] = [`# ${story.title}`, ''];
  if (isDraft(story)) lines.push('> **Draft** — not yet approved by the customer. Do not publish.', '');
  const facts = [
    `**Customer:** ${story.accountName}`,
    story.industry ? `**Industry:** ${story.industry}` : null,
    story.products.length ? `**Products:** ${story.products.join(', ')}` : null,
    story.publishedAt ? `**Published:** ${story.publishedAt.slice(0, 10)}` : null,
  ].filter((fact): fact is string => fact !== null);
  lines.push(facts.join('  \n'), '');
  lines.push('## The challenge', '', paragraphs(story.challenge, 'No challenge written yet.'), '');
  lines.push('## The solution', '', paragraphs(story.solution, 'No solution written yet.'), '');
  lines.push('## Results', '');
  if (story.results.length === 0) lines.push('_No measured results linked yet._', '');
  for (const outcome of story.results) {
    const line = resultLine(outcome);
    lines.push(`- **${line.metric}:** ${line.figure}${line.period ? `, ${line.period}` : ''}`);
    if (line.method) lines.push(`  - Method: ${line.method}`);
    lines.push(`  - ${line.verification}`);
  }
  if (story.results.length > 0) lines.push('');
  if (story.quotes.length > 0) {
    lines.push('## In their words', '');
    for (const quote of story.quotes) {
      lines.push(...quote.text.split('\n').map((line) => `> ${line}`), '>', `> — ${quote.speaker}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
