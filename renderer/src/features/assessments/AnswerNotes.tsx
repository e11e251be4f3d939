import { useEffect, useRef, useState } from 'react';
import type { Answer } from '../../../../shared/contract/assessments';
import { parseLinks } from './answering';

const AUTOSAVE_MS = 700;

/**
 * Evidence notes and links for the current answer. Saved a moment after typing stops, when the
 * field is left, and when the screen moves to another item or respondent, so nothing typed is lost.
 */
export function AnswerNotes({ prompts, answer, onSave }: { prompts: string[]; answer: Answer | undefined; onSave: (notes: { evidence: string | null; links: string[] }) => void }) {
  const [evidence, setEvidence] = useState(answer?.evidence ?? '');
  const [links, setLinks] = useState((answer?.links ?? []).join('\n'));
  const latest = useRef({ evidence, links, answer, onSave });
  latest.current = { evidence, links, answer, onSave };

  const commit = () => {
    const { evidence, links, answer, onSave } = latest.current;
    if (!answer) return;
    const notes = { evidence: evidence.trim() || null, links: parseLinks(links) };
    if (notes.evidence === answer.evidence && notes.links.join('\n') === answer.links.join('\n')) return;
    onSave(notes);
  };

  useEffect(() => {
    const timer = setTimeout(commit, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [evidence, links]);
  // Leaving the item (this component is keyed by respondent and item) saves what was typed.
  useEffect(() => commit, []);

  return (
    <div className="answer-notes">
      <label className="field">
        <span className="field-label">Evidence</span>
        {prompts.length > 0 && <span className="field-hint">{prompts.join(' ')}</span>}
        <textarea
          className="input"
          rows={2}
          value={evidence}
          disabled={!answer}
          placeholder={answer ? 'What backs this answer: documents seen, examples, figures' : 'Pick a level first'}
          onChange={(e) => setEvidence(e.target.value)}
          onBlur={commit}
          data-testid="answer-evidence"
        />
      </label>
      <label className="field">
        <span className="field-label">Links</span>
        <textarea
          className="input"
          rows={1}
          value={links}
          disabled={!answer}
          placeholder="One per line"
          onChange={(e) => setLinks(e.target.value)}
          onBlur={commit}
          data-testid="answer-links"
        />
      </label>
    </div>
  );
}
