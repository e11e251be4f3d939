import { useState } from 'react';
import { REFERENCE_ACTIVITIES } from '../../../../shared/contract/common';
import { call } from '../../api/client';
import { useAction } from '../../api/useAction';
import { FormDialog } from '../../components/FormDialog';
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
  const [missing, setMissing] = useState<string>();
  const grant = useAction(async () => {
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
  });
  const known = { grantedAt: missing ?? grant.failure?.issueFor('grantedAt'), expiresAt: grant.failure?.issueFor('expiresAt'), rules: grant.failure?.issueFor('rules') };
  const errors = { ...known, form: grant.failure && !Object.values(known).some(Boolean) ? grant.failure.message : undefined };

  const submit = () => {
    setMissing(grantedOn ? undefined : 'Say when the consent was given');
    if (!grantedOn) return grant.reset();
    void grant.run();
  };

  return (
    <FormDialog
      title={`Record consent from ${contactName}`}
      testId="grant-consent-dialog"
      onClose={onClose}
      onSubmit={submit}
      wide
      error={errors.form}
      submitLabel="Record consent"
      busyLabel="Saving…"
      busy={grant.busy}
      submitTestId="grant-consent-submit"
    >
      <div className="form-grid">
        <Field label="Activity" name="activity" required>
          <select className="input" value={activity} onChange={(e) => setActivity(e.target.value as Activity)} data-testid="input-activity" data-autofocus>
            {REFERENCE_ACTIVITIES.map((code) => (
              <option key={code} value={code}>
                {activityLabel(code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Given on" name="grantedAt" error={errors.grantedAt} required>
          <input className="input" type="date" value={grantedOn} onChange={(e) => setGrantedOn(e.target.value)} data-testid="input-grantedAt" />
        </Field>
        <Field label="Expires on" name="expiresAt" error={errors.expiresAt} hint="Leave empty for no expiry">
          <input className="input" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} data-testid="input-expiresAt" />
        </Field>
        <Field label="Restrictions in their words" name="restrictions" wide>
          <textarea
            className="input"
            rows={2}
            value={restrictions}
            onChange={(e) => setRestrictions(e.target.value)}
            placeholder="e.g. EMEA prospects only, no competitors of Initech"
            maxLength={1000}
            data-testid="input-restrictions"
          />
        </Field>
      </div>
      <RulesEditor drafts={rules} onChange={setRules} error={errors.rules} />
    </FormDialog>
  );
}
