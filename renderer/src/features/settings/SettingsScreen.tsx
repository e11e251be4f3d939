import { useState } from 'react';
import { BusinessHoursSection } from './BusinessHoursSection';
import { HealthSection } from './HealthSection';
import { LeverageSection } from './LeverageSection';
import { RecomputePanel } from './RecomputePanel';
import { ResetSettingsDialog } from './ResetSettingsDialog';
import { SettingsActions } from './SettingsActions';
import { settingsToForm, type SettingsForm } from './settingsForm';
import { SlaSection } from './SlaSection';
import { useSettingsEditor } from './useSettingsEditor';
import { ValueMapEditor } from './ValueMapEditor';
import { ValueSection } from './ValueSection';

/** The workspace's settings: one form saved together (health, SLA, hours, value), and leverage with its own Save. */
export function SettingsScreen() {
  const editor = useSettingsEditor();
  const { stored, saved, form, errors } = editor;
  const [confirmReset, setConfirmReset] = useState(false);

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
  if (!form || !saved)
    return (
      <p className="muted" data-testid="settings-loading">
        Loading settings…
      </p>
    );

  const error = (field: string) => errors[field];

  return (
    <section className="screen settings" data-testid="settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="subtitle">How this workspace scores health, values customers and measures support.</p>
        </div>
      </header>
      <form
        ref={editor.formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void editor.save();
        }}
        className="settings-form"
      >
        {errors.form && (
          <p className="form-error" role="alert" data-testid="settings-form-error">
            {errors.form}
          </p>
        )}

        <HealthSection form={form} error={error} update={editor.update}>
          <RecomputePanel
            recompute={editor.recompute}
            modelVersion={editor.modelVersion}
            dirtyHealth={JSON.stringify(healthPart(form)) !== JSON.stringify(healthPart(settingsToForm(saved)))}
            onRun={() => void editor.runRecompute()}
          />
        </HealthSection>

        <SlaSection form={form} error={error} update={editor.update} />

        <BusinessHoursSection form={form} error={error} update={editor.update} />

        <ValueSection form={form} error={error} update={editor.update} />

        <ValueMapEditor form={form.valueMap} errors={errors} onChange={(patch) => editor.update((f) => ({ ...f, valueMap: patch(f.valueMap) }))} />

        <SettingsActions saving={editor.saving} dirty={editor.dirty} notice={editor.notice} onDiscard={editor.discard} onReset={() => setConfirmReset(true)} />
      </form>
      <LeverageSection />

      {confirmReset && <ResetSettingsDialog onReset={editor.resetToDefaults} onClose={() => setConfirmReset(false)} />}
    </section>
  );
}

const healthPart = (f: SettingsForm) => [f.weights, f.coverageFloorPct, f.redBelow, f.amberBelow];
