import { cesFromCounts } from './ces';
import { csatFromCounts } from './csat';
import { figure } from './figure';
import { npsFromCounts } from './nps';
import { nsatFromCounts } from './nsat';
import { L } from './rollups/layout';

// Satisfaction figures from merged rollup counters: the pure functions get the same counts the
// raw answers would give them, so these figures are exact (not approximate).

const slice = (counts: Float64Array, block: { start: number; length: number }) => Array.from(counts.subarray(block.start, block.start + block.length));

export function satisfactionFigures(counts: Float64Array) {
  const nps = slice(counts, L.nps);
  const csat = slice(counts, L.csat);
  const nsat = slice(counts, L.nsat);
  const ces = slice(counts, L.ces);
  const [champions, moralSupporters, captives, rebels] = slice(counts, L.advocates) as [number, number, number, number];
  return {
    nps: { ...figure('nps', npsFromCounts(nps)), distribution: nps },
    csat: { ...figure('csat', csatFromCounts(csat)), distribution: csat },
    nsat: {
      ...figure(
        'nsat',
        nsatFromCounts({
          verySatisfied: nsat[0]!,
          somewhatSatisfied: nsat[1]!,
          somewhatDissatisfied: nsat[2]!,
          veryDissatisfied: nsat[3]!,
          dontKnow: nsat[4]!,
          notApplicable: nsat[5]!,
        }),
      ),
      distribution: nsat,
    },
    ces: { ...figure('ces', cesFromCounts(ces)), distribution: ces },
    advocates: { n: champions + moralSupporters + captives + rebels, champions, moralSupporters, captives, rebels },
  };
}
