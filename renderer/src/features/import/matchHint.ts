import type { ImportTarget } from '../../../../shared/contract/import';

// What "Existing records" means for each target, as import/targets.ts matches them (matchKey):
// said under the select, so a user re-importing references knows they are added again.

export function matchHint(target: ImportTarget): string {
  switch (target) {
    case 'accounts':
    case 'tickets':
    case 'purchases':
      return 'Matched by external id';
    case 'contacts':
      return 'Matched by e-mail, in any case';
    case 'references':
      // docs/import.md, Not done yet: the issue asks for an upsert by the contact's e-mail.
      return 'References are always added, never matched: importing a file again adds its references again';
    default:
      return 'This target is always added as new rows';
  }
}
