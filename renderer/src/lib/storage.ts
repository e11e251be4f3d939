/** JSON in Web Storage that never throws: private modes, quotas and old formats fall back to `fallback`. */
export function readJson<T>(storage: Storage | undefined, key: string, fallback: T): T {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Remembering a preference is a nicety; failing to is not an error worth showing.
  }
}

export const local = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);
export const session = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
