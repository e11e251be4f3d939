import './assessments.css';
import { AssessmentPage } from './AssessmentPage';
import { AssessmentsList } from './AssessmentsList';
import { TemplateEditor } from './TemplateEditor';

/**
 * `#/assessments` lists assessments and templates, `#/assessments/<id>/<tab>` is one assessment,
 * `#/assessments/templates/<id>` edits a template.
 */
export function AssessmentsScreen({ params }: { params: string[] }) {
  const [first, second] = params;
  if (first === undefined) return <AssessmentsList />;
  if (first === 'templates' && second) return <TemplateEditor key={second} idParam={second} />;
  if (!/^\d+$/.test(first))
    return (
      <p className="empty-state" data-testid="assessment-missing">
        "{first}" is not an assessment number.
      </p>
    );
  return <AssessmentPage key={first} id={Number(first)} tab={second} />;
}
