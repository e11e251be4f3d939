import { useState } from 'react';
import { NO_SEGMENT } from '../../../../shared/contract/accounts';
import { GOAL_KPIS, type Goal, type GoalKpi } from '../../../../shared/contract/goals';
import { addMonths } from '../../../../shared/dates';
import { segmentLabel } from '../../../../shared/labels';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useFieldProblems } from '../../api/useFieldProblems';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { numberField } from '../plans/planForm';
import { KPI_LABELS, addDays, quarterStart } from './goalLabels';

type Fields = 'kpi' | 'target' | 'periodStart' | 'periodEnd' | 'segment' | 'owner' | 'note';
const FIELDS: readonly Fields[] = ['kpi', 'target', 'periodStart', 'periodEnd', 'segment', 'owner', 'note'];
/** The select's value for "every segment / owner" (null in the goal); '' is a real choice for segments: the accounts with none. */
const ALL = '*';

const HINTS: Record<GoalKpi, string> = {
  nps: '−100 to 100; judged on its 95 % interval',
  csat: 'percent satisfied; judged on its 95 % interval',
  nsat: '0 to 200; judged on its 95 % interval',
  first_response_median: 'minutes (working minutes with business hours on), at most; every ticket, read within 1 %',
  renewal_rate: 'percent renewed; judged on its 95 % interval',
  nrr: 'percent, can exceed 100; exact (every account’s ARR)',
  grr: 'percent, up to 100; exact (every account’s ARR)',
  logo_churn: 'percent lost, at most; judged on its 95 % interval',
};

/** A goal for one KPI over a period (the quarter shown, by default), for every account or one segment or owner; new, or as stored. */
export function GoalDialog({ quarter, goal, onClose }: { quarter: string; goal?: Goal; onClose: () => void }) {
  const start = quarterStart(quarter);
  const [kpi, setKpi] = useState<GoalKpi>(goal?.kpi ?? 'nps');
  const [target, setTarget] = useState(goal ? String(goal.target) : '');
  const [periodStart, setPeriodStart] = useState(goal?.periodStart ?? start);
  // The form shows the period's last day; the goal keeps the day after it (exclusive, like the metrics' `to`).
  const [lastDay, setLastDay] = useState(addDays(goal?.periodEnd ?? addMonths(start, 3), -1));
  const [segment, setSegment] = useState(goal?.segment ?? ALL);
  const [owner, setOwner] = useState(goal?.owner ?? ALL);
  const [note, setNote] = useState(goal?.note ?? '');
  const facets = useQuery('accounts.facets', {}, ['accounts']);
  const save = useAction((value: number) => {
    const fields = {
      kpi,
      target: value,
      periodStart,
      periodEnd: addDays(lastDay, 1),
      segment: segment === ALL ? null : segment,
      owner: owner === ALL ? null : owner,
      note: note.trim() || null,
    };
    return goal ? call('goals.update', { id: goal.id, ...fields }) : call('goals.create', fields);
  });
  const { issue, formError, check } = useFieldProblems(save, FIELDS);
  const submit = async () => {
    const value = numberField(target);
    const problems: Partial<Record<Fields, string>> = {};
    if (value === null) problems.target = `Give the target as a number (${HINTS[kpi]}).`;
    if (value === undefined) problems.target = `“${target}” is not a number.`;
    if (!periodStart) problems.periodStart = 'Choose the first day of the period.';
    if (!lastDay) problems.periodEnd = 'Choose the last day of the period.';
    else if (periodStart && lastDay < periodStart) problems.periodEnd = 'The last day cannot be before the first.';
    if (check(problems) && (await save.run(value!)).ok) onClose();
  };
  const segments = facets.data?.segments ?? [];
  const owners = (facets.data?.owners ?? []).filter((o) => o !== '');
  return (
    <FormDialog
      title={goal ? `Edit the ${KPI_LABELS[goal.kpi]} goal` : 'New goal'}
      testId="goal-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={formError}
      submitLabel={goal ? 'Save changes' : 'Add goal'}
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="goal-save"
      wide
    >
      <div className="form-grid">
        <Field label="KPI" name="kpi" error={issue('kpi')}>
          <select className="input" value={kpi} onChange={(e) => setKpi(e.target.value as GoalKpi)} data-testid="goal-kpi">
            {GOAL_KPIS.map((k) => (
              <option key={k} value={k}>
                {KPI_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Target" name="target" required hint={HINTS[kpi]} error={issue('target')}>
          <input className="input" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="goal-target" />
        </Field>
        <Field label="From" name="periodStart" error={issue('periodStart')}>
          <input className="input" type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} data-testid="goal-from" />
        </Field>
        <Field label="To (last day)" name="periodEnd" error={issue('periodEnd')}>
          <input className="input" type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} data-testid="goal-to" />
        </Field>
        <Field label="Segment" name="segment" error={issue('segment')}>
          <select className="input" value={segment} onChange={(e) => setSegment(e.target.value)} data-testid="goal-segment">
            <option value={ALL}>Every segment</option>
            {/* A stored segment no account has any more stays choosable, so an edit does not change it unseen. */}
            {[...new Set([...segments, ...(goal?.segment != null ? [goal.segment] : [])])].map((s) => (
              <option key={s} value={s}>
                {s === NO_SEGMENT ? 'No segment' : segmentLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner" name="owner" error={issue('owner')}>
          <select className="input" value={owner} onChange={(e) => setOwner(e.target.value)} data-testid="goal-owner">
            <option value={ALL}>Every owner</option>
            {[...new Set([...owners, ...(goal?.owner != null ? [goal.owner] : [])])].map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Note" name="note" wide hint="Why this target, who set it" error={issue('note')}>
          <input className="input" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} data-testid="goal-note" />
        </Field>
      </div>
    </FormDialog>
  );
}
