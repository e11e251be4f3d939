import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { FeedbackFields, type FeedbackDraft } from './FeedbackFields';

export type CaptureSource = 'ticket' | 'survey' | 'touchpoint';
const SOURCE_WORDS: Record<CaptureSource, string> = { ticket: 'ticket', survey: 'answer', touchpoint: 'touchpoint' };
const NEW_REQUEST = 'new';

/**
 * "Capture as feedback" from a ticket, a survey answer or a touchpoint: the core's draft of it
 * (feedback.draft: kind, account, contact, words, product and feature) to correct, then linked to an
 * existing request, a new one named here, or none yet (the board's unlinked list).
 */
export function CaptureFeedbackDialog({ source, id, onClose }: { source: CaptureSource; id: number; onClose: () => void }) {
  const draft = useQuery('feedback.draft', { source, id }, ['feedback', 'feedbackRequests']);
  const requests = useQuery('feedbackRequests.list', { pageSize: 500, sort: { field: 'title', direction: 'asc' } }, ['feedbackRequests']);
  return draft.data ? (
    <CaptureForm source={source} id={id} draft={draft.data} requests={requests.data?.rows ?? []} onClose={onClose} />
  ) : (
    <FormDialog
      title="Capture as feedback"
      testId="capture-feedback"
      onClose={onClose}
      onSubmit={() => {}}
      error={draft.error?.message}
      submitLabel="Capture"
      busy={!draft.error}
      busyLabel="Loading…"
    >
      <p className="muted">{draft.error ? `The ${SOURCE_WORDS[source]} could not be read.` : `Reading the ${SOURCE_WORDS[source]}…`}</p>
    </FormDialog>
  );
}

function CaptureForm({
  source,
  id,
  draft,
  requests,
  onClose,
}: {
  source: CaptureSource;
  id: number;
  draft: Output<'feedback.draft'>;
  requests: Output<'feedbackRequests.list'>['rows'];
  onClose: () => void;
}) {
  const [fields, setFields] = useState<FeedbackDraft>({ kind: draft.kind, text: draft.text, product: draft.product ?? '', feature: draft.feature ?? '' });
  const { kind, text, product, feature } = fields;
  const [request, setRequest] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [missing, setMissing] = useState<string>();
  // A new request is named after what was said until the user names it.
  useEffect(() => setNewTitle((title) => title || text.slice(0, 200)), [request, text]);
  const idField = source === 'ticket' ? 'ticketId' : source === 'survey' ? 'surveyResponseId' : 'touchpointId';
  // A new request made by a Capture whose item then failed is reused by the retry, not made twice.
  const created = useRef<number | null>(null);
  const save = useAction(async () => {
    if (request === NEW_REQUEST && created.current === null)
      created.current = (await call('feedbackRequests.create', { title: newTitle, product: product || null, feature: feature || null })).id;
    const requestId = request === NEW_REQUEST ? created.current : request ? Number(request) : null;
    return call('feedback.create', {
      accountId: draft.accountId,
      contactId: draft.contactId,
      kind,
      text,
      product: product || null,
      feature: feature || null,
      capturedAt: draft.capturedAt,
      source,
      [idField]: id,
      requestId,
    });
  });
  const submit = async () => {
    if (!text.trim()) return setMissing('Write down what the customer said.');
    if (request === NEW_REQUEST && !newTitle.trim()) return setMissing('Name the new request.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title="Capture as feedback"
      testId="capture-feedback"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Capture"
      busyLabel="Capturing…"
      busy={save.busy}
      submitTestId="capture-feedback-save"
    >
      <p className="muted" data-testid="capture-feedback-from">
        From {draft.accountName}
        {draft.contactName ? ` (${draft.contactName})` : ''}, {SOURCE_WORDS[source]} of {draft.capturedAt}
      </p>
      {draft.captured.length > 0 && (
        <p className="small" role="note" data-testid="capture-feedback-already">
          Already captured from this {SOURCE_WORDS[source]}
          {draft.captured.some((c) => c.requestTitle)
            ? `: ${draft.captured.flatMap((c) => (c.requestTitle ? [c.requestTitle] : [])).join(', ')}`
            : ' (not linked to a request yet)'}
          .
        </p>
      )}
      <div className="form-grid">
        <FeedbackFields value={fields} onChange={setFields} testId="capture-feedback" textError={save.failure?.issueFor('text')} />
        <Field label="Request" name="requestId" wide hint="Merge it into a product request now, or later from the board">
          <select className="select" value={request} onChange={(e) => setRequest(e.target.value)} data-testid="capture-feedback-request">
            <option value="">Not yet</option>
            <option value={NEW_REQUEST}>New request…</option>
            {requests.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </Field>
        {request === NEW_REQUEST && (
          <Field label="New request" name="title" required wide>
            <input className="input" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={200} data-testid="capture-feedback-new-title" />
          </Field>
        )}
      </div>
    </FormDialog>
  );
}
