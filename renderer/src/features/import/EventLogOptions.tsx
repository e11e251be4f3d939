import { useEffect, useState } from 'react';
import type { ImportMapping } from '../../../../shared/contract/import';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import type { ImportWizardState } from './useImportWizard';

type EventLog = NonNullable<ImportMapping['eventLog']>;

/** The ticket fields the core's one-row-per-case columns fill (import/eventLog.ts), shown in the mapping table. */
const EVENT_LOG_FIELDS = {
  externalId: 'Case',
  openedAt: 'Opened',
  firstResponseAt: 'First response',
  resolvedAt: 'Resolved',
  status: 'Status',
  topic: 'Last activity',
  account: 'Account',
};

const guess = (headers: readonly string[], rule: RegExp) => headers.find((header) => rule.test(header)) ?? '';

/** An event log's recipe, guessed from the header: which columns say the case, the activity, the time and the account. */
export function guessEventLog(headers: readonly string[]): EventLog {
  return {
    caseId: guess(headers, /case|ticket|incident/i),
    activity: guess(headers, /activity|event|action/i),
    timestamp: guess(headers, /timestamp|time|date/i),
    ...(guess(headers, /customer|account|organi[sz]ation|company/i) ? { account: guess(headers, /customer|account|organi[sz]ation|company/i) } : {}),
    firstResponse: [],
    resolved: [],
  };
}

/**
 * Tickets from an event log (one row per event): the columns of the recipe, then the activities found
 * in the file, to name the first response and the resolving ones. The core groups the events per case.
 */
export function EventLogOptions({ wizard }: { wizard: ImportWizardState }) {
  const { target, detected, staged, mapping, preview, reshape } = wizard;
  const shown = mapping ?? preview?.mapping;
  const spec = shown?.eventLog;
  const headers = detected?.headers ?? [];
  const [activities, setActivities] = useState<{ value: string; count: number }[]>([]);
  const [error, setError] = useState<string>();
  const path = staged?.path;
  const activity = spec?.activity;
  useEffect(() => {
    if (!path || !activity) return;
    call('import.values', { path, column: activity }).then(
      (answer) => {
        setActivities(answer.values);
        setError(undefined);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [path, activity]);
  if (target !== 'tickets' || headers.length === 0) return null;
  const set = (change: Partial<EventLog>) => reshape((current) => ({ ...current, eventLog: { ...current.eventLog!, ...change } }));
  const toggle = (list: 'firstResponse' | 'resolved', value: string, on: boolean) =>
    set({ [list]: on ? [...(spec?.[list] ?? []), value] : (spec?.[list] ?? []).filter((v) => v !== value) });
  const column = (label: string, key: 'caseId' | 'activity' | 'timestamp' | 'account') => (
    <Field label={label} name={`import-event-${key}`}>
      <select className="input" value={spec?.[key] ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })} data-testid={`import-event-${key}`}>
        <option value="">—</option>
        {headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <fieldset className="import-event-log" data-testid="import-event-log">
      <legend className="section-title">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={!!spec}
            // Reshaping works over the mapping shown: until the preview brings one, a click would change nothing.
            disabled={!shown}
            onChange={(e) =>
              reshape((current) =>
                e.target.checked
                  ? { fields: EVENT_LOG_FIELDS, defaults: { channel: 'self_service', ...current.defaults }, eventLog: guessEventLog(headers) }
                  : { fields: {}, defaults: current.defaults },
              )
            }
            data-testid="import-event-log-on"
          />{' '}
          One row per event (an event log): one ticket per case
        </label>
      </legend>
      {spec && (
        <>
          <div className="form-grid">
            {column('Case id', 'caseId')}
            {column('Activity', 'activity')}
            {column('Timestamp', 'timestamp')}
            {column('Account', 'account')}
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {activities.length > 0 && (
            <table className="import-table" data-testid="import-event-activities">
              <thead>
                <tr>
                  <th scope="col">Activity in the file</th>
                  <th scope="col">Events</th>
                  <th scope="col">First response</th>
                  <th scope="col">Resolves the ticket</th>
                </tr>
              </thead>
              <tbody>
                {activities.map(({ value, count }) => (
                  <tr key={value}>
                    <th scope="row">{value}</th>
                    <td className="num">{count}</td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${value} is the first response`}
                        checked={spec.firstResponse.includes(value)}
                        onChange={(e) => toggle('firstResponse', value, e.target.checked)}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${value} resolves the ticket`}
                        checked={spec.resolved.includes(value)}
                        onChange={(e) => toggle('resolved', value, e.target.checked)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </fieldset>
  );
}
