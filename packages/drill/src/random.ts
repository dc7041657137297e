/**
 * Seeded randomness for simulated units. Math.random is never used: a
 * drill run must come out the same for the same scenario and seed.
 */

/** A source of numbers in [0, 1), like Math.random but repeatable. */
export type Random = () => number;

/** FNV-1a over UTF-16 code units: a small, stable string hash. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: 32 bits of state, good enough for drill jitter. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * One independent stream per key (`unit:WH-P1:1`, `group:intel`), so a
 * unit's delays depend only on the seed and the unit, never on the order
 * in which other units happened to be simulated.
 */
export function streamFor(seed: number, key: string): Random {
  return mulberry32(hashText(`${seed}\u0000${key}`));
}

/** A whole number of milliseconds drawn uniformly from [minMs, maxMs]. */
export function drawMs(random: Random, minMs: number, maxMs: number): number {
  if (maxMs <= minMs) return minMs;
  return minMs + Math.floor(random() * (maxMs - minMs + 1));
}
