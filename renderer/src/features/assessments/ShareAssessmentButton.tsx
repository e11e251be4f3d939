import { useState } from 'react';
import type { AssessmentDetail } from '../../../../shared/contract/assessments';
import { countOf } from '../../../../shared/format/format';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/**
 * Shares one assessment with the team (issue 19): a client's answers stay on the consultant's
 * laptop unless she shares them, so the confirmation says exactly what leaves it. Shown only in a
 * team workspace; once shared, a pill says so (sharing is not undone here: colleagues have it).
 */
export function ShareAssessmentButton({ detail }: { detail: AssessmentDetail }) {
  const id = detail.assessment.id;
  const sharing = useQuery('team.assessmentSharing', { id }, ['assessments']);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (!sharing.data?.inTeam) return null;
  if (sharing.data.shared)
    return (
      <span className="pill" role="status" data-testid="assessment-shared" title={done ?? 'Shared with the team: colleagues receive its changes on their next sync'}>
        Shared with the team
      </span>
    );
  return (
    <>
      <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="assessment-share">
        Share with team…
      </button>
      {confirming && (
        <ConfirmDialog
          title="Share this assessment with the team?"
          confirm="Share with team"
          testId="assessment-share-dialog"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await call('team.shareAssessment', { id });
            setDone(`Queued ${countOf(result.rows, 'record')} for the team; they leave on the next sync`);
            setConfirming(false);
            sharing.reload();
          }}
        >
          <p>On the next sync these leave this laptop for the team server, and every member’s laptop receives them:</p>
          <ul data-testid="assessment-share-what">
            <li>
              the client {detail.assessment.clientName}, the scope and the executive summary, and the template {detail.template.name} v{detail.template.version}
            </li>
            <li>{countOf(detail.respondents.length, 'respondent')} by name, role and function</li>
            <li>{countOf(detail.answers.length, 'answer')} with their evidence and links</li>
            <li>
              {countOf(detail.targets.length, 'target')} and {countOf(detail.recommendations.length, 'roadmap recommendation')}
            </li>
          </ul>
          <p>Later changes to it are shared too. Your other assessments stay on this laptop. Sharing cannot be undone from here.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
