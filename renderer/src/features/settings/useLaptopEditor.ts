import { useEffect, useState } from 'react';
import { identity as identitySchema, type Identity } from '../../../../shared/contract/identity';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { saveThemeChoice, readThemeChoice, type ThemeChoice } from '../../lib/theme';

export interface IdentityForm {
  name: string;
  email: string;
  role: Identity['role'];
}

const EMPTY: IdentityForm = { name: '', email: '', role: 'csm' };
const toForm = (who: Identity | null | undefined): IdentityForm => (who ? { name: who.name, email: who.email, role: who.role } : EMPTY);

/**
 * "Who am I" and the theme: this laptop's part of the settings, kept outside the workspace (the
 * identity by the core in its per-laptop file, the theme in the browser's storage). Saved by the
 * settings screen's one Save with the workspace's settings.
 */
export function useLaptopEditor() {
  const stored = useQuery('identity.get', {}, ['identity']);
  const [form, setForm] = useState<IdentityForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [theme, setTheme] = useState<ThemeChoice>(readThemeChoice);
  const saved = toForm(stored.data);
  // Nobody set and nothing typed is not a change; typing a name is.
  const identityDirty = stored.data !== undefined && JSON.stringify(form) !== JSON.stringify(saved);
  const themeDirty = theme !== readThemeChoice();

  useEffect(() => {
    if (stored.data !== undefined && !identityDirty) setForm(toForm(stored.data));
  }, [stored.data]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the stored identity changes: unsaved edits are kept

  return {
    form,
    errors,
    theme,
    loadError: stored.error?.message,
    dirty: identityDirty || themeDirty,
    update: (patch: Partial<IdentityForm>) => setForm((f) => ({ ...f, ...patch })),
    setTheme,
    /** False after showing what is wrong. A name is needed only once anything is typed (nobody is a valid state). */
    check: (): boolean => {
      if (!identityDirty) return true;
      const checked = identitySchema.safeParse(form);
      setErrors(checked.success ? {} : Object.fromEntries(checked.error.issues.map((issue) => [`identity.${issue.path.join('.')}`, issue.message])));
      return checked.success;
    },
    save: async () => {
      if (themeDirty) saveThemeChoice(theme);
      if (!identityDirty) return;
      const next = await call('identity.set', form);
      setForm(toForm(next));
      stored.reload();
    },
    discard: () => {
      setForm(saved);
      setTheme(readThemeChoice());
      setErrors({});
    },
  };
}
