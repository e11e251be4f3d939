import { useState } from 'react';
import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import type { ProspectProfile } from '../../../../shared/contract/leverage';
import { useQuery } from '../../api/useQuery';
import { navigate } from '../../app/router';
import { activityLabel } from '../references/labels';
import { DealPicker } from './DealPicker';
import { LEVERAGE_DOMAINS } from './labels';
import { MatchResults } from './MatchResults';
import { ProfileForm } from './ProfileForm';
import './leverage.css';

type Activity = (typeof REFERENCE_ACTIVITIES)[number];
type Mode = 'deal' | 'profile';

/**
 * The finder: a deal from the workspace (kept in the route, `#/references/finder/<dealId>`) or a
 * typed prospect profile, an activity, and the references ranked for it with every gate's exclusions.
 */
export function FinderPanel({ params }: { params: string[] }) {
  const dealId = /^\d+$/.test(params[0] ?? '') ? Number(params[0]) : undefined;
  const [mode, setMode] = useState<Mode>(dealId === undefined && params[0] === 'profile' ? 'profile' : 'deal');
  const [activity, setActivity] = useState<Activity>('reference_call');
  const [profile, setProfile] = useState<ProspectProfile>();

  const input = mode === 'deal' ? (dealId === undefined ? undefined : { dealId, activity }) : profile ? { profile, activity } : undefined;
  return (
    <div className="finder" data-testid="finder">
      <section className="card finder-query" aria-label="What the reference is for">
        <div className="finder-modes" role="radiogroup" aria-label="Find references for">
          {(['deal', 'profile'] as const).map((m) => (
            <label key={m} className={mode === m ? 'on' : undefined}>
              <input type="radio" name="finder-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`finder-mode-${m}`} />
              {m === 'deal' ? 'A deal in the workspace' : 'A prospect profile'}
            </label>
          ))}
          <label className="finder-activity">
            Activity
            <select className="input" value={activity} onChange={(e) => setActivity(e.target.value as Activity)} data-testid="finder-activity">
              {REFERENCE_ACTIVITIES.map((a) => (
                <option key={a} value={a}>
                  {activityLabel(a)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {mode === 'deal' ? (
          <DealPicker selectedId={dealId} onSelect={(id) => navigate(id === undefined ? 'references/finder' : `references/finder/${id}`)} />
        ) : (
          <ProfileForm initial={profile} onSubmit={setProfile} />
        )}
      </section>
      {input ? (
        <Results input={input} />
      ) : (
        <p className="muted finder-hint" data-testid="finder-empty">
          {mode === 'deal' ? 'Pick an open deal to see which references fit it, and which are held back and why.' : 'Describe the prospect and press Find references.'}
        </p>
      )}
    </div>
  );
}

function Results({ input }: { input: { dealId: number; activity: Activity } | { profile: ProspectProfile; activity: Activity } }) {
  const match = useQuery('leverage.match', input, LEVERAGE_DOMAINS);
  return <MatchResults match={match} />;
}
