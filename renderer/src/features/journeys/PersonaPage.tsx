import { useEffect, useMemo, useState } from 'react';
import { CHANNELS } from '../../../../shared/contract/common';
import type { Persona } from '../../../../shared/contract/personas';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { EChart } from '../../components/EChart';
import { Field } from '../../components/Field';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { channelLabel, touchpointKindLabel } from '../../lib/labels';
import { adherenceTrendOption } from './journeyCharts';
import { PERIODS, periodInput, type PeriodId } from './period';

type Preference = 'willing' | 'neutral' | 'unwilling';
const PREFERENCES: { id: Preference; label: string }[] = [
  { id: 'willing', label: 'Willing' },
  { id: 'neutral', label: 'Neutral' },
  { id: 'unwilling', label: 'Unwilling' },
];

/** A persona: who they are, the channels they are willing to use, and how well the company keeps to that. */
export function PersonaPage({ idParam }: { idParam: string }) {
  const id = Number(idParam);
  const persona = useQuery('personas.get', { id }, ['personas']);
  if (persona.error) {
    return (
      <div className="empty-state">
        <h1>Persona not found</h1>
        <p>{persona.error.message}</p>
        <a href="#/journeys">Back to journeys</a>
      </div>
    );
  }
  if (!persona.data)
    return (
      <p className="muted" role="status">
        Loading the persona…
      </p>
    );
  return (
    <div className="screen persona-page" data-testid="persona-page">
      <a href="#/journeys" className="back-link">
        ← Journeys
      </a>
      <h1 data-testid="persona-name">{persona.data.name}</h1>
      <div className="persona-grid">
        <PersonaForm persona={persona.data} />
        <AdherenceCard personaId={persona.data.id} />
      </div>
    </div>
  );
}

function PersonaForm({ persona }: { persona: Persona }) {
  const [name, setName] = useState(persona.name);
  const [description, setDescription] = useState(persona.description ?? '');
  const [preferences, setPreferences] = useState(persona.channelPreferences);
  const [saved, setSaved] = useState(false);
  const saving = useAction(async () => {
    await call('personas.update', { id: persona.id, name, description: description.trim() || null, channelPreferences: preferences });
    setSaved(true);
  });
  const error = saving.failure;
  useEffect(() => setSaved(false), [name, description, preferences]);
  return (
    <form
      className="card"
      aria-labelledby="persona-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void saving.run();
      }}
    >
      <header className="card-header">
        <h2 id="persona-form-title">Ideal experience</h2>
      </header>
      <Field label="Name" name="name" required error={error?.issueFor('name')}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Who they are" name="description">
        <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <table className="preference-table" data-testid="channel-preferences">
        <caption className="muted small">The channels this persona is willing to be reached through</caption>
        <tbody>
          {CHANNELS.map((channel) => (
            <tr key={channel}>
              <th scope="row">{channelLabel(channel)}</th>
              <td>
                <div className="segmented" role="radiogroup" aria-label={`${channelLabel(channel)} preference`}>
                  {PREFERENCES.map((p) => {
                    const on = (preferences[channel] ?? 'neutral') === p.id;
                    return (
                      <label key={p.id} className={`${on ? 'on' : ''} pref-${p.id}`}>
                        <input
                          type="radio"
                          name={`pref-${channel}`}
                          checked={on}
                          onChange={() => setPreferences({ ...preferences, [channel]: p.id })}
                          data-testid={`pref-${channel}-${p.id}`}
                        />
                        {p.label}
                      </label>
                    );
                  })}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && !error.issueFor('name') && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        {saved && (
          <span className="muted" role="status">
            Saved
          </span>
        )}
        <button type="submit" className="button primary" data-testid="save-persona">
          Save
        </button>
      </div>
    </form>
  );
}

function AdherenceCard({ personaId }: { personaId: number }) {
  const [period, setPeriod] = useState<PeriodId>('last12');
  const scope = useMemo(() => periodInput(period, new Date()), [period]);
  const adherence = useQuery('personas.adherence', { id: personaId, ...scope, limit: 100 }, ['personas', 'touchpoints', 'contacts']);
  const data = adherence.data;
  return (
    <section className="card" aria-labelledby="adherence-title" data-testid="adherence">
      <header className="card-header">
        <h2 id="adherence-title">Adherence to the ideal experience</h2>
        <select className="input select" value={period} onChange={(e) => setPeriod(e.target.value as PeriodId)} aria-label="Period">
          {PERIODS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </header>
      {adherence.error && (
        <p className="form-error" role="alert">
          {adherence.error.message}
        </p>
      )}
      {!data && !adherence.error && <p className="muted">Loading…</p>}
      {data && (
        <>
          <div className="adherence-figures">
            <div className="figure">
              <span className="figure-label">Through willing channels</span>
              <span className="figure-value" data-testid="adherence-share">
                {data.share === null ? '—' : `${Math.round(data.share)} %`}
              </span>
              <span className="figure-n">n {data.n.toLocaleString()} interactions</span>
            </div>
            <div className="adherence-split small">
              <span className="pref-willing">{data.willing.toLocaleString()} willing</span>
              <span className="pref-neutral">{data.neutral.toLocaleString()} neutral or unstated</span>
              <span className="pref-unwilling">{data.unwilling.toLocaleString()} unwilling</span>
            </div>
          </div>
          {data.n === 0 ? (
            <p className="muted">No interaction with this persona’s contacts in the period. Give contacts this persona on their account page.</p>
          ) : (
            <EChart option={adherenceTrendOption(data.trend)} height={160} label="Adherence per month" testId="adherence-trend" />
          )}
          <h3 className="section-title">Violations: reached through a channel they are unwilling to use ({data.violationsTotal.toLocaleString()})</h3>
          {data.violationsTotal === 0 ? (
            <p className="muted">None in the period.</p>
          ) : (
            <div className="records-scroll short">
              <table className="records-table" data-testid="violations">
                <thead>
                  <tr>
                    <th>When</th>
                    <th>Account</th>
                    <th>Contact</th>
                    <th>Channel</th>
                    <th>Kind</th>
                    <th>Journey touchpoint</th>
                  </tr>
                </thead>
                <tbody>
                  {data.violations.map((v) => (
                    <tr key={v.touchpointId}>
                      <td className="records-when" title={formatDateTime(v.occurredAt)}>
                        {formatDate(v.occurredAt.slice(0, 10))}
                      </td>
                      <td>
                        <a href={`#/accounts/${v.accountId}`}>{v.accountName}</a>
                      </td>
                      <td>{v.contactName}</td>
                      <td>{channelLabel(v.channel)}</td>
                      <td>{touchpointKindLabel(v.kind)}</td>
                      <td>{v.journeyTouchpointName ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
