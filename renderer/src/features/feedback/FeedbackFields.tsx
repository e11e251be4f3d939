import { FEEDBACK_KINDS, type FeedbackItem } from '../../../../shared/contract/feedback';
import { Field } from '../../components/Field';
import { KIND_LABELS } from './labels';

export interface FeedbackDraft {
  kind: FeedbackItem['kind'];
  text: string;
  product: string;
  feature: string;
}

/** What was said, its kind and what it is about: the fields every way of adding feedback shares. */
export function FeedbackFields({ value, onChange, testId, textError }: { value: FeedbackDraft; onChange: (next: FeedbackDraft) => void; testId: string; textError?: string }) {
  const set = (patch: Partial<FeedbackDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <Field label="Kind" name="kind">
        <select className="select" value={value.kind} onChange={(e) => set({ kind: e.target.value as FeedbackItem['kind'] })} data-testid={`${testId}-kind`}>
          {FEEDBACK_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="What they said" name="text" required wide error={textError}>
        <textarea className="input" value={value.text} onChange={(e) => set({ text: e.target.value })} maxLength={4000} rows={3} data-testid={`${testId}-text`} />
      </Field>
      <Field label="Product" name="product">
        <input className="input" value={value.product} onChange={(e) => set({ product: e.target.value })} maxLength={100} data-testid={`${testId}-product`} />
      </Field>
      <Field label="Feature" name="feature">
        <input className="input" value={value.feature} onChange={(e) => set({ feature: e.target.value })} maxLength={100} data-testid={`${testId}-feature`} />
      </Field>
    </>
  );
}
