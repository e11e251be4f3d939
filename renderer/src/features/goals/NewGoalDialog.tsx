import { useState } from 'react';
import { GOAL_KPIS, type GoalKpi } from '../../../../shared/contract/goals';
import { addMonths } from '../../../../shared/dates';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { KPI_LABELS } from './goalLabels';

/** A goal for one KPI over the quarter shown (or any period), for every account or one segment or owner. */
export function NewGoalDialog({ quarter, onClose }: { quarter: string; onClose: () => void }) {
  const start = `${quarter.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const [kpi, setKpi] = useState<GoalKpi>('nps');
  const [target, setTarget] = useState('');
  const [periodStart, setPeriodStart] = useState(start);
  const [periodEnd, setPeriodEnd] = useState(addMonths(start, 3));
  const [segment, setSegment] = useState('');
  const [owner, setOwner] = useState('');
  const [missing, setMissing] = useState<string>();
  const save = useAction(() => call('goals.create', { kpi, target: Number(target), periodStart, periodEnd, segment: segment || null, owner: owner || null }));
  const submit = async () => {
    if (target.trim() === '' || !Number.isFinite(Number(target))) return setMissing('Give the target as a number.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title="New goal"
      testId="new-goal-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Add goal"
      busyLabel="Adding…"
      busy={save.busy}
      submitTestId="new-goal-save"
    >
      <div className="form-grid">
        <Field label="KPI" name="kpi">
          <select className="select" value={kpi} onChange={(e) => setKpi(e.target.value as GoalKpi)} data-testid="new-goal-kpi">
            {GOAL_KPIS.map((k) => (
              <option key={k} value={k}>
                {KPI_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Target" name="target" required>
          <input className="input" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="new-goal-target" />
        </Field>
        <Field label="From" name="periodStart">
          <input className="input" type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />
        </Field>
        <Field label="Until (exclusive)" name="periodEnd">
          <input className="input" type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />
        </Field>
        <Field label="Segment" name="segment" hint="Empty: every segment">
          <input className="input" value={segment} onChange={(e) => setSegment(e.target.value)} maxLength={50} data-testid="new-goal-segment" />
        </Field>
        <Field label="Owner" name="owner" hint="Empty: every owner">
          <input className="input" value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={100} />
        </Field>
      </div>
    </FormDialog>
  );
}
