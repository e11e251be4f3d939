import { cloneElement, useId, type ReactElement } from 'react';

/**
 * A labelled form control with its hint and its error beside it. The control gets id,
 * aria-invalid and aria-describedby, so screen readers read the error with the field.
 */
export function Field({
  label,
  name,
  error,
  hint,
  required,
  children,
  wide,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}${wide ? ' wide' : ''}`} data-testid={`field-${name}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {cloneElement(children, {
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described,
        'aria-required': required || undefined,
      })}
      {error && (
        <span className="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {error}
        </span>
      )}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
