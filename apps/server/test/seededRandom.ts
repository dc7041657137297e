/**
 * A small seeded generator (xorshift32), so that a failing fault run can
 * be replayed. Each actor takes its own stream with `fork`: the choices
 * one actor makes then do not depend on how the others interleave.
 */
export class SeededRandom {
  readonly seed: number;
  #state: number;

  constructor(seed: number) {
    this.seed = seed;
    // Mixed, and never zero: xorshift stays at zero once there.
    this.#state = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
  }

  /** A number in [0, 1). */
  next(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state / 2 ** 32;
  }

  /** A number in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An independent stream for actor number `n`. */
  fork(n: number): SeededRandom {
    return new SeededRandom(this.seed + Math.imul(n + 1, 0x27d4eb2d));
  }
}
