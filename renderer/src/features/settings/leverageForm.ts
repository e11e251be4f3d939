import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import type { LeverageSettings } from '../../../../shared/contract/settings';

// The customer-leverage settings as a form of text fields, and back with an error beside each bad field.

type Activity = (typeof REFERENCE_ACTIVITIES)[number];
export const READINESS_PARTS = ['deployment', 'satisfaction', 'loyalty', 'rapport'] as const;
export const MATCH_CRITERIA = ['industry', 'product', 'useCase', 'sizeBand', 'region', 'competitor'] as const;
export const SCORE_PARTS = ['similarity', 'readiness', 'freshness'] as const;

export interface LeverageForm {
  readinessWeights: Record<(typeof READINESS_PARTS)[number], string>;
  fatiguePenalty: string;
  candidateThreshold: string;
  minHealth: string;
  windowDays: string;
  restDays: string;
  totalBudget: string;
  budgets: Record<Activity, string>;
  matchWeights: Record<(typeof MATCH_CRITERIA)[number], string>;
  scoreWeights: Record<(typeof SCORE_PARTS)[number], string>;
  requestSlaDays: string;
}

const texts = <K extends string>(values: Record<K, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) as Record<K, string>;

export function leverageToForm(s: LeverageSettings): LeverageForm {
  return {
    readinessWeights: texts(s.readinessWeights),
    fatiguePenalty: String(s.fatiguePenalty),
    candidateThreshold: String(s.candidateThreshold),
    minHealth: String(s.minHealth),
    windowDays: String(s.fatigue.windowDays),
    restDays: String(s.fatigue.restDays),
    totalBudget: String(s.fatigue.totalBudget),
    budgets: texts(s.fatigue.budgets),
    matchWeights: texts(s.matchWeights),
    scoreWeights: texts(s.scoreWeights),
    requestSlaDays: String(s.requestSlaDays),
  };
}

export type LeverageErrors = Partial<Record<string, string>>;

/** The form as settings, or the errors by field path (`leverage.fatigue.windowDays`, …). */
export function leverageFromForm(form: LeverageForm): { ok: true; value: LeverageSettings } | { ok: false; errors: LeverageErrors } {
  const errors: LeverageErrors = {};
  const read = (path: string, text: string, min: number, max: number, whole = false): number => {
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value)) errors[path] = 'must be a number';
    else if (whole && !Number.isInteger(value)) errors[path] = 'must be a whole number';
    else if (value < min || value > max) errors[path] = `must be ${min}-${max}`;
    return value;
  };
  const group = <K extends string>(prefix: string, values: Record<K, string>, max: number, whole = false) =>
    Object.fromEntries(Object.entries<string>(values).map(([k, v]) => [k, read(`${prefix}.${k}`, v, 0, max, whole)])) as Record<K, number>;

  const value: LeverageSettings = {
    readinessWeights: group('leverage.readinessWeights', form.readinessWeights, 100),
    fatiguePenalty: read('leverage.fatiguePenalty', form.fatiguePenalty, 0, 100),
    candidateThreshold: read('leverage.candidateThreshold', form.candidateThreshold, 0, 100),
    minHealth: read('leverage.minHealth', form.minHealth, 0, 100),
    fatigue: {
      windowDays: read('leverage.fatigue.windowDays', form.windowDays, 1, 366, true),
      budgets: group('leverage.fatigue.budgets', form.budgets, 100, true),
      totalBudget: read('leverage.fatigue.totalBudget', form.totalBudget, 0, 100, true),
      restDays: read('leverage.fatigue.restDays', form.restDays, 0, 365, true),
    },
    matchWeights: group('leverage.matchWeights', form.matchWeights, 100),
    scoreWeights: group('leverage.scoreWeights', form.scoreWeights, 100),
    requestSlaDays: read('leverage.requestSlaDays', form.requestSlaDays, 1, 90, true),
  };
  for (const [name, weights] of [
    ['readinessWeights', value.readinessWeights],
    ['matchWeights', value.matchWeights],
    ['scoreWeights', value.scoreWeights],
  ] as const) {
    const sum = Object.values<number>(weights).reduce((s, w) => s + (Number.isFinite(w) ? w : 0), 0);
    if (sum <= 0 && !Object.keys(errors).some((k) => k.startsWith(`leverage.${name}.`))) errors[`leverage.${name}`] = 'at least one weight must be above 0';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
