/** The settings form's footer: save, discard, what happened last, and the way back to the defaults. */
export function SettingsActions({
  saving,
  dirty,
  notice,
  onDiscard,
  onReset,
  resetRefused,
}: {
  saving: boolean;
  dirty: boolean;
  notice: string | undefined;
  onDiscard: () => void;
  onReset: () => void;
  /** Why this laptop may not reset the workspace's settings (a team role that may not change them), if so. */
  resetRefused?: string;
}) {
  return (
    <footer className="settings-actions">
      <button type="submit" className="button primary" disabled={saving || !dirty} data-testid="settings-save">
        {saving ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button" disabled={saving || !dirty} onClick={onDiscard} data-testid="settings-discard">
        Discard changes
      </button>
      <span className="spacer" />
      {notice && (
        <span className="tone-ok" role="status" data-testid="settings-notice">
          {notice}
        </span>
      )}
      {dirty && !notice && <span className="muted">Unsaved changes</span>}
      <button type="button" className="button" onClick={onReset} disabled={resetRefused !== undefined} title={resetRefused} data-testid="settings-reset">
        Reset to defaults…
      </button>
    </footer>
  );
}
