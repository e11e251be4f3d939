import type { Framework, StageRule } from '../../../../shared/contract/assessments';

type Props = { framework: Framework; onChange: (next: Framework) => void; issue: (path: string) => string | undefined };

/** The ordered levels of the scale; "don't know" and "not applicable" always exist and never score. */
export function ScaleEditor({ framework, onChange, issue }: Props) {
  const levels = framework.scale.levels;
  const set = (next: typeof levels) => onChange({ ...framework, scale: { levels: next } });
  return (
    <section className="card" aria-labelledby="scale-title">
      <header className="card-header">
        <h2 id="scale-title">Scale</h2>
        <span className="muted small">lowest first · “don't know” and “not applicable” are always offered and excluded from scores</span>
      </header>
      <div className="scale-levels">
        {levels.map((level, i) => (
          <div key={i} className="scale-level">
            <input
              className="input number"
              type="number"
              aria-label={`Level ${i + 1} value`}
              value={level.value}
              onChange={(e) => set(levels.map((l, j) => (j === i ? { ...l, value: Number(e.target.value) } : l)))}
            />
            <input
              className="input"
              aria-label={`Level ${i + 1} label`}
              value={level.label}
              onChange={(e) => set(levels.map((l, j) => (j === i ? { ...l, label: e.target.value } : l)))}
            />
            <button type="button" className="link-button" disabled={levels.length <= 2} onClick={() => set(levels.filter((_, j) => j !== i))} aria-label={`Remove level ${i + 1}`}>
              ×
            </button>
            {issue(`scale.levels.${i}.value`) && <span className="field-error">{issue(`scale.levels.${i}.value`)}</span>}
          </div>
        ))}
        <button
          type="button"
          className="button small"
          disabled={levels.length >= 10}
          onClick={() => set([...levels, { value: (levels.at(-1)?.value ?? 0) + 1, label: 'New level' }])}
        >
          Add level
        </button>
      </div>
    </section>
  );
}

/** Stages in order: each is reached when its rules and every earlier stage's rules hold. */
export function StagesEditor({ framework, onChange, issue }: Props) {
  const stages = framework.stages;
  const set = (next: typeof stages) => onChange({ ...framework, stages: next });
  const setStage = (i: number, patch: Partial<(typeof stages)[number]>) => set(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setRule = (i: number, r: number, rule: StageRule) => setStage(i, { rules: stages[i]!.rules.map((x, k) => (k === r ? rule : x)) });
  const firstDimension = framework.dimensions[0]?.key ?? '';
  const firstLevel = framework.scale.levels[0]?.value ?? 1;
  return (
    <section className="card" aria-labelledby="stages-title">
      <header className="card-header">
        <h2 id="stages-title">Stages</h2>
        <span className="muted small">lowest first · a stage is reached when its rules and all earlier stages' rules hold</span>
      </header>
      {stages.length === 0 && <p className="muted">No stages: results show scores without a stage.</p>}
      <ol className="stage-editors">
        {stages.map((stage, i) => (
          <li key={i} className="stage-editor">
            <div className="item-head">
              <input className="input" aria-label={`Stage ${i + 1} name`} value={stage.name} onChange={(e) => setStage(i, { name: e.target.value })} />
              <input className="input grow" aria-label={`Stage ${i + 1} description`} value={stage.description} onChange={(e) => setStage(i, { description: e.target.value })} />
              <button type="button" className="link-button" onClick={() => set(stages.filter((_, j) => j !== i))}>
                Remove stage
              </button>
            </div>
            <ul className="stage-rules">
              {stage.rules.map((rule, r) => (
                <li key={r}>
                  {rule.kind === 'score' ? (
                    <label className="inline-field">
                      Overall score at least
                      <input
                        className="input number"
                        type="number"
                        min={0}
                        max={100}
                        value={rule.min}
                        onChange={(e) => setRule(i, r, { kind: 'score', min: Number(e.target.value) })}
                      />
                    </label>
                  ) : (
                    <span className="inline-field">
                      Every item of
                      <select className="input" aria-label="Dimension" value={rule.dimensionKey} onChange={(e) => setRule(i, r, { ...rule, dimensionKey: e.target.value })}>
                        {framework.dimensions.map((d) => (
                          <option key={d.key} value={d.key}>
                            {d.name}
                          </option>
                        ))}
                      </select>
                      at level ≥
                      <select className="input" aria-label="Level" value={rule.level} onChange={(e) => setRule(i, r, { ...rule, level: Number(e.target.value) })}>
                        {framework.scale.levels.map((l) => (
                          <option key={l.value} value={l.value}>
                            {l.value} {l.label}
                          </option>
                        ))}
                      </select>
                    </span>
                  )}
                  <button type="button" className="link-button" onClick={() => setStage(i, { rules: stage.rules.filter((_, k) => k !== r) })} aria-label="Remove rule">
                    ×
                  </button>
                  {(issue(`stages.${i}.rules.${r}.dimensionKey`) || issue(`stages.${i}.rules.${r}.level`)) && (
                    <span className="field-error">{issue(`stages.${i}.rules.${r}.dimensionKey`) ?? issue(`stages.${i}.rules.${r}.level`)}</span>
                  )}
                </li>
              ))}
            </ul>
            <button type="button" className="button small" onClick={() => setStage(i, { rules: [...stage.rules, { kind: 'score', min: 50 }] })}>
              Add score rule
            </button>{' '}
            <button
              type="button"
              className="button small"
              disabled={!firstDimension}
              onClick={() => setStage(i, { rules: [...stage.rules, { kind: 'dimensionLevel', dimensionKey: firstDimension, level: firstLevel }] })}
            >
              Add dimension rule
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button small" onClick={() => set([...stages, { name: `Stage ${stages.length + 1}`, description: '', rules: [{ kind: 'score', min: 0 }] }])}>
        Add stage
      </button>
    </section>
  );
}
