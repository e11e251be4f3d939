import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { issuesByField } from '../../api/fieldErrors';
import { navigate } from '../../app/router';
import { AccountPicker, type PickedAccount } from '../../components/AccountPicker';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';

type Errors = Partial<Record<'accountId' | 'title' | 'form', string>>;

/**
 * "New story": pick the customer (searchable, since a workspace holds thousands of accounts) and
 * give it a working title; the editor opens on the new story. With `account` the customer is fixed.
 */
export function NewStoryDialog({ account, onClose }: { account?: { id: number; name: string }; onClose: () => void }) {
  const [picked, setPicked] = useState<PickedAccount | null>(account ?? null);
  const accountId = picked?.id;
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Errors>({});

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
        <Field label="Customer" name="accountId" error={errors.accountId} required hint="Type part of the name, industry or owner">
          <AccountPicker
            value={picked}
            onChange={(chosen) => {
              setPicked(chosen);
              setErrors(({ accountId: _, ...rest }) => rest);
            }}
            testId="new-story-picker"
            placeholder="Account name, industry, owner…"
            autoFocus
          />
        </Field>
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
