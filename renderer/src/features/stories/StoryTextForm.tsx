import { useState } from 'react';
import type { StoryDetail } from '../../../../shared/contract/stories';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Field } from '../../components/Field';
import { formToUpdate, sameForm, storyToForm, type StoryFormValues } from './storyForm';

/** The story's words: title, industry, products, challenge, solution and quotes with their speaker. */
export function StoryTextForm({ story, readOnly }: { story: StoryDetail; readOnly: boolean }) {
  // The form starts from the story once and keeps the user's typing; a save resets it to what was stored.
  const [saved, setSaved] = useState(() => storyToForm(story));
  const [values, setValues] = useState(saved);
  const [justSaved, setJustSaved] = useState(false);
  const dirty = !sameForm(values, saved);
  const set = (patch: Partial<StoryFormValues>) => {
    setJustSaved(false);
    setValues((previous) => ({ ...previous, ...patch }));
  };
  const setQuote = (index: number, patch: Partial<StoryFormValues['quotes'][number]>) =>
    set({ quotes: values.quotes.map((quote, i) => (i === index ? { ...quote, ...patch } : quote)) });

  const saving = useAction(async () => {
    const updated = await call('stories.update', { id: story.id, ...formToUpdate(values) });
    const stored = storyToForm(updated);
    setSaved(stored);
    setValues(stored);
    setJustSaved(true);
  });
  const save = saving.run;
  const { busy, failure: error } = saving;
  const issue = (field: string) => error?.issueFor(field);

  return (
    <form
      className="card story-text"
      aria-labelledby="story-text-title"
      data-testid="story-text"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          if (dirty && !readOnly) void save();
        }
      }}
    >
      <header className="card-header">
        <h2 id="story-text-title">The story</h2>
        <span className="muted small" role="status" data-testid="story-save-state">
          {dirty ? 'Unsaved changes' : justSaved ? 'Saved' : ''}
        </span>
      </header>
      {error && !error.error.issues?.length && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <fieldset disabled={readOnly} className="story-fields">
        <Field label="Title" name="title" error={issue('title')} required wide>
          <input className="input" value={values.title} onChange={(e) => set({ title: e.target.value })} maxLength={300} data-testid="story-title" />
        </Field>
        <div className="form-grid">
          <Field label="Industry" name="industry" error={issue('industry')}>
            <input className="input" value={values.industry} onChange={(e) => set({ industry: e.target.value })} data-testid="story-industry" />
          </Field>
          <Field label="Products" name="products" error={issue('products')} hint="Separate with commas">
            <input className="input" value={values.products} onChange={(e) => set({ products: e.target.value })} data-testid="story-products" />
          </Field>
        </div>
        <Field label="The challenge" name="challenge" error={issue('challenge')} hint="What the customer was up against, in their terms" wide>
          <textarea className="input" rows={5} value={values.challenge} onChange={(e) => set({ challenge: e.target.value })} data-testid="story-challenge" />
        </Field>
        <Field label="The solution" name="solution" error={issue('solution')} hint="What they did, with which products, and how it went" wide>
          <textarea className="input" rows={5} value={values.solution} onChange={(e) => set({ solution: e.target.value })} data-testid="story-solution" />
        </Field>
        <div className="story-quotes">
          <div className="field-label">Quotes</div>
          {values.quotes.length === 0 && <p className="muted small">No quotes yet: the customer’s own words make a story credible.</p>}
          {values.quotes.map((quote, index) => (
            <div className="story-quote" key={index} data-testid="story-quote">
              <Field label={`Quote ${index + 1}`} name={`quote-${index}-text`} error={issue(`quotes.${index}.text`)} required wide>
                <textarea className="input" rows={2} value={quote.text} onChange={(e) => setQuote(index, { text: e.target.value })} data-testid="quote-text" />
              </Field>
              <div className="story-quote-speaker">
                <Field label="Speaker" name={`quote-${index}-speaker`} error={issue(`quotes.${index}.speaker`)} required hint="Name, title">
                  <input className="input" value={quote.speaker} onChange={(e) => setQuote(index, { speaker: e.target.value })} data-testid="quote-speaker" />
                </Field>
                <button
                  type="button"
                  className="button small"
                  onClick={() => set({ quotes: values.quotes.filter((_, i) => i !== index) })}
                  aria-label={`Remove quote ${index + 1}`}
                >
                  Remove
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="button small" onClick={() => set({ quotes: [...values.quotes, { text: '', speaker: '' }] })} data-testid="add-quote">
            Add quote
          </button>
        </div>
      </fieldset>
      {!readOnly && (
        <footer className="story-text-actions">
          {dirty && (story.stage === 'approved' || story.stage === 'published') && (
            <span className="muted small story-reapproval" data-testid="story-reapproval-hint">
              The customer approved the earlier wording: check these changes with them.
            </span>
          )}
          {dirty && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setValues(saved);
                saving.reset();
              }}
              data-testid="story-discard"
            >
              Discard changes
            </button>
          )}
          <button type="submit" className="button primary" disabled={!dirty || busy} data-testid="story-save" title="Ctrl+S">
            {busy ? 'Saving…' : 'Save changes'}
          </button>
        </footer>
      )}
    </form>
  );
}
