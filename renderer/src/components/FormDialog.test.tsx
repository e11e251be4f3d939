import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormDialog } from './FormDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('FormDialog', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const show = (props: Partial<Parameters<typeof FormDialog>[0]> = {}) =>
    act(() =>
      root.render(
        <FormDialog title="New story" testId="story" onClose={() => {}} onSubmit={() => {}} submitLabel="Create" busyLabel="Creating…" submitTestId="story-submit" {...props}>
          <input name="title" />
        </FormDialog>,
      ),
    );
  const submitButton = () => container.querySelector<HTMLButtonElement>('[data-testid="story-submit"]')!;

  it('submits once per Enter or click and closes on Cancel', () => {
    const onSubmit = vi.fn();
    const onClose = vi.fn();
    show({ onSubmit, onClose });
    act(() => submitButton().click());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    act(() => container.querySelector<HTMLButtonElement>('footer button[type=button]')!.click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('disables and relabels the primary button while busy, and shows the error line', () => {
    show({ busy: true, error: 'The core said no', errorTestId: 'story-error' });
    expect(submitButton().disabled).toBe(true);
    expect(submitButton().textContent).toBe('Creating…');
    expect(container.querySelector('[data-testid="story-error"]')!.textContent).toBe('The core said no');
  });

  it('puts the error after the fields when asked, and extra actions before Cancel', () => {
    show({ error: 'No', errorLast: true, actions: <button type="button">Remove</button>, cancelLabel: 'Back', danger: true });
    const body = container.querySelector('form')!;
    expect(body.lastElementChild!.previousElementSibling!.className).toBe('form-error');
    expect([...body.querySelectorAll('footer button')].map((b) => b.textContent)).toEqual(['Remove', 'Back', 'Create']);
    expect(submitButton().className).toBe('button danger');
  });
});
