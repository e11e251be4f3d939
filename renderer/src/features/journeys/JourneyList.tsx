import { useState } from 'react';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { channelLabel } from '../../lib/labels';
import { CHANNELS } from '../../../../shared/contract/common';
import { NewMapDialog } from './NewMapDialog';
import { NewPersonaDialog } from './NewPersonaDialog';
import { UndoBar, useUndo } from './UndoBar';

/** The journey maps and the personas they are drawn for. */
export function JourneyList() {
  const [showArchived, setShowArchived] = useState(false);
  const maps = useQuery('journeys.list', { includeArchived: showArchived }, ['journeys']);
  const personas = useQuery('personas.list', { pageSize: 500 }, ['personas']);
  const [dialog, setDialog] = useState<'map' | 'persona'>();
  const undo = useUndo();
  // The screen's small actions (duplicate, remove, restore…) share one error line.
  const attempt = useAction((work: () => Promise<void>) => work());
  const error = attempt.error;

  const act = async (work: () => Promise<void>) => void (await attempt.run(work));

  return (
    <div className="screen journeys-screen" data-testid="journeys-screen">
      <header className="screen-header">
        <div>
          <h1>Journeys</h1>
          <p className="subtitle">The experience promised to each persona, held against what happened.</p>
        </div>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => setDialog('persona')} data-testid="new-persona">
            New persona
          </button>
          <button type="button" className="button primary" onClick={() => setDialog('map')} data-testid="new-map">
            New journey map
          </button>
        </div>
      </header>
      <UndoBar undo={undo} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <section className="card" aria-labelledby="maps-title">
        <header className="card-header">
          <h2 id="maps-title">Journey maps</h2>
          <label className="inline-field">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived" />
            Show archived
          </label>
        </header>
        {maps.loading && !maps.data && <p className="muted">Loading maps…</p>}
        {maps.error && (
          <p className="form-error" role="alert">
            {maps.error.message}
          </p>
        )}
        {maps.data?.length === 0 && (
          <div className="journey-empty">
            <p>
              No journey map yet. Start from the customer-experience delivery template: onboarding, implementation, training, technical and premium support, social engagement, each
              with a measurable promise.
            </p>
            <button type="button" className="button primary" onClick={() => setDialog('map')}>
              Create the first map
            </button>
          </div>
        )}
        {maps.data && maps.data.length > 0 && (
          <ul className="journey-list" data-testid="map-list">
            {maps.data.map((map) => (
              <li key={map.id} data-testid="map-row">
                <a href={`#/journeys/${map.id}`} className="cell-strong">
                  {map.name}
                </a>
                <span className="muted small">
                  {map.personaName ? `For ${map.personaName}` : 'For every persona'} · {map.stageCount} stages · {map.touchpointCount} touchpoints
                </span>
                {map.archivedAt && <span className="pill muted">Archived</span>}
                <span className="journey-row-actions">
                  {map.archivedAt ? (
                    <button type="button" className="link-button" onClick={() => act(async () => void (await call('journeys.unarchive', { id: map.id })))}>
                      Restore
                    </button>
                  ) : (
                    <>
                      <button type="button" className="link-button" onClick={() => act(async () => navigate(`journeys/${(await call('journeys.duplicate', { id: map.id })).id}`))}>
                        Duplicate
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Archive ${map.name}`}
                        onClick={() =>
                          act(async () => {
                            await call('journeys.archive', { id: map.id });
                            undo.offer(`Archived “${map.name}”.`, async () => void (await call('journeys.unarchive', { id: map.id })));
                          })
                        }
                      >
                        Archive
                      </button>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="personas-title">
        <header className="card-header">
          <h2 id="personas-title">Personas</h2>
          {personas.data && <span className="muted">{personas.data.total}</span>}
        </header>
        {personas.data?.rows.length === 0 && <p className="muted">No persona yet: add who your customers are and which channels they are willing to use.</p>}
        {personas.data && personas.data.rows.length > 0 && (
          <ul className="journey-list" data-testid="persona-list">
            {personas.data.rows.map((persona) => {
              const willing = CHANNELS.filter((c) => persona.channelPreferences[c] === 'willing').map(channelLabel);
              return (
                <li key={persona.id} data-testid="persona-row">
                  <a href={`#/journeys/personas/${persona.id}`} className="cell-strong">
                    {persona.name}
                  </a>
                  <span className="muted small">{willing.length ? `Willing: ${willing.join(', ')}` : 'No channel preferences yet'}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {dialog === 'map' && <NewMapDialog personas={personas.data?.rows ?? []} onClose={() => setDialog(undefined)} onCreated={(id) => navigate(`journeys/${id}`)} />}
      {dialog === 'persona' && <NewPersonaDialog onClose={() => setDialog(undefined)} onCreated={(id) => navigate(`journeys/personas/${id}`)} />}
    </div>
  );
}
