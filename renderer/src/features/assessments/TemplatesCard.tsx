import { useQuery } from '../../api/useQuery';

/** The templates, newest version of each, with their lock state; each opens in the editor. */
export function TemplatesCard() {
  const templates = useQuery('assessments.templates', {}, ['assessments']);
  return (
    <section className="card" aria-labelledby="templates-title" data-testid="templates-card">
      <header className="card-header">
        <h2 id="templates-title">Templates</h2>
      </header>
      {templates.error ? (
        <p className="form-error" role="alert">
          {templates.error.message}
        </p>
      ) : !templates.data ? (
        <p className="muted">Loading templates…</p>
      ) : (
        <ul className="template-list">
          {templates.data.map((t) => (
            <li key={t.id} data-testid="template-row">
              <a href={`#/assessments/templates/${t.id}`}>{t.name}</a>
              <span className="muted small">
                {' '}
                v{t.version} · {t.framework.dimensions.length} dimensions · {t.framework.dimensions.reduce((n, d) => n + d.items.length, 0)} items
                {t.lockedAt ? ' · in use (edits make a new version)' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
