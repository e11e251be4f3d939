import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { useAction, type Action } from './useAction';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A deferred promise, so a test decides when the action settles. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('useAction', () => {
  let container: HTMLDivElement;
  let root: Root;
  let action: Action<[string], string>;

  const mount = async (fn: (name: string) => Promise<string>) => {
    function Probe() {
      action = useAction(fn);
      return null;
    }
    await act(async () => root.render(<Probe />));
  };

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('is busy while the action runs and resolves with its value', async () => {
    const gate = deferred<string>();
    await mount(async (name) => `${await gate.promise} ${name}`);
    expect(action.busy).toBe(false);
    let result: Promise<unknown> | undefined;
    await act(async () => {
      result = action.run('Ada');
    });
    expect(action.busy).toBe(true);
    await act(async () => gate.resolve('hello'));
    await expect(result).resolves.toEqual({ ok: true, value: 'hello Ada' });
    expect(action.busy).toBe(false);
    expect(action.error).toBeUndefined();
  });

  it("keeps the core's error with its issues and never rejects", async () => {
    const refusal = new ApiError({ code: 'BAD_INPUT', message: 'Check the name', issues: [{ path: 'name', message: 'is required' }] });
    await mount(async () => {
      throw refusal;
    });
    let result: unknown;
    await act(async () => {
      result = await action.run('x');
    });
    expect(result).toEqual({ ok: false, error: refusal });
    expect(action.busy).toBe(false);
    expect(action.error).toBe('Check the name');
    expect(action.failure?.issueFor('name')).toBe('is required');
  });

  it('turns a thrown Error or non-Error into a readable INTERNAL error', async () => {
    let thrown: unknown = new TypeError('x is undefined');
    await mount(async () => {
      throw thrown;
    });
    await act(async () => void (await action.run('a')));
    expect(action.error).toBe('x is undefined');
    expect(action.failure?.error.code).toBe('INTERNAL');

    thrown = 'disk full';
    await act(async () => void (await action.run('a')));
    expect(action.error).toBe('disk full');

    thrown = undefined;
    await act(async () => void (await action.run('a')));
    expect(action.error).toBe('undefined');
  });

  it('clears the error on retry and on reset, and the retry can succeed', async () => {
    let attempts = 0;
    await mount(async (name) => {
      attempts++;
      if (attempts === 1) throw new ApiError({ code: 'CONFLICT', message: 'busy, try again' });
      return name;
    });
    await act(async () => void (await action.run('a')));
    expect(action.error).toBe('busy, try again');
    await act(async () => void (await action.run('b')));
    expect(action.error).toBeUndefined();

    attempts = 0;
    await act(async () => void (await action.run('c')));
    expect(action.error).toBe('busy, try again');
    act(() => action.reset());
    expect(action.error).toBeUndefined();
    expect(action.failure).toBeUndefined();
  });

  it('keeps only the latest run’s outcome', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const gates = [first, second];
    await mount(() => gates.shift()!.promise);
    await act(async () => {
      void action.run('one');
      void action.run('two');
    });
    await act(async () => second.resolve('two'));
    expect(action.busy).toBe(false);
    await act(async () => first.reject(new Error('too late')));
    expect(action.error).toBeUndefined();
  });

  it('calls the latest function given, so it sees the latest state', async () => {
    await mount(async (name) => `first ${name}`);
    await mount(async (name) => `second ${name}`);
    let result: unknown;
    await act(async () => {
      result = await action.run('call');
    });
    expect(result).toEqual({ ok: true, value: 'second call' });
  });
});
