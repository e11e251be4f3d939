import { useState } from 'react';
import type { Action } from './useAction';

/**
 * The problems a form finds before it calls the core, beside the core's own per-field issues: each
 * field shows its own problem first, then the core's; the form's error line shows only a failure no
 * field explains.
 */
export function useFieldProblems<F extends string>(save: Pick<Action<never[], unknown>, 'failure' | 'error' | 'reset'>, fields: readonly F[]) {
  const [own, setOwn] = useState<Partial<Record<F, string>>>({});
  const issue = (field: F) => own[field] ?? save.failure?.issueFor(field);
  const formError = save.failure && !fields.some((f) => save.failure!.issueFor(f)) ? save.error : undefined;
  /** Shows the problems found; true when there are none and the form may call the core. */
  const check = (problems: Partial<Record<F, string>>): boolean => {
    setOwn(problems);
    if (Object.keys(problems).length === 0) return true;
    save.reset();
    return false;
  };
  return { issue, formError, check };
}
