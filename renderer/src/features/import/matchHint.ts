import type { ImportTarget } from '../../../../shared/contract/import';

// What "Existing records" means for each target, as import/targets.ts matches them (matchKey):
// said under the select, so a user re-importing a file knows what is updated and what is added.

export function matchHint(target: ImportTarget): string {
  switch (target) {
    case 'accounts':
    case 'tickets':
    case 'purchases':
      return 'Matched by external id';
    case 'contacts':
      return 'Matched by e-mail, in any case';
    case 'references':
      return "Matched by the contact's e-mail, in any case (a row without a known contact is added); a changed stage is logged";
    default:
      return 'This target is always added as new rows';
  }
}
