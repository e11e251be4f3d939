import { useEffect } from 'react';
import { useQuery } from '../api/useQuery';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AssessmentsScreen } from '../features/assessments/AssessmentsScreen';
import { NotFound } from '../components/NotFound';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { JourneysScreen } from '../features/journeys/JourneysScreen';
import { ReferencesScreen } from '../features/references/ReferencesScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StoriesScreen } from '../features/stories/StoriesScreen';
import { SECTIONS, useRoute } from './router';

export function App() {
  const route = useRoute();
  const workspace = useQuery('workspace.info', {});

  useEffect(() => {
    if (workspace.data) document.title = `Fulcrum — ${workspace.data.name} (${workspace.data.path})`;
  }, [workspace.data]);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">Fulcrum</div>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <a href={`#/${section.path}`} aria-current={route.section === section.path ? 'page' : undefined} data-testid={`nav-${section.path}`}>
                {section.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="workspace" data-testid="workspace-name" title={workspace.data?.path}>
          {workspace.data?.name ?? ''}
        </div>
      </nav>
      <main className="content">
        {route.section === 'dashboard' ? (
          <DashboardScreen />
        ) : route.section === 'accounts' ? (
          <AccountsScreen params={route.params} />
        ) : route.section === 'references' ? (
          <ReferencesScreen params={route.params} />
        ) : route.section === 'stories' ? (
          <StoriesScreen params={route.params} />
        ) : route.section === 'assessments' ? (
          <AssessmentsScreen params={route.params} />
        ) : route.section === 'journeys' ? (
          <JourneysScreen params={route.params} />
        ) : route.section === 'import' ? (
          <ImportScreen />
        ) : route.section === 'settings' ? (
          <SettingsScreen />
        ) : (
          <NotFound path={[route.section, ...route.params].join('/')} />
        )}
      </main>
    </div>
  );
}
