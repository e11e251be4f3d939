import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { call } from '../api/client';
import { useLoader } from '../api/useQuery';
import { useDebounced } from '../lib/useDebounced';

/** What a picker holds: enough to show the chosen account without asking the core again. */
export interface PickedAccount {
  id: number;
  name: string;
}

/**
 * A searchable account combobox: the user types, the core's `accounts.list` answers a small page of
 * matches (a workspace holds thousands of accounts, so nothing is listed in full), arrow keys and
 * Enter choose, Escape closes. Inside a `Field`, which passes the id and aria attributes used here
 * so the field's label names the input.
 */
export function AccountPicker({
  value,
  onChange,
  testId = 'account-picker',
  placeholder = 'Type to search accounts…',
  pageSize = 20,
  delay = 200,
  autoFocus,
  ...field
}: {
  value: PickedAccount | null;
  onChange: (account: PickedAccount | null) => void;
  testId?: string;
  placeholder?: string;
  pageSize?: number;
  delay?: number;
  autoFocus?: boolean;
  id?: string;
  name?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}) {
  const fallbackId = useId();
  const inputId = field.id ?? fallbackId;
  const listId = `${inputId}-listbox`;
  const [open, setOpen] = useState(false);
  // What the user typed since opening; null while the input simply shows the chosen account.
  const [typed, setTyped] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const term = useDebounced((typed ?? '').trim(), delay);
  // Only an open list asks the core; the key changes with the search, which reloads.
  const matches = useLoader(
    open ? term : undefined,
    async (search) => ({ search, page: await call('accounts.list', { ...(search ? { search } : {}), pageSize, sort: { field: 'name', direction: 'asc' } }) }),
    ['accounts'],
  );
  const rows = open ? (matches.data?.page.rows ?? []) : [];
  // The answer is for what the input shows now (not a search the user has since typed past).
  const settled = open && matches.data?.search === (typed ?? '').trim();

  const close = () => {
    setOpen(false);
    setTyped(null);
    setActive(0);
  };
  const choose = (account: PickedAccount) => {
    onChange({ id: account.id, name: account.name });
    close();
  };
  const dismiss = () => {
    // An emptied input clears the choice; any other unfinished search gives back the chosen name.
    if (typed !== null && typed.trim() === '' && value) onChange(null);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(rows.length - 1, i + step)));
    } else if (event.key === 'Enter' && open) {
      // Enter chooses here; it must not also submit the form around the picker.
      event.preventDefault();
      const row = rows[active];
      if (row) choose(row);
    } else if (event.key === 'Escape' && open) {
      // Closes the list only; a second Escape reaches the dialog.
      event.preventDefault();
      event.stopPropagation();
      dismiss();
    } else if (event.key === 'Home' && open && rows.length) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && open && rows.length) {
      event.preventDefault();
      setActive(rows.length - 1);
    }
  };

  const activeId = open && rows[active] ? `${listId}-${rows[active].id}` : undefined;
  // Arrowing past the list's visible part scrolls the active option into view.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const total = matches.data?.page.total ?? 0;
  const status = !open
    ? ''
    : matches.error
      ? matches.error.message
      : !settled
        ? 'Searching…'
        : rows.length === 0
          ? term
            ? `No account matches “${term}”`
            : 'No accounts in this workspace yet'
          : total > rows.length
            ? `Showing ${rows.length} of ${total.toLocaleString()}: type to narrow`
            : `${rows.length} ${rows.length === 1 ? 'account' : 'accounts'}`;

  return (
    <div className="account-picker" data-testid={testId}>
      <input
        {...field}
        id={inputId}
        className="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        placeholder={placeholder}
        value={typed ?? value?.name ?? ''}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={dismiss}
        data-testid={`${testId}-input`}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      />
      <ul id={listId} role="listbox" aria-label="Matching accounts" className="account-picker-list" hidden={!open || rows.length === 0} data-testid={`${testId}-list`}>
        {rows.map((row, index) => (
          <li
            key={row.id}
            id={`${listId}-${row.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            // mousedown, not click: the input keeps focus, so its blur does not close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(row);
            }}
            onMouseEnter={() => setActive(index)}
            data-testid={`${testId}-option`}
            data-id={row.id}
          >
            {row.name}
            {row.industry && <span className="muted small"> · {row.industry}</span>}
          </li>
        ))}
      </ul>
      {open && (
        <div role="status" className="account-picker-status muted small" data-testid={`${testId}-status`}>
          {status}
        </div>
      )}
    </div>
  );
}
