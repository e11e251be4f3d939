import type { ReactNode } from 'react';
import { Field } from '../../components/Field';
import { formatPercent } from '../../../../shared/format/format';
import { BAND_COLORS } from '../dashboard/charts/theme';
import type { SectionProps } from './sectionProps';
import { COMPONENTS, normalisedShares, readWeight, type ComponentId } from './settingsForm';

/** Health weights with their normalised shares, the coverage floor and the band thresholds. */
export function HealthSection({ form, error, update, children }: SectionProps & { children: ReactNode }) {
  const weights = Object.fromEntries(COMPONENTS.map((c) => [c.id, readWeight(form.weights[c.id])])) as Record<ComponentId, number | null>;
  const shares = normalisedShares(weights);
  const red = Number(form.redBelow);
  const amber = Number(form.amberBelow);
  return (
    <section className="card settings-card" aria-labelledby="health-title" data-testid="settings-health">
      <header className="card-header">
        <h2 id="health-title">Health score</h2>
      </header>
      <p className="muted small settings-intro">
        The score is the weighted mean of the components that have data for an account; weights are relative, so what counts is each one's share. Components without data are left
        out and the rest renormalised.
      </p>
      <table className="weights-table">
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Weight</th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {COMPONENTS.map((component) => {
            const field = `health.weights.${component.id}`;
            const share = shares[component.id];
            return (
              <tr key={component.id} className={error(field) ? 'invalid' : undefined}>
                <th scope="row">
                  <label htmlFor={`weight-${component.id}`}>{component.label}</label>
                  <span className="muted small">{component.hint}</span>
                </th>
                <td>
                  <div className="weight-inputs">
                    <input
                      type="range"
                      min={0}
                      max={100}
                      step={1}
                      value={weights[component.id] ?? 0}
                      aria-label={`${component.label} weight`}
                      onChange={(event) => update((f) => ({ ...f, weights: { ...f.weights, [component.id]: event.target.value } }))}
                      data-testid={`weight-slider-${component.id}`}
                    />
                    <input
                      id={`weight-${component.id}`}
                      className="input number"
                      inputMode="decimal"
                      value={form.weights[component.id]}
                      aria-invalid={error(field) ? true : undefined}
                      aria-describedby={error(field) ? `weight-${component.id}-error` : undefined}
                      onChange={(event) => update((f) => ({ ...f, weights: { ...f.weights, [component.id]: event.target.value } }))}
                      data-testid={`input-weight-${component.id}`}
                    />
                  </div>
                  {error(field) && (
                    <span className="field-error" id={`weight-${component.id}-error`} data-testid={`error-${field}`}>
                      {error(field)}
                    </span>
                  )}
                </td>
                <td className="num share">
                  <span className={`swatch share-${COMPONENTS.indexOf(component)}`} aria-hidden="true" />
                  <span data-testid={`share-${component.id}`}>{share === null ? '—' : formatPercent(share)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="share-bar" aria-hidden="true">
        {COMPONENTS.map((component, i) => {
          const share = shares[component.id];
          return share ? (
            <span key={component.id} className={`share-${i}`} style={{ width: `${share * 100}%` }} title={`${component.label} ${formatPercent(share)}`}>
              {share >= 0.1 ? component.label : ''}
            </span>
          ) : null;
        })}
      </div>
      {error('health.weights') && (
        <p className="field-error" data-testid="error-health.weights">
          {error('health.weights')}
        </p>
      )}
      <div className="form-grid three">
        <Field label="Coverage floor (%)" name="health.coverageFloorPct" error={error('health.coverageFloorPct')} hint="below this share of weight with data: “insufficient data”">
          <input
            className="input"
            inputMode="decimal"
            value={form.coverageFloorPct}
            onChange={(e) => update((f) => ({ ...f, coverageFloorPct: e.target.value }))}
            data-testid="input-coverageFloorPct"
          />
        </Field>
        <Field label="Red below" name="health.redBelow" error={error('health.redBelow')} hint="scores under this are red">
          <input className="input" inputMode="decimal" value={form.redBelow} onChange={(e) => update((f) => ({ ...f, redBelow: e.target.value }))} data-testid="input-redBelow" />
        </Field>
        <Field label="Amber below" name="health.amberBelow" error={error('health.amberBelow')} hint="under this amber, from it green">
          <input
            className="input"
            inputMode="decimal"
            value={form.amberBelow}
            onChange={(e) => update((f) => ({ ...f, amberBelow: e.target.value }))}
            data-testid="input-amberBelow"
          />
        </Field>
      </div>
      {Number.isFinite(red) && Number.isFinite(amber) && red >= 0 && amber <= 100 && red <= amber && (
        <div className="band-preview" aria-label={`Red 0 to ${red}, amber ${red} to ${amber}, green ${amber} to 100`} role="img">
          <span style={{ width: `${red}%`, background: BAND_COLORS.red }}>{red >= 12 ? 'Red' : ''}</span>
          <span style={{ width: `${amber - red}%`, background: BAND_COLORS.amber }}>{amber - red >= 12 ? 'Amber' : ''}</span>
          <span style={{ width: `${100 - amber}%`, background: BAND_COLORS.green }}>{100 - amber >= 12 ? 'Green' : ''}</span>
        </div>
      )}
      {children}
    </section>
  );
}
