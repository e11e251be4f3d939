import { useEffect } from 'react';
import { useQuery } from '../api/useQuery';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AssessmentsScreen } from '../features/assessments/AssessmentsScreen';
import { ContactsScreen } from '../features/contacts/ContactsScreen';
import { TicketsScreen } from '../features/tickets/TicketsScreen';
import { PurchasesScreen } from '../features/purchases/PurchasesScreen';
import { NotFound } from '../components/NotFound';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { JourneysScreen } from '../features/journeys/JourneysScreen';
import { ReferencesScreen } from '../features/references/ReferencesScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StoriesScreen } from '../features/stories/StoriesScreen';
import { TasksScreen } from '../features/tasks/TasksScreen';
import { GoalsScreen } from '../features/goals/GoalsScreen';
import { FeedbackScreen } from '../features/feedback/FeedbackScreen';
import { TeamScreen } from '../features/team/TeamScreen';
import { SECTIONS, useRoute } from './router';
import { useSidebar } from './useSidebar';

export function App() {
  const route = useRoute();
  const workspace = useQuery('workspace.info', {});
  const sidebar = useSidebar();

  useEffect(() => {
    if (workspace.data) document.title = `Fulcrum — ${workspace.data.name} (${workspace.data.path})`;
  }, [workspace.data]);

  return (
    <div className={`app${sidebar.collapsed ? ' sidebar-collapsed' : ''}${sidebar.overlay ? ' sidebar-overlay' : ''}`}>
      {/* The first stop of the Tab key: past the sidebar to the screen. Not an #anchor: routes live in the hash. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
        data-testid="skip-link"
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <button
            type="button"
            className="sidebar-toggle"
            aria-expanded={!sidebar.collapsed}
            aria-controls="sidebar-sections"
            aria-label={sidebar.collapsed ? 'Show the sections' : 'Hide the sections'}
            onClick={sidebar.toggle}
            data-testid="sidebar-toggle"
          >
            <span aria-hidden="true">☰</span>
          </button>
          <span className="brand-name">Fulcrum</span>
        </div>
        <ul id="sidebar-sections">
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <a href={`#/${section.path}`} aria-current={route.section === section.path ? 'page' : undefined} data-testid={`nav-${section.path}`} onClick={sidebar.close}>
                {section.label}
              </a>
            </li>
          ))}
        </ul>
        <div className="workspace" data-testid="workspace-name" title={workspace.data?.path}>
          {workspace.data?.name ?? ''}
        </div>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {route.section === 'dashboard' ? (
          <DashboardScreen />
        ) : route.section === 'accounts' ? (
          <AccountsScreen params={route.params} />
        ) : route.section === 'contacts' ? (
          <ContactsScreen />
        ) : route.section === 'tickets' ? (
          <TicketsScreen />
        ) : route.section === 'purchases' ? (
          <PurchasesScreen />
        ) : route.section === 'tasks' ? (
          <TasksScreen params={route.params} />
        ) : route.section === 'references' ? (
          <ReferencesScreen params={route.params} />
        ) : route.section === 'stories' ? (
          <StoriesScreen params={route.params} />
        ) : route.section === 'goals' ? (
          <GoalsScreen params={route.params} />
        ) : route.section === 'feedback' ? (
          <FeedbackScreen />
        ) : route.section === 'assessments' ? (
          <AssessmentsScreen params={route.params} />
        ) : route.section === 'journeys' ? (
          <JourneysScreen params={route.params} />
        ) : route.section === 'import' ? (
          <ImportScreen />
        ) : route.section === 'settings' ? (
          <SettingsScreen />
        ) : route.section === 'team' ? (
          <TeamScreen />
        ) : (
          <NotFound path={[route.section, ...route.params].join('/')} />
        )}
      </main>
    </div>
  );
}
