import { useId, useState } from 'react';
import { useDismiss } from './useDismiss';
import type { CustomCondition } from '../../../shared/contract/customFields';
import { conditionOf, describeCondition, opsFor, type Draft, type FieldLike } from './customFieldFilter';
import './customFieldFilter.css';

/**
 * "Custom fields" button above a table: the active custom-field conditions as removable chips, and a
 * popover to add one (field, a test its type offers, the value). The core does the filtering.
 */
export function CustomFieldFilter({
  fields,
  conditions,
  onChange,
  testId,
}: {
  fields: FieldLike[];
  conditions: CustomCondition[];
  onChange: (conditions: CustomCondition[]) => void;
  testId: string;
}) {
  const { open, button, panel, close, toggle, onEscape } = useDismiss('select, input');
  const panelId = useId();
  const first = fields[0];
  const [draft, setDraft] = useState<Draft>({ fieldId: first?.id ?? 0, test: first ? opsFor(first.type)[0]!.label : '', value: '', max: '' });
  const [error, setError] = useState<string>();
  const field = fields.find((candidate) => candidate.id === draft.fieldId) ?? first;

  if (fields.length === 0) return null;
  const byId = new Map(fields.map((candidate) => [candidate.id, candidate]));
  const add = () => {
    if (!field) return;
    const made = conditionOf(field, draft);
    if ('error' in made) {
      setError(made.error);
      return;
    }
    setError(undefined);
    onChange([...conditions, made.condition]);
    setDraft({ ...draft, value: '', max: '' });
    close();
  };
  const pickField = (fieldId: number) => {
    const next = byId.get(fieldId)!;
    setDraft({ fieldId, test: opsFor(next.type)[0]!.label, value: '', max: '' });
    setError(undefined);
  };
  const inputType = field?.type === 'number' ? 'number' : field?.type === 'date' ? 'date' : 'text';

  return (
    <div className="custom-filter" data-testid={testId}>
      {conditions.map((condition, i) => (
        <span className="pill filter-chip" key={i} data-testid={`${testId}-chip`}>
          {describeCondition(byId.get(condition.fieldId), condition)}
          <button
            type="button"
            className="link-button"
            aria-label={`Remove filter: ${describeCondition(byId.get(condition.fieldId), condition)}`}
            onClick={() => onChange(conditions.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </span>
      ))}
      <div className="column-menu">
        <button ref={button} type="button" className="button" aria-haspopup="true" aria-expanded={open} aria-controls={panelId} data-testid={`${testId}-button`} onClick={toggle}>
          Custom field filter
        </button>
        {open && field && (
          <div
            ref={panel}
            id={panelId}
            role="group"
            aria-label="Filter by a custom field"
            className="popover custom-filter-form"
            onKeyDown={(event) => {
              if (onEscape(event)) return;
              if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
                event.preventDefault();
                add();
              }
            }}
          >
            <label className="field">
              <span>Field</span>
              <select className="input" value={field.id} onChange={(event) => pickField(Number(event.target.value))} data-testid={`${testId}-field`}>
                {fields.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Test</span>
              <select className="input" value={draft.test} onChange={(event) => setDraft({ ...draft, test: event.target.value })} data-testid={`${testId}-test`}>
                {opsFor(field.type).map((option) => (
                  <option key={option.label} value={option.label}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            {draft.test !== 'has a value' && draft.test !== 'is empty' && (
              <ValueInputs field={field} draft={draft} inputType={inputType} onChange={(patch) => setDraft({ ...draft, ...patch })} testId={testId} />
            )}
            {error && (
              <p className="field-error" role="alert" data-testid={`${testId}-error`}>
                {error}
              </p>
            )}
            <div className="popover-actions">
              <button type="button" className="button primary" onClick={add} data-testid={`${testId}-add`}>
                Add filter
              </button>
              <button type="button" className="link-button" onClick={close}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

function ValueInputs({
  field,
  draft,
  inputType,
  onChange,
  testId,
}: {
  field: FieldLike;
  draft: Draft;
  inputType: string;
  onChange: (patch: Partial<Draft>) => void;
  testId: string;
}) {
  if (field.type === 'bool')
    return (
      <label className="field">
        <span>Value</span>
        <select className="input" value={draft.value || 'yes'} onChange={(event) => onChange({ value: event.target.value })} data-testid={`${testId}-value`}>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
    );
  if (field.type === 'choice' && draft.test === 'is')
    return (
      <label className="field">
        <span>Value</span>
        <select className="input" value={draft.value} onChange={(event) => onChange({ value: event.target.value })} data-testid={`${testId}-value`}>
          <option value="">Choose…</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </label>
    );
  if (draft.test === 'between')
    return (
      <>
        <label className="field">
          <span>From</span>
          <input className="input" type={inputType} value={draft.value} onChange={(event) => onChange({ value: event.target.value })} data-testid={`${testId}-value`} />
        </label>
        <label className="field">
          <span>To</span>
          <input className="input" type={inputType} value={draft.max} onChange={(event) => onChange({ max: event.target.value })} data-testid={`${testId}-max`} />
        </label>
      </>
    );
  return (
    <label className="field">
      <span>Value</span>
      <input className="input" type={inputType} value={draft.value} onChange={(event) => onChange({ value: event.target.value })} data-testid={`${testId}-value`} />
    </label>
  );
}
