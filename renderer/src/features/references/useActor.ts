import { useState } from 'react';
import { local } from '../../lib/storage';

const KEY = 'fulcrum.actor';

/**
 * Who is working: the programme logs who moved, approved or granted what. The app has no sign-in,
 * so the name typed last is remembered on this machine and offered again.
 */
export function useActor(): [string, (name: string) => void] {
  const [actor, setActor] = useState(() => local()?.getItem(KEY) ?? '');
  const remember = (name: string) => {
    setActor(name);
    try {
      local()?.setItem(KEY, name.trim());
    } catch {
      // Remembering is a nicety.
    }
  };
  return [actor, remember];
}
