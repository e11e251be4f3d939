import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract/settings';
import { leverageFromForm, leverageToForm, type LeverageErrors, type LeverageForm } from './leverageForm';

/**
 * The customer-leverage part of the settings form. It is saved with the rest, in the same
 * settings.update (SettingsScreen's one Save); this holds its fields and checks them.
 */
export function useLeverageEditor(stored: Settings | undefined) {
  const [form, setForm] = useState<LeverageForm>();
  const [errors, setErrors] = useState<LeverageErrors>({});
  const saved = stored ? leverageToForm(stored.leverage) : undefined;
  const dirty = form !== undefined && saved !== undefined && JSON.stringify(form) !== JSON.stringify(saved);

  useEffect(() => {
    if (stored && !dirty) setForm(leverageToForm(stored.leverage));
  }, [stored]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the stored settings change: unsaved edits are not reset

  return {
    form,
    errors,
    dirty,
    update: (patch: (f: LeverageForm) => LeverageForm) => setForm((f) => (f ? patch(f) : f)),
    /** The checked value to save, or null after showing what is wrong. */
    check: () => {
      if (!form) return null;
      const checked = leverageFromForm(form);
      setErrors(checked.ok ? {} : checked.errors);
      return checked.ok ? checked.value : null;
    },
    discard: () => {
      setForm(saved);
      setErrors({});
    },
    /** After a save, the stored value (normalised by the core) becomes the form. */
    saved: (next: Settings) => setForm(leverageToForm(next.leverage)),
  };
}
