export interface RespondentDraft {
  name: string;
  role: string;
  function: string;
}

/** Editable rows of respondents (name, role, function), for the new-assessment form. */
export function RespondentRows({ rows, onChange }: { rows: RespondentDraft[]; onChange: (rows: RespondentDraft[]) => void }) {
  const set = (index: number, patch: Partial<RespondentDraft>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <div className="respondent-rows">
      {rows.map((row, i) => (
        <div className="respondent-row" key={i} data-testid="respondent-draft">
          <input
            className="input"
            placeholder="Name"
            aria-label={`Respondent ${i + 1} name`}
            value={row.name}
            onChange={(e) => set(i, { name: e.target.value })}
            data-testid={`respondent-name-${i}`}
          />
          <input
            className="input"
            placeholder="Role (e.g. COO)"
            aria-label={`Respondent ${i + 1} role`}
            value={row.role}
            onChange={(e) => set(i, { role: e.target.value })}
            data-testid={`respondent-role-${i}`}
          />
          <input
            className="input"
            placeholder="Function (e.g. Support)"
            aria-label={`Respondent ${i + 1} function`}
            value={row.function}
            onChange={(e) => set(i, { function: e.target.value })}
            data-testid={`respondent-function-${i}`}
          />
          <button
            type="button"
            className="link-button"
            aria-label={`Remove respondent ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            disabled={rows.length === 1}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => onChange([...rows, { name: '', role: '', function: '' }])} data-testid="respondent-add">
        Add respondent
      </button>
    </div>
  );
}
