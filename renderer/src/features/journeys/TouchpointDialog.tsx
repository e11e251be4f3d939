import { useState } from 'react';
import { CHANNELS } from '../../../../shared/contract/common';
import { RULE_SURVEY_KINDS, TARGET_METRICS, type JourneyMap, type JourneyTouchpoint } from '../../../../shared/contract/journeys';
import { TICKET_PRIORITIES } from '../../../../shared/contract/tickets';
import { TOUCHPOINT_KINDS } from '../../../../shared/contract/touchpoints';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
import { Field } from '../../components/Field';
import { channelLabel, touchpointKindLabel } from '../../lib/labels';
import { formFrom, inputOf, metricsFor, type TouchpointFormState, type TouchpointInput } from './touchpointForm';

const SOURCES = [
  { id: '', label: 'None: only interactions linked by hand' },
  { id: 'touchpoints', label: 'Interactions (meetings, calls, trainings…)' },
  { id: 'tickets', label: 'Support tickets' },
  { id: 'surveyResponses', label: 'Survey answers' },
  { id: 'deployments', label: 'Deployments gone live' },
];

/** Adds a touchpoint to a stage, or edits one: where it sits, the promise, its target and the rule that finds its records. */
export function TouchpointDialog({ map, stageId, touchpoint, onClose }: { map: JourneyMap; stageId: number; touchpoint?: JourneyTouchpoint; onClose: () => void }) {
  const [form, setForm] = useState<TouchpointFormState>(() => formFrom(touchpoint, stageId));
  const [error, setError] = useState<{ field?: string; message: string }>();
  const set = <K extends keyof TouchpointFormState>(key: K, value: TouchpointFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const issue = (field: string) => (error?.field === field ? error.message : undefined);
  const metrics = metricsFor(form.source);
  // Where the card sits in its stage (editing only: a new card goes last).
  const stage = map.stages.find((s) => String(s.id) === form.journeyStageId);
  const places = (stage?.touchpoints.length ?? 0) + (touchpoint && touchpoint.journeyStageId === stage?.id ? 0 : 1);
  const [position, setPosition] = useState(() => String(touchpoint?.position ?? 1));
  const placed = Math.min(Number(position), places);
  const save = useAction(async (input: TouchpointInput) => {
    if (touchpoint) await call('journeys.updateTouchpoint', { id: touchpoint.id, ...input, position: placed });
    else await call('journeys.addTouchpoint', input);
    onClose();
  });

  const submit = async () => {
    const parsed = inputOf(form);
    if (!parsed.ok) return setError({ field: parsed.field, message: parsed.message });
    const result = await save.run(parsed.value);
    if (!result.ok) {
      // The core names the first problem; its target is the metric field here.
      const api = result.error;
      const field = api.error.issues?.[0]?.path.split('.')[0];
      setError({ field: field === 'target' ? 'targetMetric' : field, message: api.error.issues?.[0]?.message ?? api.message });
    }
  };

  return (
    <FormDialog
      title={touchpoint ? `Edit “${touchpoint.name}”` : 'New touchpoint'}
      testId="touchpoint-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      wide
      error={error && !['name', 'targetMetric', 'targetValue'].includes(error.field ?? '') && error.message}
      errorLast
      submitLabel={touchpoint ? 'Save' : 'Add touchpoint'}
      busyLabel="Saving…"
      busy={save.busy}
      submitTestId="save-touchpoint"
    >
      <div className="form-grid">
        <Field label="Name" name="name" required error={issue('name')}>
          <input className="input" value={form.name} onChange={(e) => set('name', e.target.value)} placeholder="e.g. Kickoff meeting" />
        </Field>
        <Field label="Stage" name="journeyStageId">
          <select className="input" value={form.journeyStageId} onChange={(e) => set('journeyStageId', e.target.value)}>
            {map.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        {touchpoint && (
          <Field label="Place in the stage" name="position">
            <select className="input" value={String(placed)} onChange={(e) => setPosition(e.target.value)} data-testid="touchpoint-position">
              {Array.from({ length: places }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i === 0 ? '1 (first)' : i + 1 === places ? `${i + 1} (last)` : i + 1}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Lane" name="lane">
          <select className="input" value={form.lane} onChange={(e) => set('lane', e.target.value as 'front' | 'back')}>
            <option value="front">Front stage (the customer sees it)</option>
            <option value="back">Back stage (behind the scenes)</option>
          </select>
        </Field>
        <Field label="Channel" name="channel">
          <select className="input" value={form.channel} onChange={(e) => set('channel', e.target.value)}>
            <option value="">Any channel</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Owner team" name="ownerTeam">
          <input className="input" value={form.ownerTeam} onChange={(e) => set('ownerTeam', e.target.value)} placeholder="e.g. Customer Success" />
        </Field>
        <label className="check moment-check">
          <input type="checkbox" checked={form.isMomentOfTruth} onChange={(e) => set('isMomentOfTruth', e.target.checked)} data-testid="moment-of-truth" />
          Moment of truth: the customer judges the whole relationship here
        </label>
      </div>
      <Field label="Ideal experience" name="idealExperience" hint="What the customer should experience here, in their words" wide>
        <textarea className="input" rows={2} value={form.idealExperience} onChange={(e) => set('idealExperience', e.target.value)} />
      </Field>

      <h3 className="section-title">Records measured here</h3>
      <div className="form-grid">
        <Field label="Records from" name="source">
          <select className="input" value={form.source} onChange={(e) => set('source', e.target.value)} data-testid="rule-source">
            {SOURCES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        {form.source === 'touchpoints' && (
          <Field label="Kind of interaction" name="kind">
            <select className="input" value={form.kind} onChange={(e) => set('kind', e.target.value)}>
              <option value="">Any kind</option>
              {TOUCHPOINT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {touchpointKindLabel(k)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {(form.source === 'touchpoints' || form.source === 'tickets') && (
          <Field label="Through channel" name="ruleChannel">
            <select className="input" value={form.ruleChannel} onChange={(e) => set('ruleChannel', e.target.value)}>
              <option value="">Any channel</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {form.source === 'tickets' && (
          <>
            <Field label="Priority" name="priority">
              <select className="input" value={form.priority} onChange={(e) => set('priority', e.target.value)}>
                <option value="">Any priority</option>
                {TICKET_PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Topic" name="topic" hint="Exactly as on the tickets (case does not matter)">
              <input className="input" value={form.topic} onChange={(e) => set('topic', e.target.value)} />
            </Field>
          </>
        )}
        {form.source === 'surveyResponses' && (
          <>
            <Field label="Survey" name="surveyKind">
              <select className="input" value={form.surveyKind} onChange={(e) => set('surveyKind', e.target.value)}>
                <option value="">Any survey</option>
                {RULE_SURVEY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k.toUpperCase()}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Triggered by" name="triggeredBy">
              <select className="input" value={form.triggeredBy} onChange={(e) => set('triggeredBy', e.target.value)}>
                <option value="">Anything</option>
                <option value="ticket">A ticket</option>
                <option value="touchpoint">An interaction</option>
              </select>
            </Field>
          </>
        )}
      </div>

      <h3 className="section-title">Target</h3>
      <div className="form-grid three">
        <Field label="Metric" name="targetMetric" error={issue('targetMetric')}>
          <select className="input" value={form.targetMetric} onChange={(e) => set('targetMetric', e.target.value)} data-testid="target-metric">
            <option value="">No target</option>
            {metrics.map((m) => (
              <option key={m} value={m}>
                {TARGET_METRICS[m].label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Must be" name="targetOperator">
          <select className="input" value={form.targetOperator} onChange={(e) => set('targetOperator', e.target.value as '>=' | '<=')} disabled={!form.targetMetric}>
            <option value=">=">at least (≥)</option>
            <option value="<=">at most (≤)</option>
          </select>
        </Field>
        <Field
          label={`Threshold${form.targetMetric && TARGET_METRICS[form.targetMetric as keyof typeof TARGET_METRICS].unit ? ` (${TARGET_METRICS[form.targetMetric as keyof typeof TARGET_METRICS].unit})` : ''}`}
          name="targetValue"
          error={issue('targetValue')}
        >
          <input
            className="input"
            inputMode="decimal"
            value={form.targetValue}
            onChange={(e) => set('targetValue', e.target.value)}
            disabled={!form.targetMetric}
            data-testid="target-value"
          />
        </Field>
      </div>
    </FormDialog>
  );
}
