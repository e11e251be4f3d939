import type { ImportPreview } from '../../../../shared/contract/import';
import { countOf, formatInteger } from '../../../../shared/format/format';

/** "2,357 customers are not accounts yet: …" (preview) or "Created 2,357 accounts: …" (result), with the first names. Null when nothing is made. */
export function accountsCreatedText(made: ImportPreview['accountsCreated'], done: boolean): string | null {
  if (!made) return null;
  if (made.count === 0) return done ? null : 'Every customer in the file is an account already: no account will be created.';
  const more = made.count > made.names.length ? ` and ${formatInteger(made.count - made.names.length)} more` : '';
  const names = `${made.names.join(', ')}${more}`;
  return done
    ? `Created ${countOf(made.count, 'account')} for customers that were not in the workspace: ${names}.`
    : `${countOf(made.count, 'customer')} ${made.count === 1 ? 'is' : 'are'} not in the workspace yet: the import will create ${made.count === 1 ? 'an account' : 'an account for each'} (${names}).`;
}

/** The accounts a purchases import makes for its customers (issue 13, mapping.createAccounts), in the preview and the result. */
export function AccountsCreated({ made, done, testId }: { made: ImportPreview['accountsCreated']; done: boolean; testId: string }) {
  const text = accountsCreatedText(made, done);
  if (!text) return null;
  return (
    <p className="banner" data-testid={testId}>
      {text}
    </p>
  );
}
