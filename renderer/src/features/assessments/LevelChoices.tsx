import type { Answer, Framework, NonAnswer } from '../../../../shared/contract/assessments';

/** The scale as buttons, each with this item's guidance for the level, plus the two non-answers. */
export function LevelChoices({
  framework,
  guidance,
  answer,
  target,
  onPick,
}: {
  framework: Framework;
  guidance: string[];
  answer: Answer | undefined;
  target: number | null;
  onPick: (value: { level: number | null; nonAnswer: NonAnswer | null }) => void;
}) {
  return (
    <div className="level-choices" role="radiogroup" aria-label="Level">
      {framework.scale.levels.map((level, i) => {
        const chosen = answer?.level === level.value;
        return (
          <button
            key={level.value}
            type="button"
            role="radio"
            aria-checked={chosen}
            tabIndex={-1}
            className={`level-choice${chosen ? ' chosen' : ''}`}
            onClick={() => onPick({ level: level.value, nonAnswer: null })}
            data-testid={`level-${level.value}`}
          >
            <span className="level-key">{i + 1}</span>
            <span className="level-text">
              <strong>{level.label}</strong>
              {target === level.value && <span className="pill target-pill">target</span>}
              {guidance[i] && <span className="level-guidance">{guidance[i]}</span>}
            </span>
          </button>
        );
      })}
      <div className="non-answers">
        {(
          [
            ['dont_know', "Don't know", 'D'],
            ['not_applicable', 'Not applicable', 'N'],
          ] as const
        ).map(([value, label, key]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={answer?.nonAnswer === value}
            tabIndex={-1}
            className={`level-choice compact${answer?.nonAnswer === value ? ' chosen' : ''}`}
            onClick={() => onPick({ level: null, nonAnswer: value })}
            data-testid={`nonanswer-${value}`}
          >
            <span className="level-key">{key}</span>
            <span className="level-text">{label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
