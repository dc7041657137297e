import type { Clock } from "@muster/engine";

interface Timer {
  at: number;
  /** Insertion order: timers due at the same instant fire in this order. */
  order: number;
  fn: () => void;
  cancelled: boolean;
}

/** True when `a` fires before `b`: earlier due time, then earlier insertion. */
function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

/**
 * A clock for drills: time stands still until the runner moves it, one
 * timer at a time, so cascades (a deadline that offers a replacement that
 * is accepted at once) interleave exactly as they would in real time.
 * Timers live in a binary heap ordered by (due time, insertion order).
 *
 * @example
 * const clock = new VirtualClock(Date.parse("2026-03-12T01:30:00Z"));
 * clock.setTimer(clock.now() + 5 * 60_000, () => log("five minutes"));
 * clock.fireNext(); // now() is 5 minutes later and the timer has run
 */
export class VirtualClock implements Clock {
  private ms: number;
  private heap: Timer[] = [];
  private inserted = 0;

  constructor(startMs: number) {
    this.ms = startMs;
  }

  now(): number {
    return this.ms;
  }

  setTimer(atMs: number, fn: () => void): () => void {
    const timer: Timer = {
      at: atMs,
      order: this.inserted++,
      fn,
      cancelled: false,
    };
    this.push(timer);
    // Cancelled timers stay in the heap and are skipped when they surface.
    return () => {
      timer.cancelled = true;
    };
  }

  /** When the next live timer is due, or null when none is armed. */
  nextDue(): number | null {
    this.dropCancelled();
    return this.heap[0]?.at ?? null;
  }

  /**
   * Moves time to the next timer and runs it. A timer set in the past runs
   * at the current time: virtual time never goes backwards. Returns false
   * when no timer is armed.
   */
  fireNext(): boolean {
    this.dropCancelled();
    const timer = this.pop();
    if (!timer) return false;
    this.ms = Math.max(this.ms, timer.at);
    timer.cancelled = true;
    timer.fn();
    return true;
  }

  /** Moves time forward without firing anything (never backwards). */
  advanceTo(ms: number): void {
    this.ms = Math.max(this.ms, ms);
  }

  private dropCancelled(): void {
    while (this.heap[0]?.cancelled) this.pop();
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && before(heap[right]!, heap[least]!)) {
        least = right;
      }
      if (least === i) break;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
    return top;
  }
}
