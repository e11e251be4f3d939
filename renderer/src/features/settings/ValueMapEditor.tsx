import { formatNumber } from '../../../../shared/format/format';
import { Field } from '../../components/Field';
import type { FieldErrors } from './settingsForm';
import { ATTRIBUTE_KINDS, emptyAttribute, ROUNDING_OPTIONS, weightSum, type AttributeKind, type AttributeRow, type Rounding, type ValueMapForm } from './valueMapForm';

const COLUMNS: { key: keyof AttributeRow; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Attribute', numeric: false },
  { key: 'weight', label: 'Weight', numeric: true },
  { key: 'ours', label: 'Our rating', numeric: true },
  { key: 'theirs', label: 'Competitor’s rating', numeric: true },
];

/**
 * The value-map survey (Gale 1994) against one competitor: quality and price attributes, each
 * with a weight and both ratings. Weights show their sum, because the core rescales them to 100
 * when they do not add up (and says so on the dashboard).
 */
export function ValueMapEditor({ form, errors, onChange }: { form: ValueMapForm; errors: FieldErrors; onChange: (patch: (current: ValueMapForm) => ValueMapForm) => void }) {
  const setRow = (kind: AttributeKind, index: number, key: keyof AttributeRow, value: string) =>
    onChange((f) => ({ ...f, [kind]: f[kind].map((row, i) => (i === index ? { ...row, [key]: value } : row)) }));
  return (
    <section className="card settings-card" aria-labelledby="value-map-title" data-testid="settings-value-map">
      <header className="card-header">
        <h2 id="value-map-title">Customer value map</h2>
      </header>
      <p className="muted small settings-intro">
        Customers rate us and one competitor on each attribute. Relative quality = Σ weight × (our rating ÷ theirs) over the quality attributes; the same over the price attributes
        gives price satisfaction, and relative price = 100 × 100 ÷ that. 100 is parity.
      </p>
      <div className="form-grid three">
        <Field label="Competitor" name="valueMap.competitor" error={errors['valueMap.competitor']} hint="the one the ratings compare with">
          <input className="input" value={form.competitor} onChange={(e) => onChange((f) => ({ ...f, competitor: e.target.value }))} data-testid="input-valueMap-competitor" />
        </Field>
        <Field label="Rounding" name="valueMap.rounding" error={errors['valueMap.rounding']} hint="of each ratio before it is weighted">
          <select className="input" value={form.rounding} onChange={(e) => onChange((f) => ({ ...f, rounding: e.target.value as Rounding }))} data-testid="input-valueMap-rounding">
            {ROUNDING_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {ATTRIBUTE_KINDS.map(({ kind, title, hint }) => {
        const sum = weightSum(form[kind]);
        return (
          <div key={kind} className="value-map-list" data-testid={`value-map-${kind}`}>
            <h3 className="definition-subhead">{title}</h3>
            <p className="muted small">{hint}</p>
            {form[kind].length > 0 && (
              <table className="value-map-table">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                        {c.label}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {form[kind].map((row, i) => (
                    <tr key={i} data-testid={`value-map-${kind}-row`}>
                      {COLUMNS.map((c) => {
                        const field = `valueMap.${kind}.${i}.${c.key}`;
                        return (
                          <td key={c.key}>
                            <input
                              className={`input${c.numeric ? ' number' : ''}`}
                              inputMode={c.numeric ? 'decimal' : undefined}
                              aria-label={`${title}, row ${i + 1}: ${c.label}`}
                              aria-invalid={errors[field] ? true : undefined}
                              value={row[c.key]}
                              onChange={(e) => setRow(kind, i, c.key, e.target.value)}
                              data-testid={`input-${field}`}
                            />
                            {errors[field] && (
                              <span className="field-error" data-testid={`error-${field}`}>
                                {errors[field]}
                              </span>
                            )}
                          </td>
                        );
                      })}
                      <td>
                        <button
                          type="button"
                          className="button small"
                          aria-label={`Remove ${row.name || `row ${i + 1}`}`}
                          onClick={() => onChange((f) => ({ ...f, [kind]: f[kind].filter((_, k) => k !== i) }))}
                          data-testid={`remove-${kind}-${i}`}
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="value-map-footer">
              <button type="button" className="button small" onClick={() => onChange((f) => ({ ...f, [kind]: [...f[kind], emptyAttribute()] }))} data-testid={`add-${kind}`}>
                Add attribute
              </button>
              {sum !== null && (
                <span className={sum === 100 ? 'muted small' : 'tone-warn small'} data-testid={`weight-sum-${kind}`}>
                  Weights sum to {formatNumber(sum)}
                  {sum !== 100 && sum > 0 ? ' — rescaled to 100' : ''}
                </span>
              )}
            </div>
            {errors[`valueMap.${kind}`] && (
              <p className="field-error" data-testid={`error-valueMap.${kind}`}>
                {errors[`valueMap.${kind}`]}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}
