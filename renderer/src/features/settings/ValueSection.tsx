import { Field } from '../../components/Field';
import { SURVIVAL_OPTIONS, type CustomerValueForm, type Survival } from './customerValueForm';
import type { SectionProps } from './sectionProps';

/** How customer value is computed: discount rate, CLV survival convention and acquisition cost, margin on purchases, customer value ratio weights. */
export function ValueSection({ form, error, update }: SectionProps) {
  const cv = form.customerValue;
  const set = (patch: Partial<CustomerValueForm>) => update((f) => ({ ...f, customerValue: { ...f.customerValue, ...patch } }));
  const text = (key: Exclude<keyof CustomerValueForm, 'survival' | 'currency'>, testId: string) => (
    <input className="input" inputMode="decimal" value={cv[key]} onChange={(e) => set({ [key]: e.target.value })} data-testid={testId} />
  );
  return (
    <section className="card settings-card" aria-labelledby="value-title" data-testid="settings-value">
      <header className="card-header">
        <h2 id="value-title">Customer value</h2>
      </header>
      <div className="form-grid three">
        <Field label="Discount rate (% a year)" name="discountRate" error={error('discountRate')} hint="i: each year’s margin divided by (1 + i)^t">
          <input
            className="input"
            inputMode="decimal"
            value={form.discountRatePct}
            onChange={(e) => update((f) => ({ ...f, discountRatePct: e.target.value }))}
            data-testid="input-discountRate"
          />
        </Field>
        <Field label="CLV survival convention" name="customerValue.survival" error={error('customerValue.survival')} hint="retained: year t’s margin × r^t; present: × r^(t−1)">
          <select className="input" value={cv.survival} onChange={(e) => set({ survival: e.target.value as Survival })} data-testid="input-clvSurvival">
            {SURVIVAL_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={`Acquisition cost per customer (${cv.currency})`}
          name="customerValue.acquisitionCostMinor"
          error={error('customerValue.acquisitionCostMinor')}
          hint="subtracted from CLV (in the workspace currency)"
        >
          {text('acquisitionCost', 'input-acquisitionCost')}
        </Field>
        <Field
          label="Margin on purchases (%)"
          name="customerValue.purchaseMarginPct"
          error={error('customerValue.purchaseMarginPct')}
          hint="CLV of customers without contracts (BG/NBD)"
        >
          {text('purchaseMarginPct', 'input-purchaseMarginPct')}
        </Field>
        <Field
          label="Value ratio weight: quality"
          name="customerValue.cvrWeights.quality"
          error={error('customerValue.cvrWeights.quality')}
          hint="perceived-quality ratio in the customer value ratio"
        >
          {text('cvrQuality', 'input-cvrQuality')}
        </Field>
        <Field label="Value ratio weight: price" name="customerValue.cvrWeights.price" error={error('customerValue.cvrWeights.price')} hint="price-satisfaction ratio">
          {text('cvrPrice', 'input-cvrPrice')}
        </Field>
      </div>
    </section>
  );
}
