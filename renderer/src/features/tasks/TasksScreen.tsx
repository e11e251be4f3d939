import { navigate } from '../../app/router';
import { Tabs } from '../../components/Tabs';
import { CtaDetail } from './CtaDetail';
import { CtasPanel } from './CtasPanel';
import { MyTasksPanel } from './MyTasksPanel';
import { PlaybooksPanel } from './PlaybooksPanel';
import './tasks.css';

const TABS = [
  { id: 'mine', label: 'My tasks' },
  { id: 'ctas', label: 'Calls to action' },
  { id: 'playbooks', label: 'Playbooks' },
] as const;

/**
 * Tasks, calls to action and playbooks: `#/tasks/mine`, `#/tasks/ctas[/<id> | /account/<id>]`,
 * `#/tasks/playbooks`, so each view can be linked to (the dashboard's at-risk list links here).
 */
export function TasksScreen({ params }: { params: string[] }) {
  const [tab = 'mine', first, second] = params;
  return (
    <section className="screen tasks-screen" data-testid="tasks-screen">
      <header className="screen-header">
        <h1>Tasks</h1>
      </header>
      <Tabs tabs={TABS} selected={tab} onSelect={(id) => navigate(`tasks/${id}`)} label="Tasks views">
        {tab === 'ctas' ? (
          first === 'account' ? (
            <CtasPanel accountId={Number(second)} />
          ) : first ? (
            <CtaDetail id={decodeURIComponent(first)} />
          ) : (
            <CtasPanel />
          )
        ) : tab === 'playbooks' ? (
          <PlaybooksPanel />
        ) : (
          <MyTasksPanel />
        )}
      </Tabs>
    </section>
  );
}
