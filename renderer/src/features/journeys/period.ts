/** The periods a map is measured over, as the core's whole-month `from`/`to` (to exclusive). */
export const PERIODS = [
  { id: 'last12', label: 'Last 12 months', months: 12, back: 0 },
  { id: 'last6', label: 'Last 6 months', months: 6, back: 0 },
  { id: 'last3', label: 'Last 3 months', months: 3, back: 0 },
  { id: 'previous12', label: 'The 12 months before', months: 12, back: 12 },
] as const;
export type PeriodId = (typeof PERIODS)[number]['id'];

const monthStart = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month, 1));
  return d.toISOString().slice(0, 10);
};

/** Up to and including the current month, like the dashboard. */
export function periodInput(id: PeriodId, today: Date): { from: string; to: string } {
  const period = PERIODS.find((p) => p.id === id)!;
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1 - period.back;
  return { from: monthStart(year, month - period.months), to: monthStart(year, month) };
}

/** "Dec 2025 – Nov 2026": the months a whole-month period covers (`to` is exclusive). */
export function periodRange(from: string, to: string, locale?: string): string {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() - 1);
  const name = (ymd: string) => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd.slice(0, 7)}-01T00:00:00Z`));
  return `${name(from)} – ${name(end.toISOString())}`;
}
