import { describe, expect, it } from 'vitest';
import { adherenceOf, unwillingChannels } from './adherence';

const JAN = 2026 * 12;

describe('ideal-experience adherence', () => {
  const preferences = { email: 'willing', chat: 'willing', phone: 'unwilling', in_person: 'neutral' } as const;

  it('is the share of interactions through willing channels, with a monthly trend', () => {
    const result = adherenceOf(
      [
        { month: JAN, channel: 'email' },
        { month: JAN, channel: 'chat' },
        { month: JAN, channel: 'phone' },
        { month: JAN, channel: 'in_person' },
        { month: JAN + 1, channel: 'email' },
        { month: JAN + 1, channel: 'webinar' }, // no stated preference: neutral
        { month: JAN + 5, channel: 'phone' }, // outside the period
      ],
      preferences,
      { from: JAN, to: JAN + 3 },
    );
    expect(result).toMatchObject({ share: 50, n: 6, willing: 3, neutral: 2, unwilling: 1 });
    expect(result.trend).toEqual([
      { month: '2026-01', share: 50, n: 4 },
      { month: '2026-02', share: 50, n: 2 },
      { month: '2026-03', share: null, n: 0 },
    ]);
  });

  it('has no share without interactions, and names the violating channels', () => {
    expect(adherenceOf([], preferences, { from: JAN, to: JAN + 1 }).share).toBeNull();
    expect(unwillingChannels(preferences)).toEqual(['phone']);
  });
});
