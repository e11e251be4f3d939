import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { downloadFile } from '../../lib/download';
import { printHtml } from './printHtml';

/** Markdown for a CMS or wiki, HTML for a print-ready page, Print for the PDF. */
export function ExportActions({ storyId }: { storyId: number }) {
  const exporting = useAction(async (what: 'markdown' | 'html' | 'print') => {
    const file = await call('stories.export', { id: storyId, format: what === 'markdown' ? 'markdown' : 'html' });
    if (what === 'print') printHtml(file.content);
    else downloadFile(file.fileName, file.mimeType, file.content);
  });
  const { run, busy, error } = exporting;
  return (
    <div className="story-export" data-testid="story-export">
      <button type="button" className="button" disabled={busy} onClick={() => void run('markdown')} data-testid="export-markdown">
        Export Markdown
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void run('html')} data-testid="export-html">
        Export HTML
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void run('print')} data-testid="print-story" title="Print, or save as PDF">
        Print…
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
