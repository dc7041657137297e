/** How long to wait before retry number `attempt` (0-based). */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/** The default: 0.5 s doubling to a cap of 10 s. */
export const defaultBackoff: BackoffOptions = { initialMs: 500, maxMs: 10_000 };

/**
 * Exponential backoff with a cap and ±20 % jitter, so that a room full of
 * tablets that lost the network together does not retry in lockstep.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const exp = options.initialMs * 2 ** Math.min(attempt, 30);
  const capped = Math.min(exp, options.maxMs);
  const jitter = 1 + (Math.random() - 0.5) * 0.4;
  return Math.round(capped * jitter);
}

/**
 * A sleep that can be cut short: `wake()` ends every sleep in progress,
 * used when the connection comes back so queued work goes out at once.
 */
export class Waiter {
  readonly #sleepers = new Set<() => void>();

  /** Resolves after `ms`, or earlier on `wake()`. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#sleepers.add(done);
    });
  }

  /** Ends every sleep in progress. */
  wake(): void {
    for (const done of [...this.#sleepers]) done();
  }
}
