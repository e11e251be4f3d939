import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { issuesByField } from '../../api/fieldErrors';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { useDebounced } from '../../lib/useDebounced';

type Errors = Partial<Record<'accountId' | 'title' | 'form', string>>;

/**
 * "New story": pick the customer (searchable, since a workspace holds thousands of accounts) and
 * give it a working title; the editor opens on the new story. With `account` the customer is fixed.
 */
export function NewStoryDialog({ account, onClose }: { account?: { id: number; name: string }; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const [accountId, setAccountId] = useState<number | undefined>(account?.id);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const matches = useQuery('accounts.list', { pageSize: 50, sort: { field: 'name', direction: 'asc' }, ...(term ? { search: term } : {}) }, ['accounts']);

  const create = useAction(async (chosen: number) => {
    const story = await call('stories.create', { accountId: chosen, title });
    onClose();
    navigate(`stories/${story.id}`);
  });

  const submit = async () => {
    const missing: Errors = {};
    if (accountId === undefined) missing.accountId = 'Choose the customer the story is about';
    if (!title.trim()) missing.title = 'Give the story a working title';
    if (accountId === undefined || Object.keys(missing).length > 0) return setErrors(missing);
    const result = await create.run(accountId);
    if (!result.ok) setErrors(issuesByField(result.error.error, ['accountId', 'title'] as const));
  };

  const rows = matches.data?.rows ?? [];
  return (
    <FormDialog
      title="New story"
      testId="new-story-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={errors.form}
      submitLabel="Create story"
      busyLabel="Creating…"
      busy={create.busy}
      submitTestId="new-story-submit"
    >
      {account ? (
        <p>
          Customer: <strong data-testid="new-story-account">{account.name}</strong>
        </p>
      ) : (
        <>
          <Field
            label="Find the customer"
            name="accountSearch"
            hint={matches.data && matches.data.total > rows.length ? `Showing ${rows.length} of ${matches.data.total}: type to narrow` : undefined}
          >
            <input
              className="input"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Account name, industry, owner…"
              data-testid="new-story-account-search"
            />
          </Field>
          <Field label="Customer" name="accountId" error={errors.accountId} required>
            <select
              className="input story-account-list"
              size={6}
              value={accountId ?? ''}
              onChange={(e) => {
                setAccountId(Number(e.target.value));
                setErrors(({ accountId: _, ...rest }) => rest);
              }}
              data-testid="new-story-account"
            >
              {rows.map((row) => (
                <option key={row.id} value={row.id}>
                  {row.name}
                  {row.industry ? ` · ${row.industry}` : ''}
                </option>
              ))}
            </select>
          </Field>
          {matches.data && rows.length === 0 && <p className="muted small">No account matches “{term}”.</p>}
        </>
      )}
      <Field label="Working title" name="title" error={errors.title} required hint="You can change it any time.">
        <input
          className="input"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setErrors(({ title: _, ...rest }) => rest);
          }}
          maxLength={300}
          data-testid="new-story-title"
        />
      </Field>
    </FormDialog>
  );
}
