import { useState } from 'react';
import { call } from '../../api/client';
import { useLoader, useQuery } from '../../api/useQuery';
import { formatMoney } from '../../../../shared/format/format';
import { segmentLabel } from '../../lib/labels';
import { useDebounced } from '../../lib/useDebounced';

const OPEN_STAGES = ['qualify', 'discover', 'propose', 'negotiate'] as const;

/** A searchable list of the open deals; the chosen one shows as a summary with a way to change it. */
export function DealPicker({ selectedId, onSelect }: { selectedId: number | undefined; onSelect: (id: number | undefined) => void }) {
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 200);
  const deals = useQuery('deals.list', { filter: { stage: [...OPEN_STAGES] }, search: query || undefined, pageSize: 12, sort: { field: 'openedAt', direction: 'desc' } }, [
    'deals',
  ]);
  const selected = useLoader(selectedId === undefined ? undefined : String(selectedId), (key) => call('deals.get', { id: Number(key) }), ['deals']);

  if (selectedId !== undefined) {
    const deal = selected.data;
    return (
      <div className="deal-chosen" data-testid="finder-deal">
        {selected.error ? (
          <span className="form-error" role="alert">
            {selected.error.message}
          </span>
        ) : deal ? (
          <div>
            <strong data-testid="finder-deal-prospect">{deal.prospect}</strong>
            <span className="muted">
              {' · '}
              {[deal.industry, deal.segment && segmentLabel(deal.segment), deal.region, deal.products.join(', '), deal.competitor && `vs ${deal.competitor}`, deal.useCase]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </div>
        ) : (
          <span className="muted">Loading the deal…</span>
        )}
        <button type="button" className="button small" onClick={() => onSelect(undefined)} data-testid="finder-deal-change">
          Change deal
        </button>
      </div>
    );
  }
  const rows = deals.data?.rows ?? [];
  return (
    <div className="deal-picker">
      <input
        className="input"
        type="search"
        placeholder="Search open deals by prospect, industry, competitor…"
        aria-label="Search open deals"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="finder-deal-search"
      />
      {deals.error && (
        <p className="form-error" role="alert">
          {deals.error.message}
        </p>
      )}
      <ul className="deal-options" aria-label="Open deals" aria-busy={deals.loading}>
        {rows.map((deal) => (
          <li key={deal.id}>
            <button type="button" onClick={() => onSelect(deal.id)} data-testid="finder-deal-option">
              <strong>{deal.prospect}</strong>
              <span className="muted">{[deal.industry, deal.segment && segmentLabel(deal.segment), deal.region].filter(Boolean).join(' · ')}</span>
              <span className="deal-amount">{formatMoney(deal.amountMinor, deal.currency, undefined, true)}</span>
            </button>
          </li>
        ))}
      </ul>
      {!deals.loading && rows.length === 0 && (
        <p className="muted" data-testid="finder-no-deals">
          {query ? `No open deal matches “${query}”.` : 'There are no open deals. Type a prospect profile instead.'}
        </p>
      )}
      {deals.data && deals.data.total > rows.length && <p className="muted small">{deals.data.total - rows.length} more: narrow the search.</p>}
    </div>
  );
}
