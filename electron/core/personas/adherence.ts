import type { Channel } from '../../../shared/contract/common';
import { monthLabel } from '../metrics/period';

export type Preference = 'willing' | 'neutral' | 'unwilling';

/** An interaction with one of the persona's contacts. */
export interface ReachedContact {
  month: number;
  channel: Channel;
}

/**
 * Ideal-experience adherence: the share of interactions that reached the persona's contacts through
 * channels the persona is willing to use. A channel without a stated preference counts as neutral:
 * not a violation, and not adherence either.
 */
export function adherenceOf(interactions: readonly ReachedContact[], preferences: Partial<Record<Channel, Preference>>, months: { from: number; to: number }) {
  const counts = { willing: 0, neutral: 0, unwilling: 0 };
  const perMonth = new Map<number, { n: number; willing: number }>();
  for (let m = months.from; m < months.to; m++) perMonth.set(m, { n: 0, willing: 0 });
  for (const interaction of interactions) {
    const month = perMonth.get(interaction.month);
    if (!month) continue;
    const preference = preferences[interaction.channel] ?? 'neutral';
    counts[preference]++;
    month.n++;
    if (preference === 'willing') month.willing++;
  }
  const n = counts.willing + counts.neutral + counts.unwilling;
  return {
    share: n === 0 ? null : (counts.willing / n) * 100,
    n,
    ...counts,
    trend: [...perMonth].map(([month, m]) => ({ month: monthLabel(month), share: m.n === 0 ? null : (m.willing / m.n) * 100, n: m.n })),
  };
}

/** The channels that count as violations. */
export const unwillingChannels = (preferences: Partial<Record<Channel, Preference>>) =>
  (Object.keys(preferences) as Channel[]).filter((channel) => preferences[channel] === 'unwilling');
