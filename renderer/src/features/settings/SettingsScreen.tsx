import { useState } from 'react';
import { TeamSettingsNote, useTeamSettings } from '../team/TeamSettingsNote';
import { BusinessHoursSection } from './BusinessHoursSection';
import { HealthSection } from './HealthSection';
import { AppearanceSection, IdentitySection } from './IdentitySection';
import { LeverageSection } from './LeverageSection';
import { RecomputePanel } from './RecomputePanel';
import { ResetSettingsDialog } from './ResetSettingsDialog';
import { SettingsActions } from './SettingsActions';
import { SettingsNav, SETTINGS_SECTIONS } from './SettingsNav';
import { settingsToForm, type SettingsForm } from './settingsForm';
import { SlaSection } from './SlaSection';
import { useLaptopEditor } from './useLaptopEditor';
import { useLeverageEditor } from './useLeverageEditor';
import { useSettingsEditor } from './useSettingsEditor';
import { ValueMapEditor } from './ValueMapEditor';
import { ValueSection } from './ValueSection';

/**
 * Settings in sections (this laptop: who am I, appearance; the workspace: health, SLA, hours, value,
 * customer leverage), with one Save for all of them: every section is checked first, then the
 * workspace's settings go in one settings.update and this laptop's part beside it.
 */
export function SettingsScreen() {
  const editor = useSettingsEditor();
  const leverage = useLeverageEditor(editor.saved);
  const laptop = useLaptopEditor();
  // In a team the workspace's settings are the team's: read-only for a role that may not change them (issue 19).
  const team = useTeamSettings();
  const { stored, saved, form, errors } = editor;
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [laptopError, setLaptopError] = useState<string>();

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
  const workspaceDirty = editor.dirty || leverage.dirty;
  const dirty = workspaceDirty || laptop.dirty;

  const saveAll = async () => {
    setNotice(undefined);
    setLaptopError(undefined);
    // Check every section before saving any, so one Save never stores half of the changes.
    const leverageValue = leverage.dirty ? leverage.check() : undefined;
    const ok = [editor.check(), leverageValue !== null, laptop.check()].every(Boolean);
    if (!ok) return editor.focusFirstInvalid();
    if (workspaceDirty) {
      const next = await editor.save(leverageValue ? { leverage: leverageValue } : {});
      if (!next) return;
      leverage.saved(next);
    }
    try {
      await laptop.save();
    } catch (failure) {
      setLaptopError(`Who am I was not saved: ${(failure as Error).message}`);
      return;
    }
    editor.setNotice(undefined);
    setNotice('Settings saved.');
  };

  return (
    <section className="screen settings" data-testid="settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="subtitle">Who you are and how Fulcrum looks on this laptop; how this workspace scores health, values customers and measures support.</p>
        </div>
      </header>
      <div className="settings-layout">
        <SettingsNav sections={SETTINGS_SECTIONS} />
        <form
          ref={editor.formRef}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void saveAll();
          }}
          className="settings-form"
        >
          {errors.form && (
            <p className="form-error" role="alert" data-testid="settings-form-error">
              {errors.form}
            </p>
          )}
          {laptopError && (
            <p className="form-error" role="alert" data-testid="settings-laptop-error">
              {laptopError}
            </p>
          )}

          <IdentitySection editor={laptop} />
          <AppearanceSection editor={laptop} />

          <TeamSettingsNote team={team} />
          <fieldset className="team-settings-fieldset" disabled={team.readOnly} data-testid="settings-team-part">
            <HealthSection form={form} error={error} update={editor.update}>
              <RecomputePanel
                recompute={editor.recompute}
                modelVersion={editor.modelVersion}
                dirtyHealth={JSON.stringify(healthPart(form)) !== JSON.stringify(healthPart(settingsToForm(saved)))}
                onRun={() => void editor.runRecompute()}
                onCancel={editor.recomputeJob.cancel}
                cancelling={editor.recomputeJob.cancelling}
                job={editor.recomputeJob}
              />
            </HealthSection>

            <SlaSection form={form} error={error} update={editor.update} />

            <BusinessHoursSection form={form} error={error} update={editor.update} />

            <ValueSection form={form} error={error} update={editor.update} />

            <ValueMapEditor form={form.valueMap} errors={errors} onChange={(patch) => editor.update((f) => ({ ...f, valueMap: patch(f.valueMap) }))} />

            <LeverageSection editor={leverage} apiErrors={errors} />
          </fieldset>

          <SettingsActions
            saving={editor.saving}
            dirty={dirty}
            notice={notice ?? editor.notice}
            onDiscard={() => {
              editor.discard();
              leverage.discard();
              laptop.discard();
            }}
            onReset={() => setConfirmReset(true)}
            resetRefused={team.readOnly ? 'The team’s settings are changed by its managers; your role reads them.' : undefined}
          />
        </form>
      </div>

      {confirmReset && <ResetSettingsDialog onReset={editor.resetToDefaults} onClose={() => setConfirmReset(false)} />}
    </section>
  );
}

const healthPart = (f: SettingsForm) => [f.weights, f.coverageFloorPct, f.redBelow, f.amberBelow];
