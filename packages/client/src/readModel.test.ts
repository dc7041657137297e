import { describe, expect, it } from "vitest";
import type { IncidentState } from "@muster/engine";
import type { StoredEvent } from "@muster/protocol";
import { ReadModel } from "./readModel.ts";

const event = (incidentId: string, type: string, position: number) =>
  ({ incidentId, type, position, data: {} }) as unknown as StoredEvent;
const reduce = (state: IncidentState | undefined, e: StoredEvent) =>
  ({ ...state, incidentId: e.incidentId, seq: e.position }) as IncidentState;

describe("ReadModel", () => {
  const log = [
    event("A", "incident.reported", 1),
    event("B", "incident.reported", 2),
    event("A", "incident.closed", 3),
  ];

  it("keeps closed incidents by default", () => {
    const model = new ReadModel(reduce);
    model.apply(log);
    expect([...model.publish().incidents.keys()]).toEqual(["A", "B"]);
  });

  it("forgets a closed incident and its timeline when asked to", () => {
    const model = new ReadModel(reduce, { forgetClosed: true });
    model.apply(log);
    const { incidents, timelines } = model.publish();
    expect([...incidents.keys()]).toEqual(["B"]);
    expect([...timelines.keys()]).toEqual(["B"]);
  });

  it("leaves chosen types out of timelines but folds them", () => {
    const model = new ReadModel(reduce, {
      timeline: { leaveOut: ["unit.moved"] },
    });
    model.apply([
      event("A", "incident.reported", 1),
      event("A", "unit.moved", 2),
    ]);
    const { incidents, timelines } = model.publish();
    expect(incidents.get("A")?.seq).toBe(2);
    expect(timelines.get("A")?.map((e) => e.position)).toEqual([1]);
  });

  it("keeps the newest events only, never changing a published one", () => {
    const model = new ReadModel(reduce, { timeline: { keepLast: 2 } });
    model.apply([1, 2, 3].map((n) => event("A", "unit.acknowledged", n)));
    const first = model.publish().timelines.get("A");
    model.apply([event("A", "unit.enRoute", 4)]);
    const second = model.publish().timelines.get("A");
    expect(first?.map((e) => e.position)).toEqual([2, 3]);
    expect(second?.map((e) => e.position)).toEqual([3, 4]);
  });
});
