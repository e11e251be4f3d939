import { useState } from 'react';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { useDebounced } from '../../lib/useDebounced';
import { FunnelCard } from './FunnelCard';
import { NominateDialog } from './NominateDialog';
import { PipelineBoard } from './PipelineBoard';
import { ReferenceDetailDialog } from './ReferenceDetailDialog';
import './references.css';

/** The board holds at most this many references; a search narrows a larger programme. */
const BOARD_LIMIT = 500;

/** `#/references/pipeline[/<referenceId>]`: the funnel, the board, and a reference's detail over it. */
export function PipelinePanel({ params }: { params: string[] }) {
  const [search, setSearch] = useState('');
  const [nominating, setNominating] = useState(false);
  const term = useDebounced(search.trim());
  const list = useQuery('references.list', { pageSize: BOARD_LIMIT, search: term || undefined, sort: { field: 'stageSince', direction: 'asc' } }, [
    'references',
    'accounts',
    'contacts',
  ]);
  const funnel = useQuery('references.funnel', {}, ['references']);
  const selected = params[0] && /^\d+$/.test(params[0]) ? Number(params[0]) : undefined;
  const rows = list.data?.rows ?? [];
  const programmeEmpty = list.data !== undefined && list.data.total === 0 && !term;

  return (
    <div className="pipeline" data-testid="pipeline-panel">
      <div className="toolbar">
        <input
          className="input search"
          type="search"
          placeholder="Search by account name"
          aria-label="Search references by account name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="pipeline-search"
        />
        <span className="muted" data-testid="pipeline-count">
          {list.data
            ? `${list.data.total} reference${list.data.total === 1 ? '' : 's'}${list.data.total > BOARD_LIMIT ? `, the ${BOARD_LIMIT} longest in their stage shown: search to narrow` : ''}`
            : 'Loading…'}
        </span>
        <button type="button" className="button primary" onClick={() => setNominating(true)} data-testid="nominate-button">
          Nominate account
        </button>
      </div>
      {/* An empty programme gets one call to action below, not an empty chart as well. */}
      {!programmeEmpty && <FunnelCard funnel={funnel.data} loading={funnel.loading} error={funnel.error?.message} />}
      {list.error && (
        <p className="form-error" role="alert">
          {list.error.message}
        </p>
      )}
      {!list.data && list.loading ? (
        <p className="muted" aria-busy="true" data-testid="pipeline-loading">
          Loading the programme…
        </p>
      ) : programmeEmpty ? (
        <div className="card pipeline-empty-state" data-testid="pipeline-empty">
          <p>No account is in the reference programme yet.</p>
          <p className="muted">Nominate satisfied, successfully deployed customers; the Candidates tab suggests some.</p>
          <button type="button" className="button primary" onClick={() => setNominating(true)}>
            Nominate account
          </button>
        </div>
      ) : (
        <div aria-busy={list.loading}>
          {list.data && list.data.total === 0 && (
            <p className="muted" data-testid="pipeline-no-match">
              No reference's account matches “{term}”.
            </p>
          )}
          <PipelineBoard rows={rows} onOpen={(id) => navigate(`references/pipeline/${id}`)} onMoved={list.reload} />
        </div>
      )}
      {selected !== undefined && <ReferenceDetailDialog id={selected} onClose={() => navigate('references/pipeline')} />}
      {nominating && (
        <NominateDialog
          onClose={() => setNominating(false)}
          onCreated={(id) => {
            setNominating(false);
            navigate(`references/pipeline/${id}`);
          }}
        />
      )}
    </div>
  );
}
