import type { Results } from '../../../../shared/contract/assessments';
import { formatLevel, countOf } from './format';

const KIND_LABELS = { floor: 'Floor', disagreement: 'Disagreement', gap: 'Gap to target', unanswered: 'Unanswered' } as const;

/** Findings (floor, disagreement, gaps), then the items furthest below their target. */
export function FindingsCard({ results }: { results: Results }) {
  const gaps = results.items.filter((i) => i.gap !== null && i.gap > 0).sort((a, b) => b.gap! - a.gap!);
  const shown = results.findings.filter((f) => f.kind !== 'unanswered');
  return (
    <section className="card" aria-labelledby="findings-title" data-testid="findings-card">
      <header className="card-header">
        <h2 id="findings-title">Findings</h2>
        <span className="muted small">{countOf(shown.length, 'finding')}</span>
      </header>
      {shown.length === 0 ? (
        <p className="muted">No findings yet: they appear as answers come in.</p>
      ) : (
        <ul className="findings-list">
          {shown.map((f, i) => (
            <li key={i} className={`finding finding-${f.kind}`} data-testid={`finding-${f.kind}`}>
              <span className="pill">{KIND_LABELS[f.kind]}</span> {f.text}
            </li>
          ))}
        </ul>
      )}
      {gaps.length > 0 && (
        <>
          <h3 className="section-title gaps-title">Largest gaps to target</h3>
          <table className="assessment-table compact" data-testid="gap-table">
            <thead>
              <tr>
                <th>Item</th>
                <th className="num">Mean</th>
                <th className="num">Range</th>
                <th className="num">Target</th>
                <th className="num">Gap</th>
              </tr>
            </thead>
            <tbody>
              {gaps.slice(0, 10).map((i) => (
                <tr key={i.itemKey}>
                  <td>{i.statement}</td>
                  <td className="num">{formatLevel(i.meanLevel)}</td>
                  <td className="num">{i.minLevel === null ? '—' : `${formatLevel(i.minLevel)}–${formatLevel(i.maxLevel)}`}</td>
                  <td className="num">{formatLevel(i.target)}</td>
                  <td className="num">{i.gap!.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
