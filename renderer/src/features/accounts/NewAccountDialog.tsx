import { call } from '../../api/client';
import { navigate } from '../../app/router';
import type { AccountFacets } from './AccountForm';
import { AccountFormDialog } from './AccountFormDialog';
import { emptyAccountForm } from './accountForm';

/** "New account": on success the new account's page opens. */
export function NewAccountDialog({ facets, onClose }: { facets: AccountFacets | undefined; onClose: () => void }) {
  return (
    <AccountFormDialog
      title="New account"
      submitLabel="Create account"
      initial={emptyAccountForm()}
      facets={facets}
      save={(fields) => call('accounts.create', fields)}
      onSaved={(account) => {
        onClose();
        navigate(`accounts/${account.id}`);
      }}
      onClose={onClose}
      testId="account-form"
    />
  );
}
