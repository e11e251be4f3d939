import { IDENTITY_ROLES } from '../../../../shared/contract/identity';
import { Field } from '../../components/Field';
import { THEME_CHOICES, type ThemeChoice } from '../../lib/theme';
import type { useLaptopEditor } from './useLaptopEditor';

export const ROLE_LABELS: Record<(typeof IDENTITY_ROLES)[number], string> = {
  csm: 'Customer-success manager',
  reference_manager: 'Reference manager',
  consultant: 'Consultant',
  leader: 'Team lead',
  admin: 'Administrator',
};

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** Who uses this laptop: "my accounts" are the accounts whose owner is this name or e-mail. */
export function IdentitySection({ editor }: { editor: ReturnType<typeof useLaptopEditor> }) {
  const { form, errors, update } = editor;
  return (
    <section className="card settings-card" id="settings-identity" aria-labelledby="identity-title" data-testid="settings-identity">
      <header className="card-header">
        <h2 id="identity-title">Who am I</h2>
      </header>
      <p className="muted small settings-intro">
        Kept on this laptop only, never in the workspace. &ldquo;My accounts&rdquo; are the accounts whose owner is this name or this e-mail address (capitals do not matter).
      </p>
      {editor.loadError && (
        <p className="form-error" role="alert">
          {editor.loadError}
        </p>
      )}
      <div className="form-grid three">
        <Field label="Name" name="identity.name" error={errors['identity.name']} hint="as written in the accounts' Owner">
          <input className="input" value={form.name} autoComplete="name" onChange={(e) => update({ name: e.target.value })} data-testid="identity-name" />
        </Field>
        <Field label="E-mail" name="identity.email" error={errors['identity.email']}>
          <input className="input" type="email" value={form.email} autoComplete="email" onChange={(e) => update({ email: e.target.value })} data-testid="identity-email" />
        </Field>
        <Field label="Role" name="identity.role" error={errors['identity.role']}>
          <select className="input" value={form.role} onChange={(e) => update({ role: e.target.value as typeof form.role })} data-testid="identity-role">
            {IDENTITY_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </section>
  );
}

/** Light, dark or as the system is: kept on this computer. */
export function AppearanceSection({ editor }: { editor: ReturnType<typeof useLaptopEditor> }) {
  return (
    <section className="card settings-card" id="settings-appearance" aria-labelledby="appearance-title" data-testid="settings-appearance">
      <header className="card-header">
        <h2 id="appearance-title">Appearance</h2>
      </header>
      <fieldset className="theme-choice">
        <legend>Theme</legend>
        {THEME_CHOICES.map((choice) => (
          <label key={choice} className="check">
            <input type="radio" name="theme" value={choice} checked={editor.theme === choice} onChange={() => editor.setTheme(choice)} data-testid={`theme-${choice}`} />
            {THEME_LABELS[choice]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
