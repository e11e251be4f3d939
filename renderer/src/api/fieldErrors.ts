import type { RpcError } from '../../../shared/rpc';

/**
 * The core's per-field issues by form field. `aliases` maps a path the core uses to the form's
 * field name (arrMinor -> arr); issues about no known field, or an error without issues, land
 * under `form` so nothing the core said is lost.
 */
export function issuesByField<Field extends string>(
  error: RpcError,
  fields: readonly Field[],
  aliases: Partial<Record<string, Field>> = {},
): Partial<Record<Field | 'form', string>> {
  const errors: Partial<Record<Field | 'form', string>> = {};
  const known = new Set<string>(fields);
  for (const issue of error.issues ?? []) {
    const head = issue.path.split('.')[0] ?? '';
    const field = aliases[head] ?? head;
    if (known.has(field)) errors[field as Field] ??= issue.message;
    else errors.form ??= issue.path ? `${issue.path}: ${issue.message}` : issue.message;
  }
  if (!error.issues?.length) errors.form = error.message;
  return errors;
}
