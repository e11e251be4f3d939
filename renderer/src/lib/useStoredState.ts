import { useEffect, useState } from 'react';
import { readJson, writeJson } from './storage';

/**
 * State that outlives the screen (in sessionStorage), so leaving an account page and coming back
 * finds the list as the user left it. `restore` cleans what was stored.
 */
export function useStoredState<T>(storage: Storage | undefined, key: string, restore: (stored: unknown) => T) {
  const [value, setValue] = useState<T>(() => restore(readJson<unknown>(storage, key, undefined)));
  useEffect(() => writeJson(storage, key, value), [storage, key, value]);
  return [value, setValue] as const;
}
