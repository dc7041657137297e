import { describe, expect, it } from "vitest";
import type { StoredEvent } from "@muster/protocol";
import { EventSequencer } from "./sequencer.ts";

function event(position: number): StoredEvent {
  return {
    type: "incident.closed",
    data: {},
    at: "2026-01-01T00:00:00.000Z",
    position,
    incidentId: "2026-0001",
    seq: position,
    commandId: null,
  };
}

const positions = (events: StoredEvent[]) => events.map((e) => e.position);

describe("EventSequencer", () => {
  it("releases events in position order", () => {
    const seq = new EventSequencer<StoredEvent>();
    expect(positions(seq.accept(event(1)))).toEqual([1]);
    expect(positions(seq.accept(event(2)))).toEqual([2]);
    expect(seq.position).toBe(2);
  });

  it("drops an event at or below the last position", () => {
    const seq = new EventSequencer<StoredEvent>();
    seq.accept(event(1));
    seq.accept(event(2));
    expect(seq.accept(event(2))).toEqual([]);
    expect(seq.accept(event(1))).toEqual([]);
    expect(seq.position).toBe(2);
  });

  it("holds events behind a gap until it is filled", () => {
    const seq = new EventSequencer<StoredEvent>();
    seq.accept(event(1));
    expect(seq.accept(event(4))).toEqual([]);
    expect(seq.accept(event(3))).toEqual([]);
    expect(seq.hasGap).toBe(true);

    expect(positions(seq.accept(event(2)))).toEqual([2, 3, 4]);
    expect(seq.hasGap).toBe(false);
  });

  it("skips to a kept position and releases what follows on", () => {
    const seq = new EventSequencer<StoredEvent>();
    seq.accept(event(3));
    seq.accept(event(5));
    seq.accept(event(6));

    expect(positions(seq.skipTo(4))).toEqual([5, 6]);
    expect(seq.position).toBe(6);
    expect(seq.hasGap).toBe(false);
    expect(seq.skipTo(2)).toEqual([]);
  });

  it("forgets held events past its limit, to be fetched again", () => {
    const seq = new EventSequencer<StoredEvent>(0, 2);
    seq.accept(event(3));
    seq.accept(event(4));
    seq.accept(event(5));
    expect(positions(seq.accept(event(1)))).toEqual([1]);
    expect(seq.hasGap).toBe(true);
  });
});
