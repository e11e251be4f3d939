import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScoreBreakdown } from './ScoreBreakdown';

const render = (element: React.ReactElement) => {
  const host = document.createElement('div');
  host.innerHTML = renderToStaticMarkup(element);
  return host;
};

describe('ScoreBreakdown', () => {
  it('explains each part with its weight, score and points, greying parts without data', () => {
    const host = render(
      <ScoreBreakdown
        testId="parts"
        caption="Why"
        rows={[
          { id: 'a', label: 'Support', reason: 'fast answers', weight: 30, score: '80', points: '+24', testId: 'part-a' },
          { id: 'b', label: 'Survey', reason: 'no answers', weight: 20, score: 'No data', points: 'not counted', counted: false, testId: 'part-b' },
          { id: 'fatigue', label: 'Fatigue', points: '−5', penalty: true },
        ]}
      />,
    );
    const a = host.querySelector('[data-testid="part-a"]')!;
    expect(a.querySelector('[data-testid="component-reason"]')!.textContent).toBe('fast answers');
    expect(a.querySelector('[data-testid="component-score"]')!.textContent).toBe('80');
    expect(a.querySelector('[data-testid="component-contribution"]')!.textContent).toBe('+24');
    expect(host.querySelector('[data-testid="part-b"]')!.className).toBe('not-counted');
    const rows = host.querySelectorAll('tbody tr');
    expect(rows[2]!.querySelector('td.tone-bad')!.textContent).toBe('−5');
    expect(host.querySelector('caption')!.textContent).toBe('Why');
  });

  it('draws score bars in the band colour when asked, leaving the weight the first number', () => {
    const host = render(
      <ScoreBreakdown testId="parts" bars rows={[{ id: 'a', label: 'Support', weight: '30 (60%)', score: '80', bar: { value: 80, color: 'green' }, points: '+48' }]} />,
    );
    const row = host.querySelector('tbody tr')!;
    expect(row.querySelector('td.num')!.textContent).toBe('30 (60%)');
    expect(row.querySelector<HTMLElement>('.score-bar > span')!.style.width).toBe('80%');
  });
});
