import { describe, expect, it } from "vitest";
import { distanceKm } from "@muster/plan";
import { fromGcj02, toGcj02 } from "./gcj02.ts";

describe("GCJ-02 shift", () => {
  const wanghai = { lat: 30.55, lon: 120.99 };

  it("moves a point in China by a few hundred metres", () => {
    const km = distanceKm(wanghai, toGcj02(wanghai));
    expect(km).toBeGreaterThan(0.2);
    expect(km).toBeLessThan(0.8);
  });

  it("shifts a map click back to within a metre of the point", () => {
    const back = fromGcj02(toGcj02(wanghai));
    expect(distanceKm(wanghai, back)).toBeLessThan(0.001);
  });

  it("leaves points outside China alone", () => {
    const paris = { lat: 48.85, lon: 2.35 };
    expect(toGcj02(paris)).toEqual(paris);
  });
});
