import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { countOf } from './format';

/** Targets in one go: every item without a target gets the chosen level (each can still be changed while answering). */
export function TargetsCard({ detail }: { detail: AssessmentDetail }) {
  const { framework } = detail.template;
  const items = framework.dimensions.flatMap((d) => d.items.map((i) => i.key));
  const [level, setLevel] = useState(String(framework.scale.levels.at(-2)?.value ?? framework.scale.levels[0]!.value));
  const [message, setMessage] = useState<string>();
  const withTarget = new Set(detail.targets.map((t) => t.itemKey));
  const missing = items.filter((key) => !withTarget.has(key));
  const applying = useAction(async (keys: string[], value: number) => {
    await call('assessments.setTargets', { assessmentId: detail.assessment.id, targets: keys.map((itemKey) => ({ itemKey, level: value })) });
    setMessage(`${countOf(keys.length, 'target')} set; change one on the Answers tab.`);
  });
  const { run: apply, error } = applying;
  return (
    <section className="card" aria-labelledby="targets-title" data-testid="targets-card">
      <header className="card-header">
        <h2 id="targets-title">Targets</h2>
        <span className="muted small">
          {detail.targets.length} of {items.length} items have a target
        </span>
      </header>
      <div className="file-actions">
        <label className="inline-field">
          Level
          <select className="input" value={level} onChange={(e) => setLevel(e.target.value)} data-testid="targets-level">
            {framework.scale.levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.value} {l.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={missing.length === 0} onClick={() => void apply(missing, Number(level))} data-testid="targets-fill">
          {missing.length ? `Set for the ${countOf(missing.length, 'item')} without one` : 'Every item has a target'}
        </button>
      </div>
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
