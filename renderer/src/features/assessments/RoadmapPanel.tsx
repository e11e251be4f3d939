import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { HORIZONS, HORIZON_LABELS, type AssessmentDetail } from '../../../../shared/contract/assessments';
import { emptyDraft, fromDraft, moveDraft, suggestFromGaps, toDraft, type RecommendationDraft } from './roadmap';
import { countOf } from './format';

/** The consultant's roadmap: ordered actions linked to gaps, each with owner, horizon and expected effect. */
export function RoadmapPanel({ detail }: { detail: AssessmentDetail }) {
  const results = useQuery('assessments.results', { id: detail.assessment.id }, ['assessments']);
  const [drafts, setDrafts] = useState<RecommendationDraft[]>(() => detail.recommendations.map(toDraft));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const { framework } = detail.template;

  // A save elsewhere (another window, an import) shows here unless this editor has unsaved changes.
  useEffect(() => {
    if (!dirty) setDrafts(detail.recommendations.map(toDraft));
  }, [detail.recommendations, dirty]);

  const change = (next: RecommendationDraft[]) => {
    setDrafts(next);
    setDirty(true);
    setSaved(false);
  };
  const set = (index: number, patch: Partial<RecommendationDraft>) => change(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const saving = useAction(async () => {
    await call('assessments.saveRoadmap', { assessmentId: detail.assessment.id, recommendations: drafts.map(fromDraft) });
    setDirty(false);
    setSaved(true);
  });
  const { run: save, failure: error } = saving;
  const suggestions = results.data ? suggestFromGaps(results.data, drafts) : [];

  return (
    <section className="card roadmap" aria-labelledby="roadmap-title" data-testid="roadmap-panel">
      <header className="card-header">
        <h2 id="roadmap-title">Roadmap</h2>
        <div className="card-actions">
          <button
            type="button"
            className="button"
            disabled={suggestions.length === 0}
            onClick={() => change([...drafts, ...suggestions])}
            data-testid="roadmap-suggest"
            title="Adds an action for each of the largest gaps to target not covered yet"
          >
            Suggest from gaps{suggestions.length ? ` (${suggestions.length})` : ''}
          </button>
          <button type="button" className="button" onClick={() => change([...drafts, emptyDraft()])} data-testid="roadmap-add">
            Add action
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={!dirty} data-testid="roadmap-save">
            Save roadmap
          </button>
        </div>
      </header>
      <p className="muted small" role="status" data-testid="roadmap-state">
        {dirty ? 'Unsaved changes.' : saved ? 'Roadmap saved.' : `${countOf(drafts.length, 'action')}.`}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {drafts.length === 0 ? (
        <p className="muted" data-testid="roadmap-empty">
          No action yet. Set targets while answering, then “Suggest from gaps”, or add actions yourself.
        </p>
      ) : (
        <ol className="roadmap-list">
          {drafts.map((d, i) => {
            const items = framework.dimensions.find((dim) => dim.key === d.dimensionKey)?.items ?? framework.dimensions.flatMap((dim) => dim.items);
            const issue = (field: string) => error?.issueFor(`recommendations.${i}.${field}`);
            return (
              <li key={i} className="roadmap-item" data-testid="roadmap-item">
                <div className="roadmap-grid">
                  <label className="field wide">
                    <span className="field-label">Action {i + 1}</span>
                    <textarea
                      className="input"
                      rows={2}
                      value={d.action}
                      onChange={(e) => set(i, { action: e.target.value })}
                      aria-invalid={issue('action') ? true : undefined}
                      data-testid={`roadmap-action-${i}`}
                    />
                    {issue('action') && <span className="field-error">{issue('action')}</span>}
                  </label>
                  <label className="field">
                    <span className="field-label">Dimension</span>
                    <select className="input" value={d.dimensionKey} onChange={(e) => set(i, { dimensionKey: e.target.value, itemKey: '' })}>
                      <option value="">—</option>
                      {framework.dimensions.map((dim) => (
                        <option key={dim.key} value={dim.key}>
                          {dim.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span className="field-label">Item (gap)</span>
                    <select className="input" value={d.itemKey} onChange={(e) => set(i, { itemKey: e.target.value })}>
                      <option value="">—</option>
                      {items.map((item) => (
                        <option key={item.key} value={item.key}>
                          {item.statement}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span className="field-label">Owner</span>
                    <input className="input" value={d.owner} onChange={(e) => set(i, { owner: e.target.value })} data-testid={`roadmap-owner-${i}`} />
                  </label>
                  <label className="field">
                    <span className="field-label">Horizon</span>
                    <select
                      className="input"
                      value={d.horizon}
                      onChange={(e) => set(i, { horizon: e.target.value as RecommendationDraft['horizon'] })}
                      data-testid={`roadmap-horizon-${i}`}
                    >
                      <option value="">—</option>
                      {HORIZONS.map((h) => (
                        <option key={h} value={h}>
                          {HORIZON_LABELS[h]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field wide">
                    <span className="field-label">Expected effect</span>
                    <input className="input" value={d.expectedEffect} onChange={(e) => set(i, { expectedEffect: e.target.value })} data-testid={`roadmap-effect-${i}`} />
                  </label>
                </div>
                <div className="roadmap-item-actions">
                  <button type="button" className="link-button" onClick={() => change(moveDraft(drafts, i, -1))} disabled={i === 0} aria-label={`Move action ${i + 1} up`}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => change(moveDraft(drafts, i, 1))}
                    disabled={i === drafts.length - 1}
                    aria-label={`Move action ${i + 1} down`}
                  >
                    ↓
                  </button>
                  <button type="button" className="link-button" onClick={() => change(drafts.filter((_, j) => j !== i))} aria-label={`Remove action ${i + 1}`}>
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
