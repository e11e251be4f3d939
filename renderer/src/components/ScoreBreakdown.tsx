import type { ReactNode } from 'react';

/** One part of a score: what it is, why it scored so, its weight, its score and the points it adds. */
export interface BreakdownRow {
  id: string;
  label: ReactNode;
  reason?: ReactNode;
  weight?: ReactNode;
  score?: ReactNode;
  /** The score drawn as a bar (0-100) in the colour of its band. */
  bar?: { value: number; color: string };
  points: ReactNode;
  /** A part without data takes no weight: it is shown greyed. */
  counted?: boolean;
  /** A penalty's points read as bad. */
  penalty?: boolean;
  testId?: string;
}

/**
 * The weight · score · points table that explains a score (health, readiness, the finder's
 * match), so every score in the app is explained the same way.
 */
export function ScoreBreakdown({
  rows,
  testId,
  caption,
  partHeading = 'Component and reason',
  bars,
}: {
  rows: BreakdownRow[];
  testId: string;
  /** For screen readers: what the table explains. */
  caption?: string;
  partHeading?: string;
  /** The score column holds bars (not right-aligned numbers). */
  bars?: boolean;
}) {
  const scoreClass = bars ? undefined : 'num';
  return (
    <table className="components-table" data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{partHeading}</th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col" className={scoreClass}>
            Score
          </th>
          <th scope="col" className="num">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.counted === false ? 'not-counted' : undefined} data-testid={row.testId}>
            <th scope="row">
              <span className="component-label">{row.label}</span>
              {row.reason !== undefined && (
                <span className="component-reason" data-testid="component-reason">
                  {row.reason}
                </span>
              )}
            </th>
            <td className="num">{row.weight}</td>
            <td className={scoreClass}>
              {bars ? (
                <span className="score-cell">
                  {row.bar && (
                    <span className="score-bar" aria-hidden="true">
                      <span style={{ width: `${row.bar.value}%`, background: row.bar.color }} />
                    </span>
                  )}
                  <span data-testid="component-score">{row.score}</span>
                </span>
              ) : (
                row.score !== undefined && <span data-testid="component-score">{row.score}</span>
              )}
            </td>
            <td className={row.penalty ? 'num tone-bad' : 'num'} data-testid="component-contribution">
              {row.points}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
