import { useState } from 'react';
import type { JourneyMap, MeasureResult } from '../../../../shared/contract/journeys';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { formatDate, formatDateTime } from '../../lib/format';
import { channelLabel } from '../../lib/labels';

/** The interactions of the period no card takes, each linkable by hand to a card of the map. */
export function UnmappedDialog({ map, counts, scope, onClose }: {
  map: JourneyMap;
  counts: MeasureResult['unmapped'] | undefined;
  scope: { from: string; to: string; segment?: string };
  onClose: () => void;
}) {
  const list = useQuery('journeys.unmapped', { id: map.id, ...scope, limit: 100 }, ['journeys', 'touchpoints']);
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [error, setError] = useState<string>();
  const cards = map.stages.flatMap((s) => s.touchpoints.map((t) => ({ id: t.id, label: `${s.name}: ${t.name}` })));
  return (
    <Dialog title="Records no touchpoint takes" onClose={onClose} testId="unmapped-dialog" wide>
      <div className="dialog-body">
        {counts && (
          <p className="muted">
            In this period: {counts.touchpoints.toLocaleString()} interactions, {counts.tickets.toLocaleString()} tickets and {counts.surveyResponses.toLocaleString()} survey answers
            are on no card. Tickets and answers find their card through rules; interactions can also be linked by hand here.
          </p>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        {list.data?.rows.length === 0 && <p className="muted">Every interaction of the period is on a card.</p>}
        {list.data && list.data.rows.length > 0 && (
          <div className="records-scroll">
            <table className="records-table" data-testid="unmapped-records">
              <thead><tr><th>When</th><th>Account</th><th>Contact</th><th>Channel</th><th>What</th><th>Link to</th></tr></thead>
              <tbody>
                {list.data.rows.map((row) => (
                  <tr key={row.id}>
                    <td className="records-when" title={formatDateTime(row.at)}>{formatDate(row.at.slice(0, 10))}</td>
                    <td>{row.accountName}</td>
                    <td>{row.contactName ?? '—'}</td>
                    <td>{row.channel ? channelLabel(row.channel) : '—'}</td>
                    <td className="records-detail" title={row.detail}>{row.detail}</td>
                    <td className="link-cell">
                      <select className="input" aria-label={`Card for the interaction of ${row.accountName}`} value={choice[row.id] ?? ''} onChange={(e) => setChoice({ ...choice, [row.id]: e.target.value })}>
                        <option value="">Choose a card…</option>
                        {cards.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
                      </select>
                      <button
                        type="button"
                        className="button"
                        disabled={!choice[row.id]}
                        onClick={async () => {
                          setError(undefined);
                          try {
                            await call('journeys.link', { journeyTouchpointId: Number(choice[row.id]), touchpointIds: [row.id] });
                          } catch (failure) {
                            setError((failure as Error).message);
                          }
                        }}
                      >
                        Link
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <footer className="dialog-actions"><button type="button" className="button" onClick={onClose}>Close</button></footer>
      </div>
    </Dialog>
  );
}
