/** The twelve months up to and including today: [today − 1 year + 1 day, tomorrow). */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
  return { from: day(from), to: day(to) };
}

/** What is wrong with a typed period, or undefined. */
export function periodError(period: { from: string; to: string }): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to)) return 'both dates are needed';
  if (period.from >= period.to) return '“To” must be after “From”';
  return undefined;
}
