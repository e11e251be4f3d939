import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { downloadFile } from '../../lib/download';
import { AddFeedbackDialog } from './AddFeedbackDialog';
import { NewRequestDialog } from './NewRequestDialog';
import { ProductSatisfaction } from './ProductSatisfaction';
import { RequestBoard } from './RequestBoard';
import { UnlinkedItems } from './UnlinkedItems';
import './feedback.css';

/**
 * Customer feedback into the product: requests weighed by the revenue behind them, the items not yet
 * merged into one, and satisfaction by product. `#/feedback`.
 */
export function FeedbackScreen() {
  const [dialog, setDialog] = useState<'request' | 'item' | null>(null);
  const exporter = useAction(async (format: 'csv' | 'markdown' | 'xlsx') => {
    const file = await call('feedbackRequests.export', { format });
    // The XLSX workbook crosses as base64 (the core's answers are JSON).
    downloadFile(file.filename, file.mime, file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content);
  });
  return (
    <section className="screen feedback-screen" data-testid="feedback-screen">
      <header className="screen-header">
        <h1>Product feedback</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setDialog('item')} data-testid="add-feedback">
            Add feedback
          </button>
          <button type="button" className="button primary" onClick={() => setDialog('request')} data-testid="new-request">
            New request
          </button>
          <button type="button" className="button" disabled={exporter.busy} onClick={() => void exporter.run('csv')} data-testid="export-requests-csv">
            Export CSV
          </button>
          <button type="button" className="button" disabled={exporter.busy} onClick={() => void exporter.run('xlsx')} data-testid="export-requests-xlsx">
            Export XLSX
          </button>
          <button type="button" className="button" disabled={exporter.busy} onClick={() => void exporter.run('markdown')} data-testid="export-requests-md">
            Export Markdown
          </button>
        </div>
      </header>
      {exporter.error && (
        <p className="form-error" role="alert">
          {exporter.error}
        </p>
      )}
      <RequestBoard />
      <UnlinkedItems />
      <ProductSatisfaction />
      {dialog === 'request' && <NewRequestDialog onClose={() => setDialog(null)} />}
      {dialog === 'item' && <AddFeedbackDialog onClose={() => setDialog(null)} />}
    </section>
  );
}
