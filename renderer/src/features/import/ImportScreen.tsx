// Named import/ though it also holds export and backup: it is the one *Import & export* screen, three panels; see docs/architecture.md (Names that differ).
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import './import.css';

/** Import & export: spreadsheets in through a checked preview, tables and the workspace out, backups. */
export function ImportScreen() {
  return (
    <section className="screen import-screen" data-testid="import-screen">
      <header className="screen-header">
        <div>
          <h1>Import &amp; export</h1>
          <p className="import-intro muted">Bring in the spreadsheets from a CRM, help desk or survey tool; nothing is written until you import the checked preview.</p>
        </div>
      </header>
      <ImportWizard />
      <div className="import-side">
        <ExportPanel />
        <BackupPanel />
      </div>
    </section>
  );
}
