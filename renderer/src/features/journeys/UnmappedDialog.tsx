import { useState } from 'react';
import { LINK_SOURCES, type JourneyMap, type LinkSource, type MeasureResult } from '../../../../shared/contract/journeys';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { Dialog } from '../../components/Dialog';
import { Tabs } from '../../components/Tabs';
import { formatDate, formatDateTime } from '../../../../shared/format/format';
import { channelLabel } from '../../lib/labels';
import { SOURCE_LABELS, sourceTabLabel } from './journeyFormat';

/** The records of the period no card takes, one source per tab, each linkable by hand to a card of the map. */
export function UnmappedDialog({
  map,
  counts,
  scope,
  onClose,
}: {
  map: JourneyMap;
  counts: MeasureResult['unmapped'] | undefined;
  scope: { from: string; to: string; segment?: string };
  onClose: () => void;
}) {
  // Open on the first source that has something to link.
  const [source, setSource] = useState<LinkSource>(() => LINK_SOURCES.find((s) => (counts?.[s] ?? 0) > 0) ?? 'touchpoints');
  const [linked, setLinked] = useState<string>();
  const cards = map.stages.flatMap((s) => s.touchpoints.map((t) => ({ id: t.id, label: `${s.name}: ${t.name}` })));
  const linking = useAction(async (source: LinkSource, id: number, accountName: string, card: Card) => {
    await call('journeys.link', { journeyTouchpointId: card.id, source, ids: [id] });
    setLinked(`The ${SOURCE_LABELS[source].one.toLowerCase()} of ${accountName} is now on ${card.label}.`);
  });
  const error = linking.error;

  const link = async (source: LinkSource, id: number, accountName: string, card: Card) => {
    setLinked(undefined);
    await linking.run(source, id, accountName, card);
  };

  return (
    <Dialog title="Records no touchpoint takes" onClose={onClose} testId="unmapped-dialog" wide>
      <div className="dialog-body">
        <p className="muted">Records of the period that no card's rule takes. Link one by hand to the card it belongs to: it then counts there, and only there.</p>
        <Tabs
          tabs={LINK_SOURCES.map((s) => ({ id: s, label: sourceTabLabel(s, counts?.[s]) }))}
          selected={source}
          onSelect={(next) => {
            setSource(next as LinkSource);
            linking.reset();
            setLinked(undefined);
          }}
          label="Unmapped records by source"
        >
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <p className="small unmapped-status" role="status">
            {linked}
          </p>
          {/* One list per source (keyed), so a tab never shows another source's rows while it loads. */}
          <UnmappedList key={source} mapId={map.id} source={source} scope={scope} cards={cards} onLink={link} />
        </Tabs>
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

interface Card {
  id: number;
  label: string;
}

function UnmappedList({
  mapId,
  source,
  scope,
  cards,
  onLink,
}: {
  mapId: number;
  source: LinkSource;
  scope: { from: string; to: string; segment?: string };
  cards: Card[];
  onLink: (source: LinkSource, id: number, accountName: string, card: Card) => Promise<void>;
}) {
  const list = useQuery('journeys.unmapped', { id: mapId, source, ...scope, limit: 100 }, ['journeys', 'touchpoints', 'tickets', 'surveyResponses']);
  const [choice, setChoice] = useState<Record<number, string>>({});
  const noun = SOURCE_LABELS[source].one.toLowerCase();
  const rows = list.data?.rows;
  if (list.error)
    return (
      <p className="form-error" role="alert">
        {list.error.message}
      </p>
    );
  if (!rows) return <p className="muted">Loading {SOURCE_LABELS[source].many.toLowerCase()}…</p>;
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="unmapped-empty">
        Every {noun} of the period is on a card.
      </p>
    );
  return (
    <>
      {list.data!.total > rows.length && (
        <p className="muted small">
          The newest {rows.length} of {list.data!.total.toLocaleString('en-US')}.
        </p>
      )}
      <div className="records-scroll">
        <table className="records-table" data-testid="unmapped-records" data-source={source}>
          <thead>
            <tr>
              <th>When</th>
              <th>Account</th>
              <th>Contact</th>
              <th>Channel</th>
              <th>What</th>
              <th>Link to</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const card = cards.find((c) => c.id === Number(choice[row.id]));
              return (
                <tr key={row.id}>
                  <td className="records-when" title={formatDateTime(row.at)}>
                    {formatDate(row.at.slice(0, 10))}
                  </td>
                  <td>{row.accountName}</td>
                  <td>{row.contactName ?? '—'}</td>
                  <td>{row.channel ? channelLabel(row.channel) : '—'}</td>
                  <td className="records-detail" title={row.detail}>
                    {row.detail}
                  </td>
                  <td className="link-cell">
                    <select
                      className="input"
                      aria-label={`Card for the ${noun} of ${row.accountName}`}
                      value={choice[row.id] ?? ''}
                      onChange={(e) => setChoice({ ...choice, [row.id]: e.target.value })}
                    >
                      <option value="">Choose a card…</option>
                      {cards.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="button" disabled={!card} onClick={() => card && onLink(source, row.id, row.accountName, card)}>
                      Link
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
