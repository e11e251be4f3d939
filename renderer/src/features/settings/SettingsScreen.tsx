import { useEffect, useMemo, useRef, useState } from 'react';
import type { Input } from '../../../../shared/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { ApiError, call } from '../../api/client';
import { listen } from '../../api/transport';
import { useLoader, useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { BusinessHoursSection } from './BusinessHoursSection';
import { HealthSection } from './HealthSection';
import { LeverageSection } from './LeverageSection';
import { RecomputePanel, type Recompute } from './RecomputePanel';
import {
  errorsFromApi,
  formToUpdate,
  readProgress,
  sameHealthModel,
  settingsToForm,
  type FieldErrors,
  type Progress,
  type SettingsForm,
} from './settingsForm';
import { SlaSection } from './SlaSection';
import { ValueMapEditor } from './ValueMapEditor';

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

        <HealthSection form={form} error={error} update={update}>
          <RecomputePanel
            recompute={recompute}
            modelVersion={modelVersion.data ?? undefined}
            dirtyHealth={JSON.stringify(healthPart(form)) !== JSON.stringify(healthPart(settingsToForm(saved)))}
            onRun={() => void runRecompute()}
          />
        </HealthSection>

        <SlaSection form={form} error={error} update={update} />

        <BusinessHoursSection form={form} error={error} update={update} />

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
      <LeverageSection />

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
