import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// axe-core in the end-to-end tests. The app's Content-Security-Policy refuses script tags (so
// playwright's addScriptTag cannot inject it): its source is evaluated in the page instead.

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}
export interface AxeSummary {
  passes: number;
  violations: AxeViolation[];
}

/**
 * Runs axe on the page as it is now (WCAG 2.x A and AA rules, and best practices) and returns the
 * passes count and the violations, each with the elements it found. `exclude` leaves out parts the
 * app does not draw (none today).
 */
export async function runAxe(page: Page, exclude: string[] = []): Promise<AxeSummary> {
  // A string is evaluated by the DevTools protocol itself, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ passes: unknown[]; violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(excluded.length ? { exclude: excluded.map((selector) => [selector]) } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: (v.nodes as unknown as { target: string[]; html: string; failureSummary?: string }[]).map((n) => ({
          target: n.target.join(' '),
          html: n.html.slice(0, 160),
          summary: (n.failureSummary ?? '').slice(0, 200),
        })),
      })),
    };
  }, exclude);
}

/** The critical and serious violations, one line per element, for a test's failure message. */
export function seriousProblems(summary: AxeSummary): string[] {
  return summary.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target} ${n.html} — ${n.summary}`));
}
