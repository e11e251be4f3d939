import { useState, type FormEvent } from 'react';
import { NO_SEGMENT } from '../../../../shared/contract/accounts';
import type { ProspectProfile } from '../../../../shared/contract/leverage';
import { useQuery } from '../../api/useQuery';
import { Field } from '../../components/Field';
import { segmentLabel } from '../../lib/labels';
import { profileFromForm, profileToForm, type ProfileFormValues } from './profileForm';

/** A prospect typed by hand: every field optional, the facets of the workspace offered as suggestions. */
export function ProfileForm({ initial, onSubmit }: { initial: ProspectProfile | undefined; onSubmit: (profile: ProspectProfile) => void }) {
  const [values, setValues] = useState<ProfileFormValues>(() => profileToForm(initial));
  const [error, setError] = useState<string>();
  const facets = useQuery('accounts.facets', {}, ['accounts']);
  const set = (patch: Partial<ProfileFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = profileFromForm(values);
    if (!checked.ok) setError(checked.message);
    else {
      setError(undefined);
      onSubmit(checked.profile);
    }
  };
  const list = (name: string, options: readonly string[] | undefined) => (
    <datalist id={`profile-${name}-options`}>
      {(options ?? []).map((o) => (
        <option key={o} value={o} />
      ))}
    </datalist>
  );
  return (
    <form className="profile-form" onSubmit={submit} noValidate data-testid="profile-form">
      <div className="form-grid three">
        <Field label="Prospect" name="prospect" hint="checked against consent rules that exclude prospects by name">
          <input className="input" value={values.prospect} onChange={(e) => set({ prospect: e.target.value })} data-testid="profile-prospect" />
        </Field>
        <Field label="Industry" name="industry">
          <input className="input" list="profile-industry-options" value={values.industry} onChange={(e) => set({ industry: e.target.value })} data-testid="profile-industry" />
        </Field>
        <Field label="Segment" name="segment">
          <select className="input" value={values.segment} onChange={(e) => set({ segment: e.target.value })} data-testid="profile-segment">
            <option value="">Any</option>
            {/* '' is "Any" here: the facets' NO_SEGMENT (also '') is not a prospect's segment. */}
            {(facets.data?.segments ?? ['enterprise', 'mid_market', 'smb'])
              .filter((s) => s !== NO_SEGMENT)
              .map((s) => (
                <option key={s} value={s}>
                  {segmentLabel(s)}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Employees" name="employeeCount" hint="compared by size band: under 250, 250-2,499, 2,500+" error={error}>
          <input className="input" inputMode="numeric" value={values.employeeCount} onChange={(e) => set({ employeeCount: e.target.value })} data-testid="profile-employeeCount" />
        </Field>
        <Field label="Region" name="region">
          <input className="input" list="profile-region-options" value={values.region} onChange={(e) => set({ region: e.target.value })} data-testid="profile-region" />
        </Field>
        <Field label="Products" name="products" hint="separate several with commas">
          <input className="input" value={values.products} onChange={(e) => set({ products: e.target.value })} data-testid="profile-products" />
        </Field>
        <Field label="Use case" name="useCase">
          <input className="input" value={values.useCase} onChange={(e) => set({ useCase: e.target.value })} data-testid="profile-useCase" />
        </Field>
        <Field label="Competitor being displaced" name="competitor">
          <input className="input" value={values.competitor} onChange={(e) => set({ competitor: e.target.value })} data-testid="profile-competitor" />
        </Field>
      </div>
      {list('industry', facets.data?.industries)}
      {list('region', facets.data?.regions)}
      <button type="submit" className="button primary" data-testid="profile-submit">
        Find references
      </button>
    </form>
  );
}
