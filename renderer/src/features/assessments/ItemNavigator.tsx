import type { Answer, Framework } from '../../../../shared/contract/assessments';
import type { FlatItem } from './answering';

/** Every item by dimension, with this respondent's answer beside it; a click jumps there. */
export function ItemNavigator({
  items,
  index,
  answers,
  respondentId,
  framework,
  onSelect,
}: {
  items: FlatItem[];
  index: number;
  answers: Answer[];
  respondentId: number;
  framework: Framework;
  onSelect: (index: number) => void;
}) {
  return (
    <nav className="card item-navigator" aria-label="Items">
      {framework.dimensions.map((dimension) => (
        <div key={dimension.key}>
          <h3 className="timeline-heading">{dimension.name}</h3>
          <ol>
            {items.map((item, i) => {
              if (item.dimensionKey !== dimension.key) return null;
              const answer = answers.find((a) => a.respondentId === respondentId && a.itemKey === item.key);
              const mark = !answer ? '' : answer.level !== null ? String(answer.level) : answer.nonAnswer === 'dont_know' ? '?' : '–';
              return (
                <li key={item.key}>
                  <button
                    type="button"
                    tabIndex={-1}
                    className={`item-link${i === index ? ' current' : ''}${answer ? ' answered' : ''}`}
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => onSelect(i)}
                    data-testid="item-link"
                  >
                    <span className="item-mark" aria-label={answer ? 'answered' : 'not answered'}>
                      {mark}
                    </span>
                    <span className="item-statement">{item.statement}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </nav>
  );
}
