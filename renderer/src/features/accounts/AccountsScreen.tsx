import { useQuery } from '../../api/useQuery';

export function AccountsScreen({ params }: { params: string[] }) {
  const accounts = useQuery('accounts.list', { pageSize: 20 }, ['accounts']);
  return (
    <section>
      <h1>Accounts {params[0] ?? ''}</h1>
      <ul>{accounts.data?.rows.map((a) => <li key={a.id}>{a.name}</li>)}</ul>
    </section>
  );
}
