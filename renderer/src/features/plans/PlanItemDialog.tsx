import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';

const TITLES = { plan: 'New success plan', objective: 'New objective', milestone: 'New milestone' } as const;

/** One dialog for a plan, an objective (a measurable target, optionally an outcome) or a milestone. */
export function PlanItemDialog({ kind, accountId, planId, onClose }: { kind: 'plan' | 'objective' | 'milestone'; accountId: number; planId?: number; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [current, setCurrent] = useState('');
  const [unit, setUnit] = useState('');
  const [outcomeId, setOutcomeId] = useState('');
  const [missing, setMissing] = useState<string>();
  const outcomes = useQuery('outcomes.list', { filter: { accountId }, pageSize: 200 }, ['outcomes']);
  const number = (s: string) => (s.trim() === '' ? null : Number(s));
  const save = useAction((): Promise<unknown> =>
    kind === 'plan'
      ? call('plans.create', { accountId, title, dueDate: dueDate || null })
      : kind === 'milestone'
        ? call('planMilestones.create', { planId: planId!, title, dueDate: dueDate || null })
        : call('planObjectives.create', {
            planId: planId!,
            title,
            target: Number(target),
            baseline: number(baseline),
            current: number(current),
            unit: unit || null,
            dueDate: dueDate || null,
            outcomeId: outcomeId ? Number(outcomeId) : null,
          }),
  );
  const submit = async () => {
    if (!title.trim()) return setMissing('Give it a title.');
    if (kind === 'objective' && (target.trim() === '' || !Number.isFinite(Number(target)))) return setMissing('An objective needs a measurable target: a number.');
    if ([baseline, current].some((s) => s.trim() !== '' && !Number.isFinite(Number(s)))) return setMissing('Baseline and current value are numbers.');
    setMissing(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title={TITLES[kind]}
      testId="plan-item-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={missing ?? save.error}
      submitLabel="Save"
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="plan-item-save"
    >
      <div className="form-grid">
        <Field label="Title" name="title" required wide>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="plan-item-title" />
        </Field>
        {kind === 'objective' && (
          <>
            <Field label="Baseline" name="baseline" hint="Empty: 0">
              <input className="input" inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.target.value)} data-testid="plan-item-baseline" />
            </Field>
            <Field label="Target" name="target" required>
              <input className="input" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="plan-item-target" />
            </Field>
            <Field label="Unit" name="unit">
              <input className="input" value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={40} />
            </Field>
            <Field label="Measured by outcome" name="outcome" hint="The outcome’s achieved figure is the current value">
              <select className="select" value={outcomeId} onChange={(e) => setOutcomeId(e.target.value)} data-testid="plan-item-outcome">
                <option value="">None: enter the value</option>
                {outcomes.data?.rows.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.metric}
                  </option>
                ))}
              </select>
            </Field>
            {!outcomeId && (
              <Field label="Current value" name="current">
                <input className="input" inputMode="decimal" value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="plan-item-current" />
              </Field>
            )}
          </>
        )}
        <Field label="Due" name="dueDate">
          <input className="input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
      </div>
    </FormDialog>
  );
}
