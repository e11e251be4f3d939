import { CONSENT_RULE_KINDS } from '../../../../shared/contract/references';
import { RULE_KIND_LABELS, type RuleDraft, type RuleKind } from './consentRules';

/** The restrictions the finder can check, one row per rule: its kind and the names it lists. */
export function RulesEditor({ drafts, onChange, error }: { drafts: RuleDraft[]; onChange: (drafts: RuleDraft[]) => void; error?: string }) {
  const update = (index: number, patch: Partial<RuleDraft>) => onChange(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  return (
    <fieldset className="rules-editor" data-testid="rules-editor">
      <legend>Rules the finder checks</legend>
      {drafts.length === 0 && <p className="muted">None: any prospect may be served.</p>}
      {drafts.map((draft, index) => (
        <div key={index} className="rule-row" data-testid="rule-row">
          <select
            className="input"
            aria-label={`Rule ${index + 1} kind`}
            value={draft.kind}
            onChange={(e) => update(index, { kind: e.target.value as RuleKind })}
            data-testid="rule-kind"
          >
            {CONSENT_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {RULE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <input
            className="input"
            aria-label={`Rule ${index + 1} names, separated by commas`}
            placeholder={draft.kind === 'regionsOnly' ? 'EMEA, APAC' : draft.kind === 'excludeIndustries' ? 'Defense, Gambling' : 'Initech, Globex'}
            value={draft.names}
            onChange={(e) => update(index, { names: e.target.value })}
            data-testid="rule-names"
          />
          <button type="button" className="button small" aria-label={`Remove rule ${index + 1}`} onClick={() => onChange(drafts.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button small" onClick={() => onChange([...drafts, { kind: 'regionsOnly', names: '' }])} data-testid="add-rule">
        Add rule
      </button>
    </fieldset>
  );
}
