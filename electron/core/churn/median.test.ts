import { describe, expect, it } from 'vitest';
import { median } from './features';

/** The median by a full sort: what selection must agree with. */
const bySort = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

describe('median by selection (churn features: median first response and resolution)', () => {
  it('hand-computed: odd, even, ties, one value, none', () => {
    expect(median(Float64Array.from([5, 1, 3]), 3)).toBe(3);
    expect(median(Float64Array.from([4, 1, 3, 2]), 4)).toBe(2.5);
    expect(median(Float64Array.from([2, 2, 2, 1, 9, 2]), 6)).toBe(2);
    expect(median(Float64Array.from([7]), 1)).toBe(7);
    expect(median(new Float64Array(4), 0)).toBeNull();
    // Only the first n values count (a scratch buffer longer than the account's tickets).
    expect(median(Float64Array.from([3, 1, 2, 100, 100]), 3)).toBe(2);
  });

  it('equals the sorted median on seeded random buffers of every size up to 200', () => {
    let s = 7;
    const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 100;
    for (let n = 1; n <= 200; n++) {
      // Rounded values make ties, which a partition must get through.
      const xs = Array.from({ length: n }, () => (n % 3 === 0 ? Math.round(random() / 10) : random()));
      expect(median(Float64Array.from(xs), n), `n ${n}`).toBe(bySort(xs));
    }
  });
});
