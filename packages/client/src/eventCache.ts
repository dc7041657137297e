import type { WireEvent as StoredEvent } from "@muster/protocol";

/** What an event cache holds: open incidents' events up to a position. */
export interface CachedEvents {
  /**
   * Global position the cache is complete up to: every event at or
   * before it of an incident still open is in `events`.
   */
  position: number;
  /** Time (`at`) of the event at `position`, null when empty. */
  lastEventAt: string | null;
  /** The open incidents' events, in position order. */
  events: StoredEvent[];
}

/** Events the client applied, following on from position `after`. */
export interface CachedBatch {
  /** Position of the last event applied before these. */
  after: number;
  /** Gap-free and in order: the first is at `after + 1`. */
  events: readonly StoredEvent[];
}

/**
 * Where a client keeps the events it applied, so that a page reopened
 * without a network shows what it knew before any connection, and then
 * asks the server only for what came after.
 *
 * Implementations keep the events of incidents not yet closed (closed is
 * final, so nothing of a closed incident is needed again) and must stay
 * complete up to their position: a batch that does not follow on from
 * the stored position is skipped, never stored with a hole before it.
 */
export interface EventCache {
  /** The kept events; an empty cache at position 0 when there are none. */
  load(): Promise<CachedEvents>;
  /** Keeps a batch, if it follows on from what is kept. */
  append(batch: CachedBatch): Promise<void>;
  /** Forgets everything kept: the server no longer has these events. */
  clear(): Promise<void>;
}

/** The empty cache: nothing kept, position 0. */
export const emptyCache: CachedEvents = Object.freeze({
  position: 0,
  lastEventAt: null,
  events: [],
});

/**
 * The part of a batch past `position`, or null when the batch does not
 * follow on from it (an earlier batch was lost: storing this one would
 * leave a hole that a resumed subscription never fills).
 */
export function newPart(
  batch: CachedBatch,
  position: number,
): readonly StoredEvent[] | null {
  if (batch.after > position) return null;
  return batch.events.filter((e) => e.position > position);
}

/** Incidents that a batch closes: their events can be forgotten. */
export function closedIn(events: readonly StoredEvent[]): Set<string> {
  const closed = new Set<string>();
  for (const e of events) {
    if (e.type === "incident.closed") closed.add(e.incidentId);
  }
  return closed;
}

/**
 * An event cache that lives as long as the object: for tests, and for a
 * client made again within one page.
 */
export class MemoryEventCache implements EventCache {
  #kept: CachedEvents = emptyCache;

  load(): Promise<CachedEvents> {
    return Promise.resolve({ ...this.#kept, events: [...this.#kept.events] });
  }

  append(batch: CachedBatch): Promise<void> {
    const fresh = newPart(batch, this.#kept.position);
    const last = fresh?.at(-1);
    if (!fresh || !last) return Promise.resolve();

    const closed = closedIn(fresh);
    const events = [...this.#kept.events, ...fresh].filter(
      (e) => !closed.has(e.incidentId),
    );
    this.#kept = { position: last.position, lastEventAt: last.at, events };
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.#kept = emptyCache;
    return Promise.resolve();
  }
}
