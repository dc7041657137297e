/** The one source of time for the engine: real, or virtual in drills. */
export interface Clock {
  now(): number;
  /** Calls `fn` once the clock reaches `atMs`; returns a cancel function. */
  setTimer(atMs: number, fn: () => void): () => void;
}

// setTimeout takes at most 2^31-1 ms; longer waits are taken in steps.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The wall clock of the machine. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(atMs, fn) {
    let handle: ReturnType<typeof setTimeout>;
    const arm = () => {
      const delay = atMs - Date.now();
      if (delay > MAX_DELAY_MS) {
        handle = setTimeout(arm, MAX_DELAY_MS);
      } else {
        handle = setTimeout(fn, Math.max(0, delay));
      }
    };
    arm();
    return () => clearTimeout(handle);
  },
};
