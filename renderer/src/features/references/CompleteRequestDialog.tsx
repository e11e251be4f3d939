import { useState } from 'react';
import type { RequestRow } from '../../../../shared/contract/requests';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { activityLabel } from './labels';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** The feedback that closes a request: did it happen, how it went, what the reference said. */
export function CompleteRequestDialog({ request, onClose }: { request: RequestRow; onClose: () => void }) {
  const [happened, setHappened] = useState(true);
  const [rating, setRating] = useState<number | null>(null);
  const [feedback, setFeedback] = useState('');
  const [referenceSaid, setReferenceSaid] = useState('');
  const complete = useAction(async () => {
    await call('requests.complete', {
      id: request.id,
      happened,
      rating: happened ? rating : null,
      feedback: feedback.trim() || null,
      referenceSaid: happened ? referenceSaid.trim() || null : null,
    });
    onClose();
  });

  return (
    <FormDialog
      title={`Complete: ${activityLabel(request.activity).toLowerCase()} with ${request.accountName}`}
      testId="request-complete-dialog"
      onClose={onClose}
      onSubmit={() => void complete.run()}
      wide
      error={complete.error}
      submitLabel="Complete request"
      busyLabel="Saving…"
      busy={complete.busy}
      cancelLabel="Back"
      submitTestId="request-complete-submit"
    >
      <div className="form-grid">
        <Field label="Did it take place?" name="happened" wide>
          <div className="segmented" role="radiogroup" aria-label="Did it take place?" data-testid="input-happened">
            {[
              { value: true, label: 'Yes, it happened' },
              { value: false, label: 'No, it fell through' },
            ].map((option) => (
              <label key={String(option.value)} className={happened === option.value ? 'on' : undefined}>
                <input type="radio" name="happened" checked={happened === option.value} onChange={() => setHappened(option.value)} data-autofocus={option.value || undefined} />
                {option.label}
              </label>
            ))}
          </div>
        </Field>
        {happened && (
          <Field label="How useful was it? (1 poor – 5 excellent)" name="rating" wide>
            <div className="segmented" role="radiogroup" aria-label="Rating from 1 to 5" data-testid="input-rating">
              {RATINGS.map((value) => (
                <label key={value} className={rating === value ? 'on' : undefined}>
                  <input type="radio" name="rating" checked={rating === value} onChange={() => setRating(value)} />
                  {value}
                </label>
              ))}
            </div>
          </Field>
        )}
        <Field label={happened ? 'How it went' : 'What happened instead'} name="feedback" wide>
          <textarea className="input" rows={3} value={feedback} onChange={(e) => setFeedback(e.target.value)} maxLength={2000} data-testid="input-feedback" />
        </Field>
        {happened && (
          <Field label="What the reference said" name="referenceSaid" hint="Quotable words are gold for stories" wide>
            <textarea className="input" rows={2} value={referenceSaid} onChange={(e) => setReferenceSaid(e.target.value)} maxLength={2000} data-testid="input-referenceSaid" />
          </Field>
        )}
      </div>
    </FormDialog>
  );
}
