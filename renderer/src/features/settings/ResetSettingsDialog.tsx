import { ConfirmDialog } from '../../components/ConfirmDialog';

/** Asks before every tuning goes back to Fulcrum's defaults; the dialog closes as the reset starts. */
export function ResetSettingsDialog({ onReset, onClose }: { onReset: () => Promise<unknown>; onClose: () => void }) {
  return (
    <ConfirmDialog
      title="Reset all settings to their defaults?"
      confirm="Reset to defaults"
      danger
      testId="settings-reset-confirm"
      onClose={onClose}
      onConfirm={async () => {
        onClose();
        await onReset();
      }}
    >
      <p>The health weights, thresholds, SLA targets, business hours and discount rate go back to Fulcrum's defaults. The value-map survey is kept.</p>
      <p>Every account's health score is recomputed with the default model.</p>
    </ConfirmDialog>
  );
}
