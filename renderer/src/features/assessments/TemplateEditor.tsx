import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import type { Framework, Template } from '../../../../shared/contract/assessments';
import { DimensionEditor } from './DimensionEditor';
import { ScaleEditor, StagesEditor } from './ScaleAndStagesEditor';
import { addDimension, issuePlace } from './templateDraft';
import { countOf } from './format';

export function TemplateEditor({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : 0;
  const template = useQuery('assessments.template', { id }, []);
  if (template.error) {
    return (
      <div className="empty-state" data-testid="template-missing">
        <p>{template.error.error.code === 'NOT_FOUND' || id === 0 ? `Template "${idParam}" does not exist in this workspace.` : template.error.message}</p>
        <a href="#/assessments">← Assessments</a>
      </div>
    );
  }
  if (!template.data)
    return (
      <p className="muted" aria-busy="true">
        Loading template…
      </p>
    );
  return <Editor template={template.data} />;
}

/**
 * Edits a template's whole framework. A version already used by an assessment stays as it is:
 * saving writes the next version, which new assessments then use.
 */
function Editor({ template }: { template: Template }) {
  const [name, setName] = useState(template.name);
  const [framework, setFramework] = useState<Framework>(template.framework);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: Framework) => {
    setFramework(next);
    setDirty(true);
  };
  const saving = useAction(async (asNew: boolean) => {
    const saved = await call('assessments.saveTemplate', asNew ? { name, framework } : { id: template.id, name, framework });
    setDirty(false);
    navigate(`assessments/templates/${saved.id}`);
  });
  const { run: save, busy, failure: error } = saving;
  const issue = (path: string) => error?.issueFor(`framework.${path}`);

  return (
    <article className="screen template-editor" data-testid="template-editor" aria-labelledby="template-title">
      <a href="#/assessments" className="back-link">
        ← Assessments
      </a>
      <header className="screen-header">
        <div>
          <h1 id="template-title">
            {template.name} <span className="muted">v{template.version}</span>
          </h1>
          <p className="subtitle">
            {template.lockedAt
              ? `Used by ${countOf(template.assessments, 'assessment')}: saving keeps this version for them and writes version ${template.version + 1}.`
              : 'Not used by any assessment yet: saving changes this version.'}
          </p>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy || name === template.name}
            onClick={() => void save(true)}
            title="Give the template a new name first"
            data-testid="template-save-new"
          >
            Save as new template
          </button>
          <button type="button" className="button primary" disabled={busy || (!dirty && name === template.name)} onClick={() => void save(false)} data-testid="template-save">
            {template.lockedAt ? `Save as version ${template.version + 1}` : 'Save'}
          </button>
        </div>
      </header>
      {error && (
        <div className="template-error" role="alert" data-testid="template-error">
          <strong>Not saved:</strong>
          {error.error.issues?.length ? (
            <ul>
              {error.error.issues.map((i) => (
                <li key={i.path}>
                  {issuePlace(framework, i.path)}: {i.message}
                </li>
              ))}
            </ul>
          ) : (
            <span> {error.message}</span>
          )}
        </div>
      )}
      <section className="card template-basics">
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setDirty(true);
            }}
            data-testid="template-name"
          />
          {error?.issueFor('name') && <span className="field-error">{error.issueFor('name')}</span>}
        </label>
        <label className="field">
          <span className="field-label">Description</span>
          <textarea className="input" rows={2} value={framework.description} onChange={(e) => change({ ...framework, description: e.target.value })} />
        </label>
      </section>
      <ScaleEditor framework={framework} onChange={change} issue={issue} />
      {framework.dimensions.map((dimension, d) => (
        <DimensionEditor key={d} framework={framework} index={d} onChange={change} issue={issue} />
      ))}
      <button type="button" className="button" onClick={() => change(addDimension(framework, 'New dimension'))} data-testid="dimension-add">
        Add dimension
      </button>
      <StagesEditor framework={framework} onChange={change} issue={issue} />
    </article>
  );
}
