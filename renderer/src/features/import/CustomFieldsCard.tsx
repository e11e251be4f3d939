import type { CustomFieldKind, CustomFieldType, CustomValue } from '../../../../shared/contract/customFields';
import { useQuery } from '../../api/useQuery';
import { formatDate, formatNumber } from '../../../../shared/format/format';
import './import.css';

/** A custom value as read: numbers in the locale, yes/no as words, dates as dates. */
function shown(type: CustomFieldType, value: CustomValue): string {
  if (type === 'number' && typeof value === 'number') return formatNumber(value);
  if (type === 'bool') return value === true ? 'Yes' : 'No';
  if (type === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
}

/**
 * A record's custom fields (columns an import kept that match no field): on the account page. Lives
 * with the import that makes them; nothing is shown for a record without any.
 */
export function CustomFieldsCard({ recordKind, recordId }: { recordKind: CustomFieldKind; recordId: number }) {
  const values = useQuery('customFields.values', { recordKind, recordId }, ['accounts', 'customFields']);
  if (values.error)
    return (
      <p className="form-error" role="alert">
        {values.error.message}
      </p>
    );
  if (!values.data || values.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="custom-fields-title" data-testid="custom-fields">
      <header className="card-header">
        <h2 id="custom-fields-title">More from the import</h2>
      </header>
      <dl className="custom-fields">
        {values.data.map((value) => (
          <div key={value.fieldId} data-testid="custom-field">
            <dt>{value.name}</dt>
            <dd>{shown(value.type, value.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
