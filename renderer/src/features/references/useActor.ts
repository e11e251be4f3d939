import { useState } from 'react';
import { useQuery } from '../../api/useQuery';
import { local } from '../../lib/storage';

const KEY = 'fulcrum.actor';

/**
 * Who is working: the programme logs who moved, approved or granted what. The app has no sign-in:
 * "who am I" (identity.get, set once per laptop in Settings) comes first; without it, the name
 * typed last is remembered on this machine and offered again.
 */
/**
 * Returns the name to show (what was typed, else "who am I", else the name typed last), remember(),
 * and "who am I" alone ('' while unset or loading). Dialogs derive their person field from it rather
 * than copying it into state when they open: identity.get often answers after the dialog opened.
 */
export function useActor(): [string, (name: string) => void, string] {
  const [stored] = useState(() => local()?.getItem(KEY) ?? '');
  // What the user typed in this dialog; until then "who am I", or the name typed last time.
  const [edited, setEdited] = useState<string>();
  const identity = useQuery('identity.get', {}, ['identity']).data;
  const actor = edited ?? (identity?.name || stored);
  const remember = (name: string) => {
    setEdited(name);
    try {
      local()?.setItem(KEY, name.trim());
    } catch {
      // Remembering is a nicety.
    }
  };
  return [actor, remember, identity?.name ?? ''];
}
