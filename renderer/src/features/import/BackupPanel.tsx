import { useEffect, useState } from 'react';
import type { BackupFile } from '../../../../shared/contract/backup';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../../../shared/format/format';
import { formatBytes } from './importModel';

const KIND_LABELS: Record<string, string> = { manual: 'Manual', scheduled: 'Scheduled', 'pre-migration': 'Before an upgrade', 'pre-restore': 'Before a restore' };
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function BackupPanel() {
  const list = useQuery('backup.list', {});
  const settings = useQuery('backup.settings', {});
  const [keep, setKeep] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [restoring, setRestoring] = useState<BackupFile>();

  useEffect(() => {
    if (settings.data) setKeep(String(settings.data.keep));
  }, [settings.data]);

  // Both actions report in the one notice line, success or failure.
  const backingUp = useAction(() => call('backup.create', {}));
  const busy = backingUp.busy;
  const backUp = async () => {
    setNotice(undefined);
    const result = await backingUp.run();
    if (!result.ok) return setNotice({ ok: false, text: `The backup failed: ${result.error.message}` });
    setNotice({ ok: true, text: `Backed up to ${fileName(result.value.path)} (${formatBytes(result.value.bytes)}).` });
    list.reload();
  };
  const keeping = useAction((value: number) => call('backup.settings', { keep: value }));

  const saveKeep = async () => {
    const value = Number(keep);
    if (!Number.isInteger(value) || value < 1 || value > 1000) {
      setNotice({ ok: false, text: 'Keep between 1 and 1,000 scheduled backups.' });
      return;
    }
    const result = await keeping.run(value);
    if (!result.ok) return setNotice({ ok: false, text: result.error.message });
    setNotice({ ok: true, text: `The newest ${value} scheduled backups are kept.` });
    settings.reload();
  };

  const backups = [...(list.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <section className="card" data-testid="backup-panel">
      <header className="card-header">
        <div>
          <h2 className="card-title">Backups</h2>
          <p className="card-subtitle">
            Consistent copies of the open workspace
            {settings.data ? (
              <>
                {' '}
                in <code data-testid="backup-folder">{settings.data.folder}</code>
              </>
            ) : (
              ''
            )}
            .
          </p>
        </div>
        <button type="button" className="button primary" onClick={backUp} disabled={busy} data-testid="backup-now">
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </header>
      <div className="form-grid backup-keep">
        <Field label="Scheduled backups to keep" name="backup-keep">
          <input className="input" inputMode="numeric" value={keep} onChange={(e) => setKeep(e.target.value)} data-testid="backup-keep" />
        </Field>
        <button type="button" className="button" onClick={saveKeep} disabled={!settings.data || keep === String(settings.data.keep)} data-testid="backup-keep-save">
          Save
        </button>
      </div>
      {notice && (
        <p className={notice.ok ? 'muted small' : 'form-error'} role="status" data-testid="backup-notice">
          {notice.text}
        </p>
      )}
      {list.error && <p className="form-error">The backups could not be listed: {list.error.message}</p>}
      {backups.length === 0 ? (
        <p className="muted" data-testid="backup-empty">
          {list.loading ? 'Loading…' : 'No backups yet.'}
        </p>
      ) : (
        <div className="import-scroll">
          <table className="import-table" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.path} data-testid="backup-row">
                  <td title={backup.path}>
                    {formatDateTime(backup.createdAt)}
                    <span className="backup-kind">{KIND_LABELS[backup.kind] ?? backup.kind}</span>
                  </td>
                  <td className="num">{formatBytes(backup.bytes)}</td>
                  <td className="num">
                    <button type="button" className="link-button" onClick={() => setRestoring(backup)} data-testid="backup-restore">
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {restoring && (
        <ConfirmDialog
          title="Restore this backup?"
          confirm="Restore"
          danger
          testId="backup-restore-dialog"
          onClose={() => setRestoring(undefined)}
          onConfirm={async () => {
            // By the backup's id in the backups folder: no path ever reaches the restore (issue 12).
            const result = await call('backup.restore', { id: restoring.id, confirm: true });
            setRestoring(undefined);
            setNotice({ ok: true, text: `Restored from ${fileName(result.restoredFrom)}. The workspace as it was is kept as ${fileName(result.previousKeptAt)}.` });
            list.reload();
          }}
        >
          <p>The workspace will be replaced by the backup taken {formatDateTime(restoring.createdAt)}. Everything changed since then is replaced.</p>
          <p>The current workspace is backed up first, so this can be undone by restoring that backup.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
