import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { call, toApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import type { Answer, AssessmentDetail, NonAnswer } from '../../../../shared/contract/assessments';
import { local, readJson, writeJson } from '../../lib/storage';
import { answeredCount, answerLabel, flatItems, keyAction, resumeIndex } from './answering';
import { AnswerNotes } from './AnswerNotes';
import { ItemNavigator } from './ItemNavigator';
import { LevelChoices } from './LevelChoices';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * The fast answering screen: one item at a time for one respondent. Number keys pick a level,
 * D and N the non-answers, arrows and Enter move; every pick is saved at once, and the screen
 * resumes where this respondent stopped.
 */
export function AnswerPanel({ detail }: { detail: AssessmentDetail }) {
  const { framework } = detail.template;
  const items = useMemo(() => flatItems(framework), [framework]);
  const storeKey = `fulcrum.assessment.${detail.assessment.id}`;
  const [respondentId, setRespondentId] = useState<number | undefined>(() => {
    const stored = readJson<number | undefined>(local(), `${storeKey}.respondent`, undefined);
    return detail.respondents.some((r) => r.id === stored) ? stored : detail.respondents[0]?.id;
  });
  // Answers picked here show at once; the core's copy replaces them when it reloads.
  const [pending, setPending] = useState<Map<string, Answer | null>>(new Map());
  const answers = useMemo(() => {
    const byKey = new Map<string, Answer>(detail.answers.map((a) => [`${a.respondentId}|${a.itemKey}`, a]));
    for (const [key, answer] of pending)
      if (answer) byKey.set(key, answer);
      else byKey.delete(key);
    return [...byKey.values()];
  }, [detail.answers, pending]);
  const [index, setIndex] = useState(() =>
    respondentId === undefined ? 0 : readJson(local(), `${storeKey}.${respondentId}.index`, resumeIndex(items, detail.answers, respondentId)),
  );
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => setPending(new Map()), [detail.answers]);
  useEffect(() => {
    if (respondentId === undefined) return;
    writeJson(local(), `${storeKey}.respondent`, respondentId);
    writeJson(local(), `${storeKey}.${respondentId}.index`, index);
  }, [storeKey, respondentId, index]);

  // The card takes the keys: focused on arrival, so answering can start without the mouse.
  useEffect(() => card.current?.focus(), []);

  if (respondentId === undefined) {
    return (
      <p className="card muted" data-testid="answer-no-respondents">
        Add a respondent on the “Client &amp; respondents” tab first: answers are given by someone.
      </p>
    );
  }

  const item = items[Math.min(index, items.length - 1)]!;
  const current = answers.find((a) => a.respondentId === respondentId && a.itemKey === item.key);
  const done = answeredCount(items, answers, respondentId);
  const target = detail.targets.find((t) => t.itemKey === item.key)?.level ?? null;

  const move = (to: number) => {
    setIndex(Math.max(0, Math.min(items.length - 1, to)));
    card.current?.focus();
  };
  const chooseRespondent = (id: number) => {
    setRespondentId(id);
    setIndex(readJson(local(), `${storeKey}.${id}.index`, resumeIndex(items, answers, id)));
  };
  const write = async (value: { level: number | null; nonAnswer: NonAnswer | null } | 'clear', notes?: { evidence: string | null; links: string[] }) => {
    const key = `${respondentId}|${item.key}`;
    const optimistic: Answer | null =
      value === 'clear' ? null : { respondentId, itemKey: item.key, ...value, evidence: notes?.evidence ?? current?.evidence ?? null, links: notes?.links ?? current?.links ?? [] };
    setPending((map) => new Map(map).set(key, optimistic));
    setSave({ kind: 'saving' });
    try {
      await call('assessments.answer', value === 'clear' ? { respondentId, itemKey: item.key, clear: true } : { respondentId, itemKey: item.key, ...value, ...notes });
      setSave({ kind: 'saved' });
    } catch (failure) {
      setPending((map) => {
        const next = new Map(map);
        next.delete(key);
        return next;
      });
      setSave({ kind: 'error', message: toApiError(failure).message });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('textarea, input, select') || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = keyAction(event.key, framework);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'level') void write({ level: action.level, nonAnswer: null });
    else if (action.kind === 'nonAnswer') void write({ level: null, nonAnswer: action.nonAnswer });
    else if (action.kind === 'clear') void write('clear');
    else move(index + action.by);
  };

  return (
    <div className="answer-panel" data-testid="answer-panel">
      <div className="answer-bar">
        <label className="inline-field">
          Respondent
          <select className="input" value={respondentId} onChange={(e) => chooseRespondent(Number(e.target.value))} data-testid="answer-respondent">
            {detail.respondents.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.role ? ` (${r.role})` : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="answer-progress" data-testid="answer-progress" aria-label={`${done} of ${items.length} answered`}>
          <div className="answer-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={items.length} aria-valuenow={done}>
            <span style={{ width: `${(done / items.length) * 100}%` }} />
          </div>
          <span>
            {done} of {items.length} answered
          </span>
        </div>
        <span className={`save-state ${save.kind}`} role="status" data-testid="answer-save-state">
          {save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? 'All answers saved' : save.kind === 'error' ? `Not saved: ${save.message}` : ''}
        </span>
      </div>
      <div className="answer-layout">
        <ItemNavigator items={items} index={index} answers={answers} respondentId={respondentId} framework={framework} onSelect={move} />
        <div className="card answer-card" tabIndex={0} ref={card} onKeyDown={onKeyDown} data-testid="answer-card" aria-labelledby="answer-statement">
          <p className="muted small">
            {item.dimensionName} · item {index + 1} of {items.length}
          </p>
          <h2 id="answer-statement" data-testid="answer-statement">
            {item.statement}
          </h2>
          <LevelChoices framework={framework} guidance={item.guidance} answer={current} target={target} onPick={(value) => void write(value)} />
          <p className="muted small keys-hint">Keys: 1–{framework.scale.levels.length} pick a level · D don't know · N not applicable · Delete clears · ↑ ↓ or Enter move</p>
          <AnswerNotes
            key={`${respondentId}|${item.key}`}
            prompts={item.evidencePrompts}
            answer={current}
            onSave={(notes) => current && void write({ level: current.level, nonAnswer: current.nonAnswer }, notes)}
          />
          <TargetChoice detail={detail} itemKey={item.key} level={target} />
          <div className="answer-nav">
            <button type="button" className="button" onClick={() => move(index - 1)} disabled={index === 0}>
              ← Previous
            </button>
            <span className="muted small">{answerLabel(framework, current) || 'Not answered yet'}</span>
            <button type="button" className="button primary" onClick={() => move(index + 1)} disabled={index >= items.length - 1} data-testid="answer-next">
              Next →
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

function TargetChoice({ detail, itemKey, level }: { detail: AssessmentDetail; itemKey: string; level: number | null }) {
  const setting = useAction(async (value: string) => {
    await call('assessments.setTargets', { assessmentId: detail.assessment.id, targets: [{ itemKey, level: value === '' ? null : Number(value) }] });
  });
  const { run: set, error } = setting;
  return (
    <label className="inline-field target-choice">
      Target level for this item
      <select className="input" value={level ?? ''} onChange={(e) => void set(e.target.value)} data-testid="answer-target">
        <option value="">No target</option>
        {detail.template.framework.scale.levels.map((l) => (
          <option key={l.value} value={l.value}>
            {l.value} {l.label}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
