import { isWithheld, type StoredEvent, type WireEvent } from "@muster/protocol";
import type { IncidentState } from "@muster/engine";

/** Applies one event to an incident; the engine's `applyEvent`. */
export type IncidentReducer = (
  state: IncidentState | undefined,
  event: StoredEvent,
) => IncidentState;

/** What each incident's timeline keeps; every event by default. */
export interface TimelineOptions {
  /**
   * Event types kept out of timelines; they still fold into the incident
   * (a unit's position lives in its assignment).
   */
  leaveOut?: readonly string[];
  /** Keeps only the newest this many events of each incident. */
  keepLast?: number;
}

/**
 * The incidents and their timelines, folded from events in order, with
 * copy-on-write between publications: maps and timelines handed out by
 * `publish()` are never mutated afterwards, yet a burst of events costs
 * one copy of each map, not one per event.
 */
export class ReadModel {
  readonly #reduce: IncidentReducer;
  #incidents = new Map<string, IncidentState>();
  #timelines = new Map<string, StoredEvent[]>();
  #ownMaps = false;
  readonly #ownTimelines = new Set<string>();
  #changed = false;

  readonly #forgetClosed: boolean;
  readonly #leaveOut: ReadonlySet<string>;
  readonly #keepLast: number;

  constructor(
    reduce: IncidentReducer,
    options: { forgetClosed?: boolean; timeline?: TimelineOptions } = {},
  ) {
    this.#reduce = reduce;
    this.#forgetClosed = options.forgetClosed ?? false;
    this.#leaveOut = new Set(options.timeline?.leaveOut);
    this.#keepLast = options.timeline?.keepLast ?? Infinity;
  }

  /** True when events were applied since the last `publish()`. */
  get changed(): boolean {
    return this.#changed;
  }

  /** Applies events that are already in position order. */
  apply(received: readonly WireEvent[]): void {
    // Withheld events only keep positions in step: nothing to fold.
    const events = received.filter((e) => !isWithheld(e));
    if (events.length === 0) return;
    if (!this.#ownMaps) {
      this.#incidents = new Map(this.#incidents);
      this.#timelines = new Map(this.#timelines);
      this.#ownMaps = true;
    }

    for (const event of events) {
      const id = event.incidentId;
      if (this.#forgetClosed && event.type === "incident.closed") {
        // Closed is final (nothing follows it), so nothing is lost.
        this.#incidents.delete(id);
        this.#timelines.delete(id);
        this.#ownTimelines.delete(id);
        continue;
      }
      this.#fold(id, event);
      if (!this.#leaveOut.has(event.type)) this.#append(id, event);
    }
    this.#changed = true;
  }

  /** Forgets every incident and timeline, to fold the log again. */
  reset(): void {
    this.#incidents = new Map();
    this.#timelines = new Map();
    this.#ownMaps = true;
    this.#ownTimelines.clear();
    this.#changed = true;
  }

  /** Hands out the current maps; later changes go to fresh copies. */
  publish(): {
    incidents: ReadonlyMap<string, IncidentState>;
    timelines: ReadonlyMap<string, readonly StoredEvent[]>;
  } {
    this.#ownMaps = false;
    this.#ownTimelines.clear();
    this.#changed = false;
    return { incidents: this.#incidents, timelines: this.#timelines };
  }

  #fold(id: string, event: StoredEvent): void {
    try {
      this.#incidents.set(id, this.#reduce(this.#incidents.get(id), event));
    } catch {
      // An event the fold cannot take (say, an update whose report this
      // client never saw) must not stop the stream: the timeline keeps
      // it and the incident stays as it was.
    }
  }

  #append(id: string, event: StoredEvent): void {
    let timeline = this.#timelines.get(id);
    if (!timeline || !this.#ownTimelines.has(id)) {
      // The copy on write takes only what the cap lets stay.
      timeline = timeline ? timeline.slice(-this.#keepLast) : [];
      this.#timelines.set(id, timeline);
      this.#ownTimelines.add(id);
    }
    timeline.push(event);
    if (timeline.length > this.#keepLast) {
      timeline.splice(0, timeline.length - this.#keepLast);
    }
  }
}
