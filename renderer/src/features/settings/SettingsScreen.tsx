import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Input } from '../../../../shared/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import { ApiError, call } from '../../api/client';
import { listen } from '../../api/transport';
import { useLoader, useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { formatInteger, formatPercent } from '../../lib/format';
import { humanize } from '../../lib/labels';
import { BAND_COLORS } from '../dashboard/charts/theme';
import {
  COMPONENTS,
  errorsFromApi,
  formToUpdate,
  normalisedShares,
  readProgress,
  readWeight,
  sameHealthModel,
  settingsToForm,
  WEEKDAYS,
  type ComponentId,
  type FieldErrors,
  type Progress,
  type SettingsForm,
} from './settingsForm';
import { ValueMapEditor } from './ValueMapEditor';

/** Health recomputes: the one a save of a new model triggers in the core, or one asked for. */
type Recompute =
  | { state: 'idle' }
  | { state: 'running'; progress?: Progress; label: string }
  | { state: 'done'; accounts?: number; modelVersion: string; previousVersion?: string; afterSave: boolean }
  | { state: 'error'; message: string };

/** The model version scores are computed with now, read from one account's explanation (null without accounts). */
async function currentModelVersion(): Promise<string | null> {
  const first = await call('accounts.list', { pageSize: 1, sort: { field: 'name', direction: 'asc' } });
  const account = first.rows[0];
  return account ? (await call('health.explain', { id: account.id })).modelVersion : null;
}

/** Listens to the core's progress events for long work while `work` runs. */
async function withProgress<T>(names: string[], onProgress: (progress: Progress, name: string) => void, work: () => Promise<T>): Promise<T> {
  const stop = listen((event) => {
    if (!names.includes(event.name)) return;
    const progress = readProgress(event);
    if (progress) onProgress(progress, event.name);
  });
  try {
    return await work();
  } finally {
    stop();
  }
}

export function SettingsScreen() {
  const stored = useQuery('settings.get', {}, ['settings']);
  const [saved, setSaved] = useState<Settings>();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [confirmReset, setConfirmReset] = useState(false);
  const [recompute, setRecompute] = useState<Recompute>({ state: 'idle' });
  const modelVersion = useLoader('model-version', currentModelVersion, ['health', 'settings', 'accounts']);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = useMemo(() => form !== undefined && saved !== undefined && JSON.stringify(form) !== JSON.stringify(settingsToForm(saved)), [form, saved]);

  // The stored settings fill the form, and refill it when they change elsewhere unless the user is editing.
  useEffect(() => {
    if (!stored.data) return;
    setSaved(stored.data);
    if (!dirty) setForm(settingsToForm(stored.data));
  }, [stored.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (stored.error && !form) {
    return (
      <section className="screen settings" data-testid="settings">
        <h1>Settings</h1>
        <p className="form-error" role="alert" data-testid="settings-error">
          The settings could not be read: {stored.error.message}
        </p>
        <button type="button" className="button" onClick={stored.reload}>
          Try again
        </button>
      </section>
    );
  }
  if (!form || !saved) return <p className="muted" data-testid="settings-loading">Loading settings…</p>;

  const update = (patch: (current: SettingsForm) => SettingsForm) => {
    setForm((current) => (current ? patch(current) : current));
    setNotice(undefined);
  };
  const error = (field: string) => errors[field];

  /**
   * Stores an update. A new health model makes the core recompute every account's snapshot as part
   * of the save (and new business hours rebuild the response-time rollups first): its progress
   * shows while the save runs, and the model version before and after shows that it took effect.
   */
  const store = async (update: Input<'settings.update'>, message: string) => {
    const previousVersion = modelVersion.data ?? undefined;
    const healthChanged = update.health !== undefined && !sameHealthModel(saved.health, update.health);
    const hoursChanged = update.businessHours !== undefined && JSON.stringify(update.businessHours) !== JSON.stringify(saved.businessHours);
    let accounts: number | undefined;
    if (healthChanged || hoursChanged) setRecompute({ state: 'running', label: hoursChanged ? 'Rebuilding support times and health scores' : 'Recomputing health scores' });
    const next = await withProgress(
      ['health.progress', 'metrics.progress'],
      (progress, name) => {
        if (name === 'health.progress') accounts = progress.total;
        setRecompute((current) =>
          current.state === 'running'
            ? { ...current, progress, label: name === 'health.progress' ? 'Recomputing health scores' : 'Rebuilding support times' }
            : current,
        );
      },
      () => call('settings.update', update),
    );
    setSaved(next);
    setForm(settingsToForm(next));
    setErrors({});
    setNotice(message);
    if (healthChanged || hoursChanged) {
      const version = await currentModelVersion().catch(() => null);
      setRecompute(version ? { state: 'done', accounts, modelVersion: version, previousVersion, afterSave: true } : { state: 'idle' });
      modelVersion.reload();
    }
  };

  const save = async () => {
    const checked = formToUpdate(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice(undefined);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
      return;
    }
    setSaving(true);
    try {
      await store(checked.value, 'Settings saved.');
    } catch (failure) {
      setRecompute({ state: 'idle' });
      setErrors(failure instanceof ApiError ? errorsFromApi(failure) : { form: String(failure) });
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
    } finally {
      setSaving(false);
    }
  };

  const runRecompute = async () => {
    const previousVersion = modelVersion.data ?? undefined;
    setRecompute({ state: 'running', label: 'Recomputing health scores' });
    try {
      const result = await withProgress(
        ['health.progress'],
        (progress) => setRecompute((current) => (current.state === 'running' ? { ...current, progress } : current)),
        () => call('health.recompute', {}),
      );
      setRecompute({ state: 'done', accounts: result.accounts, modelVersion: result.modelVersion, previousVersion, afterSave: false });
      modelVersion.reload();
    } catch (failure) {
      setRecompute({ state: 'error', message: (failure as Error).message });
    }
  };

  const weights = Object.fromEntries(COMPONENTS.map((c) => [c.id, readWeight(form.weights[c.id])])) as Record<ComponentId, number | null>;
  const shares = normalisedShares(weights);
  const red = Number(form.redBelow);
  const amber = Number(form.amberBelow);

  return (
    <section className="screen settings" data-testid="settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="subtitle">How this workspace scores health, values customers and measures support.</p>
        </div>
      </header>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        className="settings-form"
      >
        {errors.form && (
          <p className="form-error" role="alert" data-testid="settings-form-error">
            {errors.form}
          </p>
        )}

        <section className="card settings-card" aria-labelledby="health-title" data-testid="settings-health">
          <header className="card-header">
            <h2 id="health-title">Health score</h2>
          </header>
          <p className="muted small settings-intro">
            The score is the weighted mean of the components that have data for an account; weights are relative, so what counts is each one's
            share. Components without data are left out and the rest renormalised.
          </p>
          <table className="weights-table">
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Weight</th>
                <th scope="col" className="num">Share</th>
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
              <input className="input" inputMode="decimal" value={form.coverageFloorPct} onChange={(e) => update((f) => ({ ...f, coverageFloorPct: e.target.value }))} data-testid="input-coverageFloorPct" />
            </Field>
            <Field label="Red below" name="health.redBelow" error={error('health.redBelow')} hint="scores under this are red">
              <input className="input" inputMode="decimal" value={form.redBelow} onChange={(e) => update((f) => ({ ...f, redBelow: e.target.value }))} data-testid="input-redBelow" />
            </Field>
            <Field label="Amber below" name="health.amberBelow" error={error('health.amberBelow')} hint="under this amber, from it green">
              <input className="input" inputMode="decimal" value={form.amberBelow} onChange={(e) => update((f) => ({ ...f, amberBelow: e.target.value }))} data-testid="input-amberBelow" />
            </Field>
          </div>
          {Number.isFinite(red) && Number.isFinite(amber) && red >= 0 && amber <= 100 && red <= amber && (
            <div className="band-preview" aria-label={`Red 0 to ${red}, amber ${red} to ${amber}, green ${amber} to 100`} role="img">
              <span style={{ width: `${red}%`, background: BAND_COLORS.red }}>{red >= 12 ? 'Red' : ''}</span>
              <span style={{ width: `${amber - red}%`, background: BAND_COLORS.amber }}>{amber - red >= 12 ? 'Amber' : ''}</span>
              <span style={{ width: `${100 - amber}%`, background: BAND_COLORS.green }}>{100 - amber >= 12 ? 'Green' : ''}</span>
            </div>
          )}
          <RecomputePanel
            recompute={recompute}
            modelVersion={modelVersion.data ?? undefined}
            dirtyHealth={JSON.stringify(healthPart(form)) !== JSON.stringify(healthPart(settingsToForm(saved)))}
            onRun={() => void runRecompute()}
          />
        </section>

        <section className="card settings-card" aria-labelledby="sla-title" data-testid="settings-sla">
          <header className="card-header">
            <h2 id="sla-title">Support targets (SLA)</h2>
          </header>
          <table className="sla-table">
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col">First response within (hours)</th>
                <th scope="col">Resolved within (hours)</th>
              </tr>
            </thead>
            <tbody>
              {[...TICKET_PRIORITIES].reverse().map((priority) => (
                <tr key={priority}>
                  <th scope="row">
                    <span className={`prio prio-${priority}`}>{humanize(priority)}</span>
                  </th>
                  {(['firstResponseHours', 'resolutionHours'] as const).map((measure) => {
                    const field = `slaTargets.${priority}.${measure}`;
                    return (
                      <td key={measure}>
                        <input
                          className="input number"
                          inputMode="decimal"
                          aria-label={`${humanize(priority)}: ${measure === 'firstResponseHours' ? 'first response' : 'resolution'} hours`}
                          value={form.sla[priority][measure]}
                          aria-invalid={error(field) ? true : undefined}
                          onChange={(e) => update((f) => ({ ...f, sla: { ...f.sla, [priority]: { ...f.sla[priority], [measure]: e.target.value } } }))}
                          data-testid={`input-${field}`}
                        />
                        {error(field) && (
                          <span className="field-error" data-testid={`error-${field}`}>
                            {error(field)}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="card settings-card" aria-labelledby="hours-title" data-testid="settings-business-hours">
          <header className="card-header">
            <h2 id="hours-title">Business hours</h2>
          </header>
          <label className="check">
            <input
              type="checkbox"
              checked={form.businessHours.enabled}
              onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, enabled: e.target.checked } }))}
              data-testid="input-businessHours-enabled"
            />
            Count response and resolution times in business hours only
          </label>
          <fieldset className="hours-fields" disabled={!form.businessHours.enabled}>
            <legend className="visually-hidden">Working schedule</legend>
            <div className="form-grid three">
              <Field label="Time zone" name="businessHours.timeZone" error={error('businessHours.timeZone')} hint="of the support team, e.g. Europe/Berlin">
                <input
                  className="input"
                  list="time-zones"
                  value={form.businessHours.timeZone}
                  onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, timeZone: e.target.value } }))}
                  data-testid="input-businessHours-timeZone"
                />
              </Field>
              <Field label="Start" name="businessHours.start" error={error('businessHours.start')}>
                <input type="time" className="input" value={form.businessHours.start} onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, start: e.target.value } }))} data-testid="input-businessHours-start" />
              </Field>
              <Field label="End" name="businessHours.end" error={error('businessHours.end')}>
                <input type="time" className="input" value={form.businessHours.end} onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, end: e.target.value } }))} data-testid="input-businessHours-end" />
              </Field>
            </div>
            <div className={`field${error('businessHours.days') ? ' invalid' : ''}`} role="group" aria-labelledby="days-label">
              <span id="days-label" className="field-label">Working days</span>
              <div className="days">
                {WEEKDAYS.map(({ day, label }) => (
                  <label key={day} className={`day${form.businessHours.days.includes(day) ? ' on' : ''}`}>
                    <input
                      type="checkbox"
                      checked={form.businessHours.days.includes(day)}
                      onChange={(e) =>
                        update((f) => ({
                          ...f,
                          businessHours: { ...f.businessHours, days: e.target.checked ? [...f.businessHours.days, day].sort() : f.businessHours.days.filter((d) => d !== day) },
                        }))
                      }
                    />
                    {label}
                  </label>
                ))}
              </div>
              {error('businessHours.days') && (
                <span className="field-error" data-testid="error-businessHours.days">
                  {error('businessHours.days')}
                </span>
              )}
            </div>
          </fieldset>
          <TimeZoneList />
        </section>

        <section className="card settings-card" aria-labelledby="value-title" data-testid="settings-value">
          <header className="card-header">
            <h2 id="value-title">Customer value</h2>
          </header>
          <div className="form-grid three">
            <Field label="Discount rate (% a year)" name="discountRate" error={error('discountRate')} hint="i in CLV = m · r / (1 + i − r)">
              <input className="input" inputMode="decimal" value={form.discountRatePct} onChange={(e) => update((f) => ({ ...f, discountRatePct: e.target.value }))} data-testid="input-discountRate" />
            </Field>
          </div>
        </section>

        <ValueMapEditor form={form.valueMap} errors={errors} onChange={(patch) => update((f) => ({ ...f, valueMap: patch(f.valueMap) }))} />

        <footer className="settings-actions">
          <button type="submit" className="button primary" disabled={saving || !dirty} data-testid="settings-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" disabled={saving || !dirty} onClick={() => { setForm(settingsToForm(saved)); setErrors({}); }} data-testid="settings-discard">
            Discard changes
          </button>
          <span className="spacer" />
          {notice && (
            <span className="tone-ok" role="status" data-testid="settings-notice">
              {notice}
            </span>
          )}
          {dirty && !notice && <span className="muted">Unsaved changes</span>}
          <button type="button" className="button" onClick={() => setConfirmReset(true)} data-testid="settings-reset">
            Reset to defaults…
          </button>
        </footer>
      </form>

      {confirmReset && (
        <ConfirmDialog
          title="Reset all settings to their defaults?"
          confirm="Reset to defaults"
          danger
          testId="settings-reset-confirm"
          onClose={() => setConfirmReset(false)}
          onConfirm={async () => {
            // The value-map survey is data the user entered, not a tuning: a reset keeps it.
            const { currency: _currency, valueMap: _valueMap, ...defaults } = DEFAULT_SETTINGS;
            setConfirmReset(false);
            await store(defaults, 'Settings reset to their defaults.');
          }}
        >
          <p>The health weights, thresholds, SLA targets, business hours and discount rate go back to Fulcrum's defaults. The value-map survey is kept.</p>
          <p>Every account's health score is recomputed with the default model.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

const healthPart = (f: SettingsForm) => [f.weights, f.coverageFloorPct, f.redBelow, f.amberBelow];

function RecomputePanel({ recompute, modelVersion, dirtyHealth, onRun }: {
  recompute: Recompute;
  modelVersion?: string;
  dirtyHealth: boolean;
  onRun: () => void;
}) {
  let status: ReactNode;
  if (recompute.state === 'running') {
    const { progress } = recompute;
    const share = progress ? progress.done / progress.total : undefined;
    status = (
      <div className="recompute-progress" data-testid="recompute-progress">
        <div
          className={`progress${share === undefined ? ' indeterminate' : ''}`}
          role="progressbar"
          aria-label={recompute.label}
          aria-valuemin={0}
          aria-valuemax={progress?.total}
          aria-valuenow={progress?.done}
        >
          <span style={share === undefined ? undefined : { width: `${share * 100}%` }} />
        </div>
        <span className="muted small">
          {recompute.label}
          {progress ? `: ${formatInteger(progress.done)} of ${formatInteger(progress.total)}` : '…'}
        </span>
      </div>
    );
  } else if (recompute.state === 'done') {
    const changed = recompute.previousVersion !== undefined && recompute.previousVersion !== recompute.modelVersion;
    status = (
      <p className="recompute-done" role="status" data-testid="recompute-done">
        <span aria-hidden="true">✓</span> {recompute.afterSave ? 'Saved and recomputed' : 'Recomputed'}
        {recompute.accounts !== undefined ? ` ${formatInteger(recompute.accounts)} accounts` : ' every account'} with model{' '}
        <code data-testid="recompute-version">{recompute.modelVersion}</code>
        {changed && (
          <>
            {' '}
            (was <code data-testid="recompute-previous-version">{recompute.previousVersion}</code>)
          </>
        )}
        . The dashboard and account pages show the new scores.
      </p>
    );
  } else if (recompute.state === 'error') {
    status = (
      <p className="form-error" role="alert" data-testid="recompute-error">
        Recompute failed: {recompute.message}
      </p>
    );
  }
  return (
    <div className="recompute" data-testid="recompute">
      <div className="recompute-head">
        <div>
          <strong>Health scores</strong>
          <p className="muted small">
            {dirtyHealth
              ? 'Saving a new model recomputes every account’s score.'
              : 'Scores also move with time (days since the last touchpoint, days to renewal); recompute refreshes every account now.'}
            {modelVersion && (
              <>
                {' '}
                Current model: <code data-testid="model-version">{modelVersion}</code>.
              </>
            )}
          </p>
        </div>
        <button type="button" className="button" onClick={onRun} disabled={recompute.state === 'running' || dirtyHealth} data-testid="recompute-start">
          {recompute.state === 'running' ? 'Working…' : 'Recompute now'}
        </button>
      </div>
      {status}
    </div>
  );
}

/** Suggestions for the time-zone field: the zones this runtime knows. */
function TimeZoneList() {
  const zones = useMemo(() => {
    try {
      return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);
  return (
    <datalist id="time-zones">
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
