import type { ImportMapping } from '../../../../shared/contract/import';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../../shared/contract/customFields';
import { CUSTOM_FIELD_TARGETS, keptAs } from './importShape';
import type { ImportWizardState } from './useImportWizard';

const TYPE_LABELS: Record<CustomFieldType, string> = { text: 'text', number: 'number', bool: 'yes/no', date: 'date', choice: 'choice' };

/** The select's value for a column kept as a custom field ('' when it is not). */
export const customChoice = (mapping: ImportMapping | undefined, column: string) => {
  const type = keptAs(mapping, column);
  return type ? `custom:${type}` : '';
};

/** The field select's second group: keep the column as a typed custom field of the record (targets that can keep them). */
export function CustomOptions({ wizard, column }: { wizard: ImportWizardState; column: string }) {
  const { detected, target } = wizard;
  if (!CUSTOM_FIELD_TARGETS.includes(target)) return null;
  const suggested = detected?.into === target ? detected.columns.find((c) => c.column === column)?.keepAs : undefined;
  return (
    <optgroup label="Keep as a custom field">
      {CUSTOM_FIELD_TYPES.map((type) => (
        <option key={type} value={`custom:${type}`}>
          Custom field: {TYPE_LABELS[type]}
          {suggested === type ? ' (suggested)' : ''}
        </option>
      ))}
    </optgroup>
  );
}

/** Beside a column's field: how sure automatic matching is (and why), or why a named column was not matched. */
export function ColumnChoice({ wizard, column, mapped }: { wizard: ImportWizardState; column: string; mapped: boolean }) {
  const { detected, preset, target } = wizard;
  const suggestion = detected?.into === target ? detected.columns.find((c) => c.column === column) : undefined;
  if (mapped && !preset && suggestion?.field) {
    return (
      <span className={`pill ${suggestion.confidence >= 0.8 ? '' : 'tone-warn'}`} title={suggestion.reason} data-testid={`map-confidence-${column}`}>
        {Math.round(suggestion.confidence * 100)} % sure
      </span>
    );
  }
  if (!mapped && suggestion?.reason.startsWith('named like')) {
    return (
      <span className="pill tone-warn" title={suggestion.reason} data-testid={`map-misfit-${column}`}>
        values do not fit {suggestion.reason.split(' ')[2]}
      </span>
    );
  }
  return null;
}
