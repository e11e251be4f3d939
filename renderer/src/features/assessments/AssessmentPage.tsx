import { useState } from 'react';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Tabs } from '../../components/Tabs';
import { AnswerPanel } from './AnswerPanel';
import { ReportPanel } from './ReportPanel';
import { ResultsPanel } from './ResultsPanel';
import { RoadmapPanel } from './RoadmapPanel';
import { SetupPanel } from './SetupPanel';
import { ShareAssessmentButton } from './ShareAssessmentButton';
import { formatDate } from '../../../../shared/format/format';

const TABS = [
  { id: 'setup', label: 'Client & respondents' },
  { id: 'answer', label: 'Answers' },
  { id: 'results', label: 'Results' },
  { id: 'roadmap', label: 'Roadmap' },
  { id: 'report', label: 'Report & files' },
] as const;

export function AssessmentPage({ id, tab }: { id: number; tab: string | undefined }) {
  const detail = useQuery('assessments.get', { id }, ['assessments']);
  const [archiving, setArchiving] = useState(false);
  const selected = TABS.some((t) => t.id === tab) ? tab! : 'setup';

  if (detail.error) {
    return (
      <div className="empty-state" data-testid="assessment-missing">
        <p>{detail.error.error.code === 'NOT_FOUND' ? `Assessment ${id} does not exist in this workspace.` : detail.error.message}</p>
        <a href="#/assessments">← Assessments</a>
      </div>
    );
  }
  const data = detail.data;
  if (!data)
    return (
      <p className="muted" aria-busy="true">
        Loading assessment…
      </p>
    );
  const { assessment, template } = data;

  return (
    <article className="screen assessment-page" data-testid="assessment-page" aria-labelledby="assessment-title">
      <a href="#/assessments" className="back-link">
        ← Assessments
      </a>
      <header className="screen-header">
        <div>
          <h1 id="assessment-title" data-testid="assessment-client">
            {assessment.clientName}
          </h1>
          <p className="subtitle">
            {template.name} v{template.version} · {formatDate(assessment.assessedOn)} · by {assessment.assessor}
            {assessment.archivedAt && <span className="pill muted">Archived</span>}
          </p>
        </div>
        <div className="actions">
          <ShareAssessmentButton detail={data} />
          {assessment.archivedAt ? (
            <button type="button" className="button" onClick={() => void call('assessments.archive', { id, archived: false })}>
              Restore
            </button>
          ) : (
            <button type="button" className="button" onClick={() => setArchiving(true)} data-testid="assessment-archive">
              Archive
            </button>
          )}
        </div>
      </header>
      <Tabs tabs={TABS} selected={selected} onSelect={(next) => navigate(`assessments/${id}/${next}`)} label="Assessment">
        {selected === 'setup' && <SetupPanel detail={data} />}
        {selected === 'answer' && <AnswerPanel detail={data} />}
        {selected === 'results' && <ResultsPanel detail={data} />}
        {selected === 'roadmap' && <RoadmapPanel detail={data} />}
        {selected === 'report' && <ReportPanel detail={data} />}
      </Tabs>
      {archiving && (
        <ConfirmDialog
          title="Archive this assessment?"
          confirm="Archive"
          testId="assessment-archive-confirm"
          onClose={() => setArchiving(false)}
          onConfirm={async () => {
            await call('assessments.archive', { id });
            setArchiving(false);
          }}
        >
          The assessment of {assessment.clientName} leaves the list and the benchmark; its answers are kept and it can be restored.
        </ConfirmDialog>
      )}
    </article>
  );
}
