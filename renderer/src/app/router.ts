import { useEffect, useState } from 'react';

/** The screens of the sidebar, in order. */
export const SECTIONS = [
  { path: 'dashboard', label: 'Dashboard' },
  { path: 'accounts', label: 'Accounts' },
  { path: 'tasks', label: 'Tasks' },
  { path: 'contacts', label: 'Contacts' },
  { path: 'tickets', label: 'Tickets' },
  { path: 'purchases', label: 'Purchases' },
  { path: 'journeys', label: 'Journeys' },
  { path: 'references', label: 'References' },
  { path: 'stories', label: 'Stories' },
  { path: 'goals', label: 'Goals' },
  { path: 'feedback', label: 'Product feedback' },
  { path: 'assessments', label: 'Assessments' },
  { path: 'import', label: 'Import & export' },
  { path: 'settings', label: 'Settings' },
  { path: 'team', label: 'Team' },
] as const;

export interface Route {
  section: string;
  /** Path segments after the section: `#/accounts/12` -> ['12']. */
  params: string[];
}

/** Hash routes work the same from file:// in Electron and from the HTTP bridge. */
export function parseRoute(hash: string): Route {
  const [section = 'dashboard', ...params] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { section, params };
}

export const navigate = (path: string) => {
  window.location.hash = `#/${path}`;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
