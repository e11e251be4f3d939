import type { SettingsForm } from './settingsForm';

/** What each settings section gets: the form, its errors by field path, and a way to change it. */
export interface SectionProps {
  form: SettingsForm;
  error: (field: string) => string | undefined;
  update: (patch: (current: SettingsForm) => SettingsForm) => void;
}
