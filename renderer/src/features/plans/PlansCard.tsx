import { useState } from 'react';
import type { PlanMilestone, PlanObjective, SuccessPlan } from '../../../../shared/contract/plans';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UndoBar, useUndo } from '../journeys/UndoBar';
import { MilestoneDialog } from './MilestoneDialog';
import { ObjectiveDialog } from './ObjectiveDialog';
import { PlanArticle } from './PlanArticle';
import { PlanDialog } from './PlanDialog';
import { localToday } from './planForm';
import './plans.css';

type Part = 'plans' | 'planObjectives' | 'planMilestones';
const PART_TEXT: Record<Part, string> = { plans: 'plan', planObjectives: 'objective', planMilestones: 'milestone' };

type Open =
  | { kind: 'plan'; plan?: SuccessPlan }
  | { kind: 'objective'; planId: number; objective?: PlanObjective }
  | { kind: 'milestone'; planId: number; milestone?: PlanMilestone }
  | { kind: 'remove'; part: Part; id: number; title: string };

/** The account's success plans on its page: objectives measured against their targets, milestones, progress; each part added, changed and removed here. */
export function PlansCard({ accountId }: { accountId: number }) {
  const plans = useQuery('plans.account', { accountId }, ['plans', 'planObjectives', 'planMilestones', 'outcomes']);
  const [open, setOpen] = useState<Open | null>(null);
  const undo = useUndo();
  const toggle = useAction((id: number, done: boolean) => call('planMilestones.update', { id, doneAt: done ? localToday() : null }));
  const close = () => setOpen(null);
  const remove = async (part: Part, id: number, title: string) => {
    await call(`${part}.archive`, { id });
    close();
    undo.offer(`${part === 'plans' ? 'Archived' : 'Removed'} the ${PART_TEXT[part]} “${title}”.`, async () => void (await call(`${part}.restore`, { id })));
  };
  return (
    <section className="card plans-card" aria-labelledby="plans-title" data-testid="plans-card">
      <header className="card-header">
        <h2 id="plans-title">Success plans</h2>
        <button type="button" className="button small" onClick={() => setOpen({ kind: 'plan' })} data-testid="new-plan">
          New plan
        </button>
      </header>
      <UndoBar undo={undo} />
      {plans.error && (
        <p className="form-error" role="alert">
          {plans.error.message}
        </p>
      )}
      {toggle.error && (
        <p className="form-error" role="alert">
          {toggle.error}
        </p>
      )}
      {plans.data?.length === 0 && (
        <p className="muted" data-testid="plans-empty">
          No success plan yet: set objectives with measurable targets (tie them to the account’s outcomes) and milestones.
        </p>
      )}
      {plans.data?.map((p) => (
        <PlanArticle
          key={p.plan.id}
          plan={p}
          actions={{
            editPlan: () => setOpen({ kind: 'plan', plan: p.plan }),
            archivePlan: () => setOpen({ kind: 'remove', part: 'plans', id: p.plan.id, title: p.plan.title }),
            addObjective: () => setOpen({ kind: 'objective', planId: p.plan.id }),
            editObjective: (objective) => setOpen({ kind: 'objective', planId: p.plan.id, objective }),
            removeObjective: (o) => setOpen({ kind: 'remove', part: 'planObjectives', id: o.id, title: o.title }),
            addMilestone: () => setOpen({ kind: 'milestone', planId: p.plan.id }),
            editMilestone: (milestone) => setOpen({ kind: 'milestone', planId: p.plan.id, milestone }),
            removeMilestone: (m) => setOpen({ kind: 'remove', part: 'planMilestones', id: m.id, title: m.title }),
            toggleMilestone: (id, done) => void toggle.run(id, done),
          }}
        />
      ))}
      {open?.kind === 'plan' && <PlanDialog accountId={accountId} plan={open.plan} onClose={close} />}
      {open?.kind === 'objective' && <ObjectiveDialog accountId={accountId} planId={open.planId} objective={open.objective} onClose={close} />}
      {open?.kind === 'milestone' && <MilestoneDialog planId={open.planId} milestone={open.milestone} onClose={close} />}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          title={open.part === 'plans' ? `Archive the plan “${open.title}”?` : `Remove the ${PART_TEXT[open.part]} “${open.title}”?`}
          confirm={open.part === 'plans' ? 'Archive plan' : `Remove ${PART_TEXT[open.part]}`}
          danger
          testId="plan-remove"
          onClose={close}
          onConfirm={() => remove(open.part, open.id, open.title)}
        >
          <p>
            {open.part === 'plans'
              ? 'The plan leaves the account page with its objectives and milestones, and stops counting in its progress.'
              : `The ${PART_TEXT[open.part]} leaves the plan, and the plan’s progress is counted without it.`}
          </p>
          <p className="muted small">It is archived, not deleted: Undo brings it back for 20 seconds.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
