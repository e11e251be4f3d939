import type { ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { formatInteger } from '../../../../shared/format/format';
import type { Behind, Definition } from './definition';

export interface DefinitionPanelProps {
  title: string;
  /** The figure as shown on its card ("32", "No answers in this period"). */
  headline?: ReactNode;
  definitions: Definition[];
  /** Definitions the core did not name (shown so nothing is silently missing). */
  missingDefinition?: string;
  /** n in words: "n = 214 answers". */
  n?: string;
  period: string;
  filter: string;
  approximate?: boolean;
  warning?: string;
  reason?: string;
  change?: string;
  behind?: Behind;
  onClose: () => void;
}

/** A figure explained: what it is, how it is computed, where the formula comes from, and what it rests on here. */
export function DefinitionPanel(props: DefinitionPanelProps) {
  const { behind } = props;
  const max = Math.max(1, ...(behind?.distribution?.rows.map((r) => r.count) ?? [0]));
  return (
    <Dialog title={props.title} onClose={props.onClose} testId="definition-panel" wide>
      {/* Focus lands on the body, so the panel opens at its top and arrow keys scroll it. */}
      <div className="dialog-body definition-body" tabIndex={-1} data-autofocus>
        {props.headline !== undefined && (
          <p className="definition-headline" data-testid="definition-headline">
            {props.headline}
          </p>
        )}
        {props.definitions.map((definition) => (
          <section key={definition.id} className="definition" data-testid="definition">
            <h3 data-testid="definition-name">{definition.name}</h3>
            <dl className="definition-list">
              <dt>Formula</dt>
              <dd data-testid="definition-formula">{definition.formula}</dd>
              <dt>Source</dt>
              <dd data-testid="definition-source">{definition.source}</dd>
            </dl>
          </section>
        ))}
        {props.missingDefinition && <p className="muted">{props.missingDefinition}</p>}
        <h3 className="definition-subhead">This figure</h3>
        <dl className="definition-list">
          {props.n && (
            <>
              <dt>Rests on</dt>
              <dd data-testid="definition-n">{props.n}</dd>
            </>
          )}
          <dt>Period</dt>
          <dd data-testid="definition-period">{props.period}</dd>
          <dt>Filter</dt>
          <dd data-testid="definition-filter">{props.filter}</dd>
          {props.change && (
            <>
              <dt>Change</dt>
              <dd>{props.change}</dd>
            </>
          )}
          {props.approximate && (
            <>
              <dt>Precision</dt>
              <dd data-testid="definition-approximate">Approximate: computed from the maintained time sketches, within 1 % of the exact value.</dd>
            </>
          )}
          {props.warning && (
            <>
              <dt>Caution</dt>
              <dd className="tone-warn" data-testid="definition-warning">
                {props.warning}
              </dd>
            </>
          )}
          {props.reason && (
            <>
              <dt>Why no figure</dt>
              <dd data-testid="definition-reason">{props.reason}</dd>
            </>
          )}
        </dl>
        {behind && behind.figures.length > 0 && (
          <>
            <h3 className="definition-subhead">The data behind it</h3>
            <table className="behind-table" data-testid="definition-figures">
              <tbody>
                {behind.figures.map((f) => (
                  <tr key={f.label}>
                    <th scope="row">{f.label}</th>
                    <td>{f.value}</td>
                    <td className="muted small">{f.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {behind?.distribution && (
          <>
            <h3 className="definition-subhead">{behind.figures.length === 0 ? 'The data behind it' : 'Answers'}</h3>
            <p className="muted small">{behind.distribution.caption}</p>
            <table className="distribution" data-testid="definition-distribution">
              <thead>
                <tr>
                  <th scope="col">Answer</th>
                  <th scope="col" className="num">
                    Count
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Share</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {behind.distribution.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td className="num">{formatInteger(row.count)}</td>
                    <td className="distribution-bar">
                      <span className={`answer-${row.tone}`} style={{ width: `${(row.count / max) * 100}%` }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            Close
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
