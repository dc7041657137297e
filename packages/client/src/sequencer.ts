/**
 * Puts events into global position order: releases each event only when
 * every earlier position has been released, drops duplicates and holds
 * events that arrive ahead of a gap until the gap is filled.
 *
 * @example
 * const seq = new EventSequencer();
 * seq.accept(second); // [] — position 1 is missing
 * seq.accept(first); // [first, second]
 */
export class EventSequencer<E extends { position: number }> {
  #position: number;
  readonly #ahead = new Map<number, E>();
  readonly #maxAhead: number;

  constructor(position = 0, maxAhead = 10_000) {
    this.#position = position;
    this.#maxAhead = maxAhead;
  }

  /** The position of the last event released, 0 before any. */
  get position(): number {
    return this.#position;
  }

  /** True while events are held behind a missing position. */
  get hasGap(): boolean {
    return this.#ahead.size > 0;
  }

  /** Takes one event and returns the events now ready, in order. */
  accept(event: E): E[] {
    if (event.position <= this.#position) return [];
    if (event.position > this.#position + 1) {
      this.#holdAhead(event);
      return [];
    }

    const ready = [event];
    this.#position = event.position;
    for (;;) {
      const next = this.#ahead.get(this.#position + 1);
      if (!next) break;
      this.#ahead.delete(next.position);
      ready.push(next);
      this.#position = next.position;
    }
    return ready;
  }

  /**
   * Moves to a position known by other means (events kept on the device)
   * and returns the held events that now follow on, in order.
   */
  skipTo(position: number): E[] {
    if (position <= this.#position) return [];
    this.#position = position;
    for (const held of this.#ahead.keys()) {
      if (held <= position) this.#ahead.delete(held);
    }
    const next = this.#ahead.get(position + 1);
    if (!next) return [];
    this.#ahead.delete(next.position);
    return this.accept(next);
  }

  /** Starts over from position 0, forgetting everything held. */
  reset(): void {
    this.#position = 0;
    this.#ahead.clear();
  }

  #holdAhead(event: E): void {
    // A client far behind would otherwise hoard the live stream while it
    // catches up; held events are only a shortcut, the catch-up brings
    // them again, so forgetting them costs a little bandwidth, nothing else.
    if (this.#ahead.size >= this.#maxAhead) this.#ahead.clear();
    this.#ahead.set(event.position, event);
  }
}
