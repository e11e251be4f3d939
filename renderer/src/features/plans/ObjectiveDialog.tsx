import { useState } from 'react';
import type { PlanObjective } from '../../../../shared/contract/plans';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useFieldProblems } from '../../api/useFieldProblems';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { numberField, numberText } from './planForm';

type Fields = 'title' | 'baseline' | 'target' | 'current' | 'unit' | 'outcomeId' | 'dueDate';
const FIELDS: readonly Fields[] = ['title', 'baseline', 'target', 'current', 'unit', 'outcomeId', 'dueDate'];

/**
 * An objective: a measurable target from a baseline, measured by one of the account's outcomes (the
 * same outcomes its stories are built on) or by a value entered here. New in `planId`, or as stored.
 */
export function ObjectiveDialog({ accountId, planId, objective, onClose }: { accountId: number; planId: number; objective?: PlanObjective; onClose: () => void }) {
  const [title, setTitle] = useState(objective?.title ?? '');
  const [baseline, setBaseline] = useState(numberText(objective?.baseline ?? null));
  const [target, setTarget] = useState(objective ? String(objective.target) : '');
  const [current, setCurrent] = useState(numberText(objective?.current ?? null));
  const [unit, setUnit] = useState(objective?.unit ?? '');
  const [outcomeId, setOutcomeId] = useState(objective?.outcomeId ? String(objective.outcomeId) : '');
  const [dueDate, setDueDate] = useState(objective?.dueDate ?? '');
  const outcomes = useQuery('outcomes.list', { filter: { accountId }, pageSize: 200 }, ['outcomes']);
  const save = useAction((values: { baseline: number | null; target: number; current: number | null }) => {
    const fields = { title, ...values, unit: unit.trim() || null, outcomeId: outcomeId ? Number(outcomeId) : null, dueDate: dueDate || null };
    return objective ? call('planObjectives.update', { id: objective.id, ...fields }) : call('planObjectives.create', { planId, ...fields });
  });
  const { issue, formError, check } = useFieldProblems(save, FIELDS);
  const submit = async () => {
    const numbers = { baseline: numberField(baseline), target: numberField(target), current: numberField(current) };
    const problems: Partial<Record<Fields, string>> = {};
    if (!title.trim()) problems.title = 'Say what the customer wants to reach, e.g. “50 weekly active users”.';
    if (numbers.target === null) problems.target = 'An objective needs a measurable target: a number.';
    if (numbers.target === undefined) problems.target = `“${target}” is not a number.`;
    if (numbers.baseline === undefined) problems.baseline = `“${baseline}” is not a number; leave it empty for 0.`;
    if (numbers.current === undefined) problems.current = `“${current}” is not a number; leave it empty until it is measured.`;
    if (numbers.target != null && numbers.target === (numbers.baseline ?? 0)) problems.target = 'The target equals the baseline: there is nothing to reach.';
    if (check(problems) && (await save.run({ baseline: numbers.baseline!, target: numbers.target!, current: outcomeId ? null : numbers.current! })).ok) onClose();
  };
  const linked = outcomes.data?.rows.find((o) => String(o.id) === outcomeId);
  // Measured by an outcome, the objective starts where the outcome did and counts in its unit, unless the user said otherwise.
  const chooseOutcome = (id: string) => {
    setOutcomeId(id);
    const outcome = outcomes.data?.rows.find((o) => String(o.id) === id);
    if (outcome?.baseline != null && baseline.trim() === '') setBaseline(String(outcome.baseline));
    if (outcome?.unit && unit.trim() === '') setUnit(outcome.unit);
  };
  return (
    <FormDialog
      title={objective ? `Edit “${objective.title}”` : 'New objective'}
      testId="objective-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={formError}
      submitLabel={objective ? 'Save changes' : 'Add objective'}
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="objective-save"
      wide
    >
      <div className="form-grid">
        <Field label="Objective" name="title" required wide error={issue('title')}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="objective-title" />
        </Field>
        <Field label="Baseline" name="baseline" hint="Where it starts; empty is 0" error={issue('baseline')}>
          <input className="input" inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} data-testid="objective-baseline" />
        </Field>
        <Field label="Target" name="target" required hint="Below the baseline for a cut (tickets, hours)" error={issue('target')}>
          <input className="input" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="objective-target" />
        </Field>
        <Field label="Unit" name="unit" hint="users, hours a week, %" error={issue('unit')}>
          <input className="input" value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={40} data-testid="objective-unit" />
        </Field>
        <Field label="Due" name="dueDate" error={issue('dueDate')}>
          <input className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="objective-due" />
        </Field>
        <Field
          label="Measured by outcome"
          name="outcomeId"
          wide
          hint={
            outcomes.data?.rows.length === 0
              ? 'This account has no outcome yet: add one on its Outcomes card to measure by it.'
              : 'The outcome’s achieved figure is the current value'
          }
          error={issue('outcomeId')}
        >
          <select className="input" value={outcomeId} onChange={(e) => chooseOutcome(e.target.value)} data-testid="objective-outcome">
            <option value="">None: enter the current value below</option>
            {outcomes.data?.rows.map((o) => (
              <option key={o.id} value={o.id}>
                {o.metric}
                {o.achieved !== null ? ` (achieved ${o.achieved}${o.unit ? ` ${o.unit}` : ''})` : ' (not measured yet)'}
              </option>
            ))}
          </select>
        </Field>
        {outcomeId ? (
          <p className="muted small field wide" data-testid="objective-linked">
            Current value: {linked?.achieved != null ? `${linked.achieved}${linked.unit ? ` ${linked.unit}` : ''}` : 'not measured yet'}, from the outcome “{linked?.metric}”.
          </p>
        ) : (
          <Field label="Current value" name="current" hint="Empty until it is measured" error={issue('current')}>
            <input className="input" inputMode="decimal" value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="objective-current" />
          </Field>
        )}
      </div>
    </FormDialog>
  );
}
