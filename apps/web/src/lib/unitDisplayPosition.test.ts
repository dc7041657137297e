import { describe, expect, it } from "vitest";
import { unitDisplayPosition } from "./unitDisplayPosition.ts";

const unit = { home: { lat: 30.5, lon: 121 }, speedKmh: 36 };
const point = { lat: 30.6, lon: 121 };
const t0 = Date.parse("2026-01-01T08:00:00.000Z");
const base = {
  status: "enRoute" as const,
  enRouteAt: "2026-01-01T08:00:00.000Z",
  acknowledgedAt: "2026-01-01T07:59:00.000Z",
  position: null,
};

describe("unitDisplayPosition", () => {
  it("draws a unit at the position its tablet reported", () => {
    const position = { lat: 30.52, lon: 121.01, at: "2026-01-01T08:00:30Z" };
    expect(
      unitDisplayPosition(unit, { ...base, position }, point, t0 + 60_000),
    ).toEqual({ lat: 30.52, lon: 121.01 });
  });

  it("estimates along the line when no position was reported", () => {
    // 36 km/h for 5 minutes is 3 km of the ~11 km to the point.
    const at = unitDisplayPosition(unit, base, point, t0 + 300_000);
    expect(at.lat).toBeGreaterThan(30.52);
    expect(at.lat).toBeLessThan(30.53);
  });

  it("keeps a unit at home before it sets off, at the point once there", () => {
    const waiting = { ...base, status: "dispatched" as const, enRouteAt: null };
    expect(unitDisplayPosition(unit, waiting, point, t0)).toEqual(unit.home);
    const there = { ...base, status: "assembled" as const };
    expect(unitDisplayPosition(unit, there, point, t0)).toEqual(point);
  });
});
