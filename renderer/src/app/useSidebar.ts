import { useEffect, useState } from 'react';
import { local, readJson, writeJson } from '../lib/storage';

const KEY = 'fulcrum.sidebar.collapsed';
/** Up to this width the sidebar is a rail, leaving the content the room its tables need (1024×700 included). */
export const NARROW = '(max-width: 1100px)';

const narrowNow = () => typeof matchMedia === 'function' && matchMedia(NARROW).matches;

/**
 * Whether the sidebar is collapsed to a rail. On a wide window it is the user's choice, kept on this
 * computer; on a narrow one it is a rail whose menu button opens the sidebar over the content, and
 * choosing a section closes it again.
 */
export function useSidebar() {
  const [narrow, setNarrow] = useState(narrowNow);
  const [wideCollapsed, setWideCollapsed] = useState(() => readJson<unknown>(local(), KEY, false) === true);
  const [narrowOpen, setNarrowOpen] = useState(false);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(NARROW);
    const update = () => {
      setNarrow(query.matches);
      setNarrowOpen(false);
    };
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return {
    collapsed: narrow ? !narrowOpen : wideCollapsed,
    /** Open over the content (a narrow window). */
    overlay: narrow && narrowOpen,
    toggle: () => {
      if (narrow) return setNarrowOpen((open) => !open);
      setWideCollapsed((value) => {
        writeJson(local(), KEY, !value);
        return !value;
      });
    },
    close: () => setNarrowOpen(false),
  };
}
