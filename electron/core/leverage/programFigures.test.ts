import { expect, it } from 'vitest';
import { programFiguresOf } from './programFigures';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const req = (referenceId: number, status: string, requestedAt: string, completedAt: string | null = null) => ({ referenceId, status, requestedAt, completedAt });

it('acceptance, time to fulfil, most and least used, past SLA (hand-computed)', () => {
  const requests = [
    req(1, 'completed', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z'), // 4 days
    req(1, 'completed', '2026-01-10T00:00:00.000Z', '2026-01-20T00:00:00.000Z'), // 10 days
    req(2, 'completed', '2026-02-01T00:00:00.000Z', '2026-02-07T00:00:00.000Z'), // 6 days
    req(2, 'declined', '2026-02-02T00:00:00.000Z'),
    req(3, 'cancelled', '2026-02-03T00:00:00.000Z'),
    req(3, 'requested', '2026-02-25T00:00:00.000Z'), // open 4.5 days: past a 3-day SLA
    req(3, 'approved', '2026-02-27T00:00:00.000Z'), // 2.5 days: within
    req(1, 'completed', '2025-06-01T00:00:00.000Z', '2025-06-02T00:00:00.000Z'), // before the period
  ];
  const refs = [
    { id: 1, accountName: 'Acme', active: true },
    { id: 2, accountName: 'Globex', active: true },
    { id: 3, accountName: 'Initech', active: true },
    { id: 4, accountName: 'Umbrella', active: false },
  ];
  const f = programFiguresOf(requests, refs, { from: '2026-01-01', to: '2026-03-02' }, NOW, 3);
  expect(f.requests).toBe(7);
  // accepted: 3 completed + 1 approved = 4; decided 4 + 1 declined = 5
  expect(f.acceptance).toEqual({ rate: 80, accepted: 4, decided: 5 });
  expect(f.fulfilment).toEqual({ medianDays: 6, n: 3 });
  expect(f.mostUsed).toEqual([
    { referenceId: 1, accountName: 'Acme', uses: 2 },
    { referenceId: 2, accountName: 'Globex', uses: 1 },
  ]);
  expect(f.leastUsed.map((u) => [u.accountName, u.uses])).toEqual([
    ['Initech', 0],
    ['Globex', 1],
    ['Acme', 2],
  ]);
  expect(f.pastSla).toEqual({ count: 1, slaDays: 3 });
});

it('no requests: rates are null, not 0', () => {
  const f = programFiguresOf([], [], { from: '2026-01-01', to: '2026-03-01' }, NOW, 3);
  expect(f.acceptance.rate).toBeNull();
  expect(f.fulfilment.medianDays).toBeNull();
});
