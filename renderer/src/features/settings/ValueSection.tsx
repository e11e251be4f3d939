import { Field } from '../../components/Field';
import type { SectionProps } from './sectionProps';

/** The discount rate customer lifetime value is computed with. */
export function ValueSection({ form, error, update }: SectionProps) {
  return (
    <section className="card settings-card" aria-labelledby="value-title" data-testid="settings-value">
      <header className="card-header">
        <h2 id="value-title">Customer value</h2>
      </header>
      <div className="form-grid three">
        <Field label="Discount rate (% a year)" name="discountRate" error={error('discountRate')} hint="i in CLV = m · r / (1 + i − r)">
          <input
            className="input"
            inputMode="decimal"
            value={form.discountRatePct}
            onChange={(e) => update((f) => ({ ...f, discountRatePct: e.target.value }))}
            data-testid="input-discountRate"
          />
        </Field>
      </div>
    </section>
  );
}
