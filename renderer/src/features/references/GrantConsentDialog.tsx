import { useState } from 'react';
import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { rulesFromDrafts, type RuleDraft } from './consentRules';
import { activityLabel } from './labels';
import { RulesEditor } from './RulesEditor';

type Activity = (typeof REFERENCE_ACTIVITIES)[number];
const today = () => new Date().toISOString().slice(0, 10);
/** Two years: what reference programmes commonly ask for before renewing consent. */
const inTwoYears = () => {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 2);
  return date.toISOString().slice(0, 10);
};
/** A date typed in the form as the start of that day in UTC, the way dates are stored. */
const dayStart = (ymd: string) => `${ymd}T00:00:00.000Z`;

/** Record what the contact agreed to: the activity, from when, until when, and on which conditions. */
export function GrantConsentDialog({ referenceId, contactName, onClose }: { referenceId: number; contactName: string; onClose: () => void }) {
  const [activity, setActivity] = useState<Activity>('reference_call');
  const [grantedOn, setGrantedOn] = useState(today);
  const [expiresOn, setExpiresOn] = useState(inTwoYears);
  const [restrictions, setRestrictions] = useState('');
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const [errors, setErrors] = useState<Partial<Record<'grantedAt' | 'expiresAt' | 'rules' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!grantedOn) return setErrors({ grantedAt: 'Say when the consent was given' });
    setBusy(true);
    try {
      await call('references.grantConsent', {
        referenceId,
        activity,
        grantedBy: contactName,
        // Given today: the moment of recording, so it is valid at once.
        grantedAt: grantedOn === today() ? undefined : dayStart(grantedOn),
        expiresAt: expiresOn ? dayStart(expiresOn) : null,
        restrictions: restrictions.trim() || null,
        rules: rulesFromDrafts(rules),
      });
      onClose();
    } catch (failure) {
      setBusy(false);
      const api = failure instanceof ApiError ? failure : undefined;
      const known = { grantedAt: api?.issueFor('grantedAt'), expiresAt: api?.issueFor('expiresAt'), rules: api?.issueFor('rules') };
      setErrors({ ...known, form: Object.values(known).some(Boolean) ? undefined : (failure as Error).message });
    }
  };

  return (
    <Dialog title={`Record consent from ${contactName}`} onClose={onClose} testId="grant-consent-dialog" wide>
      <form className="dialog-body" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        {errors.form && <p className="form-error" role="alert">{errors.form}</p>}
        <div className="form-grid">
          <Field label="Activity" name="activity" required>
            <select className="input" value={activity} onChange={(e) => setActivity(e.target.value as Activity)} data-testid="input-activity" data-autofocus>
              {REFERENCE_ACTIVITIES.map((code) => <option key={code} value={code}>{activityLabel(code)}</option>)}
            </select>
          </Field>
          <Field label="Given on" name="grantedAt" error={errors.grantedAt} required>
            <input className="input" type="date" value={grantedOn} onChange={(e) => setGrantedOn(e.target.value)} data-testid="input-grantedAt" />
          </Field>
          <Field label="Expires on" name="expiresAt" error={errors.expiresAt} hint="Leave empty for no expiry">
            <input className="input" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} data-testid="input-expiresAt" />
          </Field>
          <Field label="Restrictions in their words" name="restrictions" wide>
            <textarea className="input" rows={2} value={restrictions} onChange={(e) => setRestrictions(e.target.value)} placeholder="e.g. EMEA prospects only, no competitors of Initech" maxLength={1000} data-testid="input-restrictions" />
          </Field>
        </div>
        <RulesEditor drafts={rules} onChange={setRules} error={errors.rules} />
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" disabled={busy} data-testid="grant-consent-submit">{busy ? 'Saving…' : 'Record consent'}</button>
        </footer>
      </form>
    </Dialog>
  );
}
