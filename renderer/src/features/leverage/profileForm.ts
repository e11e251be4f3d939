import type { ProspectProfile } from '../../../../shared/contract/leverage';

/** The prospect profile form as typed: text everywhere, products as one comma-separated field. */
export interface ProfileFormValues {
  prospect: string;
  industry: string;
  segment: string;
  employeeCount: string;
  region: string;
  products: string;
  useCase: string;
  competitor: string;
}

export function profileToForm(profile: ProspectProfile | undefined): ProfileFormValues {
  return {
    prospect: profile?.prospect ?? '',
    industry: profile?.industry ?? '',
    segment: profile?.segment ?? '',
    employeeCount: profile?.employeeCount === undefined ? '' : String(profile.employeeCount),
    region: profile?.region ?? '',
    products: (profile?.products ?? []).join(', '),
    useCase: profile?.useCase ?? '',
    competitor: profile?.competitor ?? '',
  };
}

/** The profile to match, empty fields left out; a size that is not a whole number is refused. */
export function profileFromForm(values: ProfileFormValues): { ok: true; profile: ProspectProfile } | { ok: false; message: string } {
  const profile: ProspectProfile = {};
  for (const key of ['prospect', 'industry', 'segment', 'region', 'useCase', 'competitor'] as const) {
    const value = values[key].trim();
    if (value) profile[key] = value;
  }
  const size = values.employeeCount.replace(/[\s,._']/g, '');
  if (size) {
    if (!/^\d+$/.test(size)) return { ok: false, message: 'must be a whole number of employees' };
    profile.employeeCount = Number(size);
  }
  const products = [
    ...new Set(
      values.products
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  if (products.length) profile.products = products;
  return { ok: true, profile };
}
