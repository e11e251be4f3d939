import type { Framework } from '../../../../shared/contract/assessments';
import { addItem, linesOf, removeDimension, updateDimension, updateItem } from './templateDraft';

/** One dimension: name, weight, description, and its items (statement, weight, guidance per level, evidence prompts). */
export function DimensionEditor({
  framework,
  index,
  onChange,
  issue,
}: {
  framework: Framework;
  index: number;
  onChange: (next: Framework) => void;
  issue: (path: string) => string | undefined;
}) {
  const dimension = framework.dimensions[index]!;
  const levels = framework.scale.levels;
  const at = `dimensions.${index}`;
  return (
    <section className="card dimension-editor" aria-label={`Dimension ${dimension.name}`} data-testid="dimension-editor">
      <div className="dimension-head">
        <label className="field">
          <span className="field-label">Dimension</span>
          <input
            className="input"
            value={dimension.name}
            onChange={(e) => onChange(updateDimension(framework, index, { name: e.target.value }))}
            data-testid={`dimension-name-${index}`}
          />
          {issue(`${at}.name`) && <span className="field-error">{issue(`${at}.name`)}</span>}
        </label>
        <label className="field weight-field">
          <span className="field-label">Weight</span>
          <input
            className="input number"
            type="number"
            min={0.1}
            step={0.1}
            value={dimension.weight}
            onChange={(e) => onChange(updateDimension(framework, index, { weight: Number(e.target.value) }))}
            data-testid={`dimension-weight-${index}`}
          />
          {issue(`${at}.weight`) && <span className="field-error">{issue(`${at}.weight`)}</span>}
        </label>
        <button type="button" className="link-button" disabled={framework.dimensions.length === 1} onClick={() => onChange(removeDimension(framework, index))}>
          Remove dimension
        </button>
      </div>
      <label className="field">
        <span className="field-label">Description</span>
        <input className="input" value={dimension.description} onChange={(e) => onChange(updateDimension(framework, index, { description: e.target.value }))} />
      </label>
      <ol className="item-editors">
        {dimension.items.map((item, i) => (
          <li key={i} className="item-editor">
            <div className="item-head">
              <label className="field grow">
                <span className="field-label">
                  Statement <span className="muted small">({item.key})</span>
                </span>
                <input
                  className="input"
                  value={item.statement}
                  onChange={(e) => onChange(updateItem(framework, index, i, { statement: e.target.value }))}
                  data-testid={`item-statement-${index}-${i}`}
                />
                {issue(`${at}.items.${i}.statement`) && <span className="field-error">{issue(`${at}.items.${i}.statement`)}</span>}
              </label>
              <label className="field weight-field">
                <span className="field-label">Weight</span>
                <input
                  className="input number"
                  type="number"
                  min={0.1}
                  step={0.1}
                  value={item.weight ?? 1}
                  onChange={(e) => onChange(updateItem(framework, index, i, { weight: Number(e.target.value) }))}
                />
              </label>
              <button
                type="button"
                className="link-button"
                disabled={dimension.items.length === 1}
                onClick={() => onChange(updateDimension(framework, index, { items: dimension.items.filter((_, j) => j !== i) }))}
              >
                Remove
              </button>
            </div>
            <div className="item-texts">
              <label className="field">
                <span className="field-label">Guidance, one line per level ({levels.map((l) => l.label).join(', ')})</span>
                <textarea
                  className="input"
                  rows={Math.min(levels.length, 5)}
                  value={item.guidance.join('\n')}
                  onChange={(e) => onChange(updateItem(framework, index, i, { guidance: linesOf(e.target.value) }))}
                />
                {issue(`${at}.items.${i}.guidance`) && <span className="field-error">{issue(`${at}.items.${i}.guidance`)}</span>}
              </label>
              <label className="field">
                <span className="field-label">Evidence prompts, one per line</span>
                <textarea
                  className="input"
                  rows={2}
                  value={item.evidencePrompts.join('\n')}
                  onChange={(e) => onChange(updateItem(framework, index, i, { evidencePrompts: linesOf(e.target.value).filter(Boolean) }))}
                />
              </label>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="button small" onClick={() => onChange(addItem(framework, index))}>
        Add item
      </button>
    </section>
  );
}
