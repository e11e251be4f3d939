import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { Field } from '../../components/Field';
import './leverageSection.css';
import { leverageToForm, MATCH_CRITERIA, READINESS_PARTS, SCORE_PARTS, type LeverageErrors } from './leverageForm';
import type { useLeverageEditor } from './useLeverageEditor';

const BUDGET_LABELS: Record<(typeof REFERENCE_ACTIVITIES)[number], string> = {
  reference_call: 'Reference calls',
  case_study: 'Case studies',
  press_quote: 'Press quotes',
  analyst_briefing: 'Analyst briefings',
  site_visit: 'Site visits',
  speaking: 'Speaking slots',
  peer_review: 'Peer reviews',
  logo_use: 'Logo uses',
};

const LABELS: Record<string, string> = {
  deployment: 'Deployment success',
  satisfaction: 'Satisfaction',
  loyalty: 'Loyalty',
  rapport: 'Rapport',
  industry: 'Industry',
  product: 'Products',
  useCase: 'Use case',
  sizeBand: 'Size',
  region: 'Region',
  competitor: 'Competitor displaced',
  similarity: 'Similarity',
  readiness: 'Readiness',
  freshness: 'Freshness',
};

/**
 * Customer leverage: readiness weights, fatigue budgets and rest, the finder's thresholds and
 * weights. Its fields are saved with the rest of the settings (one Save); useLeverageEditor holds them.
 */
export function LeverageSection({ editor, apiErrors }: { editor: ReturnType<typeof useLeverageEditor>; apiErrors: Record<string, string | undefined> }) {
  const { form, update } = editor;
  const errors: LeverageErrors = { ...editor.errors, ...apiErrors };
  if (!form) return null;

  const number = (label: string, path: string, value: string, set: (v: string) => void, hint?: string) => (
    <Field label={label} name={path} error={errors[path]} hint={hint}>
      <input className="input" inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} data-testid={`input-${path}`} />
    </Field>
  );
  const weights = <K extends string>(title: string, group: 'readinessWeights' | 'matchWeights' | 'scoreWeights', keys: readonly K[]) => (
    <fieldset className="leverage-weights">
      <legend>{title}</legend>
      <div className="form-grid three">
        {keys.map((k) =>
          number(LABELS[k]!, `leverage.${group}.${k}`, (form[group] as Record<string, string>)[k]!, (v) => update((f) => ({ ...f, [group]: { ...f[group], [k]: v } }))),
        )}
      </div>
      {errors[`leverage.${group}`] && <p className="field-error">{errors[`leverage.${group}`]}</p>}
    </fieldset>
  );

  return (
    <section className="card settings-card" aria-labelledby="leverage-settings-title" data-testid="settings-leverage">
      <header className="card-header">
        <h2 id="leverage-settings-title">Customer leverage</h2>
      </header>
      <p className="muted small settings-intro">How ready a customer is to be a reference, how often a reference may be asked, and how the finder ranks. Weights are relative.</p>
      {errors.leverage && (
        <p className="form-error" role="alert">
          {errors.leverage}
        </p>
      )}
      {weights('Readiness weights', 'readinessWeights', READINESS_PARTS)}
      <div className="form-grid three">
        {number(
          'Fatigue penalty (points)',
          'leverage.fatiguePenalty',
          form.fatiguePenalty,
          (v) => update((f) => ({ ...f, fatiguePenalty: v })),
          'taken off readiness when all asks are used',
        )}
        {number(
          'Candidate threshold',
          'leverage.candidateThreshold',
          form.candidateThreshold,
          (v) => update((f) => ({ ...f, candidateThreshold: v })),
          'readiness from which an account is suggested',
        )}
        {number('Minimum health for the finder', 'leverage.minHealth', form.minHealth, (v) => update((f) => ({ ...f, minHealth: v })), 'the health gate')}
      </div>
      <fieldset className="leverage-weights">
        <legend>Fatigue</legend>
        <div className="form-grid three">
          {number('Window (days)', 'leverage.fatigue.windowDays', form.windowDays, (v) => update((f) => ({ ...f, windowDays: v })), 'asks are counted over this many days')}
          {number('Rest after a use (days)', 'leverage.fatigue.restDays', form.restDays, (v) => update((f) => ({ ...f, restDays: v })))}
          {number(
            'All asks in the window',
            'leverage.fatigue.totalBudget',
            form.totalBudget,
            (v) => update((f) => ({ ...f, totalBudget: v })),
            "a reference's usage limit replaces it",
          )}
          {REFERENCE_ACTIVITIES.map((a) =>
            number(`${BUDGET_LABELS[a]} in the window`, `leverage.fatigue.budgets.${a}`, form.budgets[a], (v) => update((f) => ({ ...f, budgets: { ...f.budgets, [a]: v } }))),
          )}
        </div>
      </fieldset>
      {weights('Finder: similarity weights', 'matchWeights', MATCH_CRITERIA)}
      {weights('Finder: score weights', 'scoreWeights', SCORE_PARTS)}
      <div className="form-grid three">
        {number('Request SLA (days)', 'leverage.requestSlaDays', form.requestSlaDays, (v) => update((f) => ({ ...f, requestSlaDays: v })), 'open longer than this is past the SLA')}
      </div>
      <footer className="leverage-actions">
        <button type="button" className="button" onClick={() => update(() => leverageToForm(DEFAULT_SETTINGS.leverage))} data-testid="leverage-defaults">
          Fill in defaults
        </button>
      </footer>
    </section>
  );
}
