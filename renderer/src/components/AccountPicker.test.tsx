import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountPicker, type PickedAccount } from './AccountPicker';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ACCOUNTS = ['Acme', 'Acme Retail', 'Globex', 'Hooli', 'Zephyr Labs'].map((name, i) => ({ id: i + 1, name, industry: null }));

/** The host the preload would give: answers accounts.list by name, as the core's search does for names. */
function fakeHost() {
  const asked: { search?: string; pageSize?: number }[] = [];
  const invoke = vi.fn(async (channel: string, input: { search?: string; pageSize?: number }) => {
    if (channel !== 'accounts.list') throw new Error(`unexpected channel ${channel}`);
    asked.push(input);
    const rows = ACCOUNTS.filter((a) => !input.search || a.name.toLowerCase().includes(input.search.toLowerCase()));
    return { ok: true, value: { rows: rows.slice(0, input.pageSize), total: rows.length, page: 1, pageSize: input.pageSize } };
  });
  return { asked, host: { invoke, on: () => () => {} } };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('AccountPicker', () => {
  let container: HTMLDivElement;
  let root: Root;
  let chosen: PickedAccount | null;
  let asked: { search?: string; pageSize?: number }[];

  function Probe() {
    const [value, setValue] = useState<PickedAccount | null>(null);
    chosen = value;
    return (
      <div onKeyDown={(event) => event.key === 'Escape' && (container.dataset.escaped = 'yes')}>
        <label htmlFor="pick">Account</label>
        <AccountPicker id="pick" value={value} onChange={setValue} delay={0} pageSize={3} />
      </div>
    );
  }

  const input = () => container.querySelector<HTMLInputElement>('[role="combobox"]')!;
  const options = () => [...container.querySelectorAll<HTMLElement>('[role="option"]')];
  const press = (key: string) => act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
  const type = async (text: string) => {
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), text);
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
  };

  beforeEach(async () => {
    const fake = fakeHost();
    asked = fake.asked;
    (window as unknown as { fulcrum?: unknown }).fulcrum = fake.host;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<Probe />));
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    delete (window as unknown as { fulcrum?: unknown }).fulcrum;
  });

  it('is a labelled combobox that asks the core only once opened, a small page at a time', async () => {
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().labels?.[0]?.textContent).toBe('Account');
    await settle();
    expect(asked).toEqual([]);
    press('ArrowDown');
    await settle();
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(asked[0]).toMatchObject({ pageSize: 3 });
    expect(options().map((o) => o.textContent)).toEqual(['Acme', 'Acme Retail', 'Globex']);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Showing 3 of 5: type to narrow');
  });

  it('types to search, moves with the arrow keys and chooses with Enter', async () => {
    await type('acme');
    expect(asked.at(-1)).toMatchObject({ search: 'acme' });
    expect(options().map((o) => o.textContent)).toEqual(['Acme', 'Acme Retail']);
    const listbox = container.querySelector('[role="listbox"]')!;
    expect(input().getAttribute('aria-controls')).toBe(listbox.id);
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    press('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    press('ArrowDown'); // stays on the last
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    press('ArrowUp');
    press('ArrowDown');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    act(() => void input().dispatchEvent(enter));
    expect(enter.defaultPrevented).toBe(true); // Enter chose; it does not submit the form too
    expect(chosen).toEqual({ id: 2, name: 'Acme Retail' });
    expect(input().value).toBe('Acme Retail');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().getAttribute('aria-activedescendant')).toBeNull();
  });

  it('says when nothing matches, and Escape closes the list (not the dialog) and keeps the chosen name', async () => {
    await type('zeph');
    press('Enter');
    expect(chosen?.name).toBe('Zephyr Labs');
    await type('nothing like it');
    expect(options()).toHaveLength(0);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('No account matches “nothing like it”');
    press('Escape');
    expect(container.dataset.escaped).toBeUndefined();
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('Zephyr Labs');
    expect(chosen?.name).toBe('Zephyr Labs');
    press('Escape'); // closed: the second Escape is the dialog's
    expect(container.dataset.escaped).toBe('yes');
  });

  it('clears the choice when the user empties the input and leaves it', async () => {
    await type('hoo');
    press('Enter');
    expect(chosen?.name).toBe('Hooli');
    await type('');
    act(() => void input().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(chosen).toBeNull();
    expect(input().value).toBe('');
  });
});
