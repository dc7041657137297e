import { describe, expect, it } from "vitest";
import type { IncidentState, TierState, UnitAssignment } from "@muster/engine";
import { byGravity, currentDispatches, tierClock } from "./incidents.ts";

const tier: TierState = {
  tier: "police",
  clockMinutes: 5,
  dispatchedAt: "2026-01-01T08:00:00.000Z",
  deadline: "2026-01-01T08:05:00.000Z",
  assemblyPoint: { lat: 30.55, lon: 120.99 },
  status: "running",
  lateAt: null,
  assembledAt: null,
  minutes: null,
  onTime: null,
};

function incident(patch: Partial<IncidentState>): IncidentState {
  return {
    incidentId: "2026-0001",
    phase: "responding",
    level: "III",
    reportedAt: "2026-01-01T08:00:00.000Z",
    units: [],
    ...patch,
  } as IncidentState;
}

function unit(patch: Partial<UnitAssignment>): UnitAssignment {
  return {
    callsign: "WH-P1",
    tier: "police",
    status: "dispatched",
    dispatchedAt: "2026-01-01T08:00:00.000Z",
    ...patch,
  } as UnitAssignment;
}

describe("tierClock", () => {
  const at = (iso: string) => Date.parse(iso);

  it("runs down to the deadline", () => {
    const clock = tierClock(tier, at("2026-01-01T08:02:30.000Z"));
    expect(clock.status).toBe("running");
    expect(clock.remainingMs).toBe(150_000);
    expect(clock.fractionLeft).toBe(0.5);
  });

  it("marks a tier late the moment its deadline passes", () => {
    expect(tierClock(tier, at("2026-01-01T08:05:00.000Z")).status).toBe(
      "running",
    );
    expect(tierClock(tier, at("2026-01-01T08:05:00.001Z")).status).toBe("late");
  });

  it("keeps an assembled tier assembled past its deadline", () => {
    const assembled = { ...tier, status: "assembled" as const };
    expect(tierClock(assembled, at("2026-01-01T09:00:00.000Z")).status).toBe(
      "assembled",
    );
  });
});

describe("byGravity", () => {
  it("puts Level I before III and settled incidents last", () => {
    const list = [
      incident({ incidentId: "A", level: "III" }),
      incident({ incidentId: "B", level: "I", phase: "resolved" }),
      incident({ incidentId: "C", level: "I" }),
      incident({ incidentId: "D", level: "watch", phase: "watch" }),
    ];
    expect(list.sort(byGravity).map((i) => i.incidentId)).toEqual([
      "C",
      "A",
      "D",
      "B",
    ]);
  });
});

describe("currentDispatches", () => {
  it("takes a unit's latest assignment still in force", () => {
    const first = incident({
      incidentId: "A",
      units: [unit({ status: "released" })],
    });
    const second = incident({
      incidentId: "B",
      units: [unit({ dispatchedAt: "2026-01-01T09:00:00.000Z" })],
    });
    const closed = incident({
      incidentId: "C",
      phase: "closed",
      units: [unit({ dispatchedAt: "2026-01-01T10:00:00.000Z" })],
    });
    const map = new Map([first, second, closed].map((i) => [i.incidentId, i]));

    expect(currentDispatches(map).get("WH-P1")?.incident.incidentId).toBe("B");
  });
});
