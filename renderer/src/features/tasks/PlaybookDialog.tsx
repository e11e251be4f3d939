import { useState } from 'react';
import { CTA_RULE_LABELS, CTA_RULES, type CtaRule } from '../../../../shared/contract/ctas';
import type { Playbook, PlaybookStep } from '../../../../shared/contract/playbooks';
import { TASK_PRIORITIES, type TaskPriority } from '../../../../shared/contract/tasks';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { PRIORITY_LABELS } from './labels';

type Draft = { day: string; title: string; priority: TaskPriority };

/** A playbook's editor: name, the rule it opens on, and its ordered steps (day, task, priority). */
export function PlaybookDialog({ playbook, onClose }: { playbook?: Playbook; onClose: () => void }) {
  const [name, setName] = useState(playbook?.name ?? '');
  const [description, setDescription] = useState(playbook?.description ?? '');
  const [opensOn, setOpensOn] = useState<CtaRule | ''>(playbook?.opensOn ?? '');
  const [steps, setSteps] = useState<Draft[]>(playbook?.steps.map((s) => ({ ...s, day: String(s.day) })) ?? [{ day: '0', title: '', priority: 'normal' }]);
  const [problem, setProblem] = useState<string>();
  const parsed = (): PlaybookStep[] => steps.map((s) => ({ day: Number(s.day), title: s.title, priority: s.priority }));
  const save = useAction(() => {
    const fields = { name, description: description || null, opensOn: opensOn || null, steps: parsed() };
    return playbook ? call('playbooks.update', { id: playbook.id, ...fields }) : call('playbooks.create', fields);
  });
  const setStep = (index: number, patch: Partial<Draft>) => setSteps(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const submit = async () => {
    if (!name.trim()) return setProblem('Give the playbook a name.');
    const bad = steps.findIndex((s) => !s.title.trim() || !/^\d+$/.test(s.day));
    if (bad >= 0) return setProblem(`Step ${bad + 1}: give it a task and a whole number of days.`);
    setProblem(undefined);
    if ((await save.run()).ok) onClose();
  };
  return (
    <FormDialog
      title={playbook ? `Edit playbook: ${playbook.name}` : 'New playbook'}
      testId="playbook-dialog"
      wide
      onClose={onClose}
      onSubmit={() => void submit()}
      error={problem ?? save.error}
      errorLast
      submitLabel="Save playbook"
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="playbook-save"
    >
      <div className="form-grid">
        <Field label="Name" name="name" required>
          <input className="input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="playbook-name" />
        </Field>
        <Field label="Opens on" name="opensOn" hint="The rule whose calls to action create these tasks">
          <select className="select" value={opensOn} onChange={(e) => setOpensOn(e.target.value as CtaRule | '')} data-testid="playbook-opens-on">
            <option value="">Applied by hand only</option>
            {CTA_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {CTA_RULE_LABELS[rule]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Description" name="description" wide>
          <input className="input" value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
      <table className="mini-table playbook-steps" data-testid="playbook-steps">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Task</th>
            <th scope="col">Priority</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, i) => (
            <tr key={i}>
              <td>
                <input
                  className="input"
                  type="number"
                  min={0}
                  max={365}
                  value={step.day}
                  onChange={(e) => setStep(i, { day: e.target.value })}
                  aria-label={`Step ${i + 1} day`}
                  style={{ width: 72 }}
                />
              </td>
              <td>
                <input className="input" value={step.title} maxLength={200} onChange={(e) => setStep(i, { title: e.target.value })} aria-label={`Step ${i + 1} task`} />
              </td>
              <td>
                <select className="select" value={step.priority} onChange={(e) => setStep(i, { priority: e.target.value as TaskPriority })} aria-label={`Step ${i + 1} priority`}>
                  {TASK_PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {PRIORITY_LABELS[p]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button small"
                  disabled={steps.length === 1}
                  onClick={() => setSteps(steps.filter((_, j) => j !== i))}
                  aria-label={`Remove step ${i + 1}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button small"
        onClick={() => setSteps([...steps, { day: steps.at(-1)?.day ?? '0', title: '', priority: 'normal' }])}
        data-testid="playbook-add-step"
      >
        Add step
      </button>
      <p className="muted small">Steps are due that many days after the call to action opens (or the day the playbook is applied); keep them in order of their day.</p>
    </FormDialog>
  );
}
