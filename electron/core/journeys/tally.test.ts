import { describe, expect, it } from 'vitest';
import type { LinkedTicket } from './inputs';
import { actualOf, addTicket, emptyTally } from './tally';

const ticket = (fields: Partial<LinkedTicket>): LinkedTicket => ({
  id: 1,
  journeyTouchpointId: 1,
  segment: 'smb',
  month: 24_300,
  channel: 'email',
  priority: 'normal',
  topicKey: '',
  csat: null,
  firstResponse: null,
  resolution: null,
  ...fields,
});

describe('one hand-linked ticket in a tally', () => {
  it('counts as its cell would: volume, CSAT and satisfaction, and the times the card reads', () => {
    const tally = emptyTally();
    addTicket(tally, ticket({ csat: 4, firstResponse: 10, resolution: 40 }), 1, { firstResponse: true, resolution: false });
    addTicket(tally, ticket({ id: 2, csat: 2 }), 1, { firstResponse: true, resolution: false });
    expect(tally.volume).toBe(2);
    expect(actualOf('csat', tally)).toEqual({ value: 3, n: 2 });
    expect(tally.satisfaction).toEqual({ n: 2, sum: 75 + 25 });
    expect(tally.firstResponse[10]).toBe(1);
    expect(tally.resolution.every((count) => count === 0)).toBe(true);
  });

  it('taken away again leaves the tally as it was', () => {
    const tally = emptyTally();
    const linked = ticket({ csat: 5, firstResponse: 3, resolution: 7 });
    const times = { firstResponse: true, resolution: true };
    addTicket(tally, linked, 1, times);
    addTicket(tally, linked, -1, times);
    expect(tally).toEqual(emptyTally());
  });
});
