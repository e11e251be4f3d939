// Seeded randomness for the demo generator. Everything random in a demo workspace comes from
// here, so the same seed gives the same file on every machine and every run.

/** mulberry32: tiny and fast, and its 32-bit state is plenty for demo data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a over the parts: turns a user's seed (number or word) plus a stream name into a 32-bit
 * seed. Each account gets its own stream, so account 17 looks the same whatever the total count.
 */
export function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal scaled to mean and sd (Box-Muller; one pair of draws per call keeps the stream simple). */
  normal(mean: number, sd: number): number;
  /** Log-normal given its median and the sd of its logarithm: waiting times have this long right tail. */
  logNormal(median: number, sigma: number): number;
  /** Poisson count; the normal approximation above 30 is indistinguishable here and O(1). */
  poisson(mean: number): number;
  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const normal = (mean: number, sd: number) => {
    const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal,
    logNormal: (median, sigma) => median * Math.exp(normal(0, sigma)),
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
      const limit = Math.exp(-mean);
      let count = 0;
      for (let p = next(); p > limit; p *= next()) count++;
      return count;
    },
    sample(items, n) {
      const pool = items.slice();
      const out: (typeof items)[number][] = [];
      while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
  };
}

/**
 * A weighted choice prepared once (cumulative weights), for the hot paths that pick a channel or
 * a priority two million times.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const [, weight] of entries) cumulative.push((running += weight / total));
  return (rng) => {
    const r = rng.next();
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return entries[i]![0];
    return entries[entries.length - 1]![0];
  };
}

export const clamp = (value: number, min: number, max: number) => (value < min ? min : value > max ? max : value);
