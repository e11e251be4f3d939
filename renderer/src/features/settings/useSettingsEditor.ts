import { useEffect, useMemo, useRef, useState } from 'react';
import type { Input } from '../../../../shared/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useJob } from '../../api/useJob';
import { useLoader, useQuery } from '../../api/useQuery';
import { currentModelVersion, withProgress } from './healthRecompute';
import type { Recompute } from './RecomputePanel';
import { errorsFromApi, formToUpdate, sameHealthModel, settingsToForm, type FieldErrors, type SettingsForm } from './settingsForm';

/**
 * The settings form's state and its three actions: save, recompute health, reset to defaults.
 * The stored settings fill the form, and refill it when they change elsewhere unless the user is editing.
 */
export function useSettingsEditor() {
  const stored = useQuery('settings.get', {}, ['settings']);
  const [saved, setSaved] = useState<Settings>();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string>();
  const [recompute, setRecompute] = useState<Recompute>({ state: 'idle' });
  const modelVersion = useLoader('model-version', currentModelVersion, ['health', 'settings', 'accounts']);
  const formRef = useRef<HTMLFormElement>(null);

  const dirty = useMemo(() => form !== undefined && saved !== undefined && JSON.stringify(form) !== JSON.stringify(settingsToForm(saved)), [form, saved]);

  useEffect(() => {
    if (!stored.data) return;
    setSaved(stored.data);
    if (!dirty) setForm(settingsToForm(stored.data));
  }, [stored.data]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the stored settings change: unsaved edits are not reset

  const update = (patch: (current: SettingsForm) => SettingsForm) => {
    setForm((current) => (current ? patch(current) : current));
    setNotice(undefined);
  };

  /**
   * Stores an update. A new health model makes the core recompute every account's snapshot as part
   * of the save (and new business hours rebuild the response-time rollups first): its progress
   * shows while the save runs, and the model version before and after shows that it took effect.
   */
  const store = async (changes: Input<'settings.update'>, message: string) => {
    const previousVersion = modelVersion.data ?? undefined;
    const healthChanged = changes.health !== undefined && !(saved && sameHealthModel(saved.health, changes.health));
    const hoursChanged = changes.businessHours !== undefined && JSON.stringify(changes.businessHours) !== JSON.stringify(saved?.businessHours);
    let accounts: number | undefined;
    if (healthChanged || hoursChanged) setRecompute({ state: 'running', label: hoursChanged ? 'Rebuilding support times and health scores' : 'Recomputing health scores' });
    const next = await withProgress(
      ['health.progress', 'metrics.progress'],
      (progress, name) => {
        if (name === 'health.progress') accounts = progress.total;
        setRecompute((current) =>
          current.state === 'running' ? { ...current, progress, label: name === 'health.progress' ? 'Recomputing health scores' : 'Rebuilding support times' } : current,
        );
      },
      () => call('settings.update', changes),
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
    return next;
  };

  const saving = useAction(store);
  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
  /** Checks the form without saving (the screen checks every section before its one Save). */
  const check = (): boolean => {
    if (!form) return false;
    const checked = formToUpdate(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice(undefined);
    }
    return checked.ok;
  };
  /** Saves the form with `extra` changes (the leverage section's) in one settings.update; the stored settings, or null on failure. */
  const save = async (extra: Partial<Input<'settings.update'>> = {}): Promise<Settings | null> => {
    if (!form) return null;
    const checked = formToUpdate(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice(undefined);
      focusFirstInvalid();
      return null;
    }
    const result = await saving.run({ ...checked.value, ...extra }, 'Settings saved.');
    if (!result.ok) {
      setRecompute({ state: 'idle' });
      setErrors(errorsFromApi(result.error));
      focusFirstInvalid();
      return null;
    }
    return result.value;
  };

  const recomputing = useAction(async () => {
    const previousVersion = modelVersion.data ?? undefined;
    setRecompute({ state: 'running', label: 'Recomputing health scores', cancellable: true });
    const result = await withProgress(
      ['health.progress'],
      (progress) => setRecompute((current) => (current.state === 'running' ? { ...current, progress } : current)),
      () => call('health.recompute', {}),
    );
    setRecompute({ state: 'done', accounts: result.accounts, modelVersion: result.modelVersion, previousVersion, afterSave: false });
    modelVersion.reload();
  });
  const runRecompute = async () => {
    const result = await recomputing.run();
    if (!result.ok) setRecompute(result.error.error.code === 'CANCELLED' ? { state: 'cancelled' } : { state: 'error', message: result.error.message });
  };
  // The recompute asked for here is a cancellable job of the core (the previous scores stay).
  const recomputeJob = useJob('health.recompute', recompute.state === 'running' && recompute.cancellable === true);

  const discard = () => {
    if (saved) setForm(settingsToForm(saved));
    setErrors({});
  };

  // The value-map survey is data the user entered, not a tuning: a reset keeps it.
  const resetToDefaults = () => {
    const { currency: _currency, valueMap: _valueMap, ...defaults } = DEFAULT_SETTINGS;
    return store(defaults, 'Settings reset to their defaults.');
  };

  return {
    stored,
    saved,
    form,
    errors,
    notice,
    dirty,
    recompute,
    formRef,
    modelVersion: modelVersion.data ?? undefined,
    saving: saving.busy,
    update,
    check,
    save,
    setNotice,
    focusFirstInvalid,
    discard,
    runRecompute,
    recomputeJob,
    resetToDefaults,
  };
}
