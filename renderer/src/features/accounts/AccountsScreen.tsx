import { AccountPage } from './AccountPage';
import { AccountsList } from './AccountsList';

/** `#/accounts` is the table, `#/accounts/<id>` one account's page. */
export function AccountsScreen({ params }: { params: string[] }) {
  const [id] = params;
  if (id === undefined) return <AccountsList />;
  return <AccountPage key={id} idParam={id} />;
}
