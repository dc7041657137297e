import { beforeAll, describe, expect, it } from "vitest";
import { defaultPlanFile, loadPlan } from "./load.ts";
import {
  districtAt,
  distanceKm,
  echelonFor,
  groupById,
  isCountyLed,
  postRef,
  tierById,
  travelMinutes,
  unitByCallsign,
} from "./lookup.ts";
import type { Plan } from "./schema.ts";

let plan: Plan;
beforeAll(() => {
  plan = loadPlan(defaultPlanFile);
});

describe("echelonFor", () => {
  it("stands nothing up at watch", () => {
    expect(echelonFor(plan, "watch")).toBeUndefined();
  });

  it("gives Level III to the deputy for stability with three groups", () => {
    const echelon = echelonFor(plan, "III");

    expect(echelon?.commander).toBe("deputy-stability");
    expect(echelon?.groups).toEqual(["intel", "onsite", "mediation"]);
    expect(echelon?.tiers).toEqual([
      "police",
      "standby",
      "departments",
      "volunteers",
    ]);
  });

  it("adds county notice, mutual aid and every tier at Level I", () => {
    const echelon = echelonFor(plan, "I");

    expect(echelon?.notifyCounty).toBe(true);
    expect(echelon?.requestMutualAid).toBe(true);
    expect(echelon?.tiers).toHaveLength(8);
  });
});

describe("lookups by id", () => {
  it("finds tiers, units and groups, and nothing for unknown ids", () => {
    expect(tierById(plan, "x.fire")?.clockMinutes).toBe(15);
    expect(unitByCallsign(plan, "WH-P1")?.tier).toBe("police");
    expect(groupById(plan, "oversight")?.name.zh).toBe("工作督导组");
    expect(tierById(plan, "x.navy")).toBeUndefined();
    expect(unitByCallsign(plan, "ZZ-9")).toBeUndefined();
  });

  it("describes a post with the person on duty", () => {
    expect(postRef(plan, "director")).toEqual({
      post: "director",
      name: { zh: "街道办事处主任", en: "Subdistrict director" },
      onDuty: { zh: "值班领导（丙班）", en: "duty leader, roster C" },
    });
    expect(postRef(plan, "mayor")).toBeUndefined();
  });
});

describe("isCountyLed", () => {
  it("makes Level I county-led and Level II not", () => {
    expect(isCountyLed(plan, "I")).toBe(true);
    expect(isCountyLed(plan, "II")).toBe(false);
  });
});

describe("districtAt", () => {
  it("places every seat in its own district", () => {
    for (const district of plan.districts) {
      expect(districtAt(plan, district.seat).id).toBe(district.id);
    }
  });

  it("places every unit's home in the unit's district", () => {
    for (const unit of plan.units) {
      expect(districtAt(plan, unit.home).id, unit.callsign).toBe(unit.district);
    }
  });

  it("falls back to the nearest seat outside every boundary", () => {
    // Out in Hangzhou Bay, south of Wuyuan.
    expect(districtAt(plan, { lat: 30.4, lon: 120.93 }).id).toBe("wuyuan");
  });
});

describe("distances", () => {
  const wanghai = { lat: 30.55, lon: 120.99 };
  const wuyuan = { lat: 30.53, lon: 120.94 };

  it("measures great-circle kilometres", () => {
    expect(distanceKm(wanghai, wuyuan)).toBeCloseTo(5.28, 1);
    expect(distanceKm(wanghai, wanghai)).toBe(0);
  });

  it("turns distance into minutes at the unit's speed", () => {
    const minutes = travelMinutes({ speedKmh: 60 }, wanghai, wuyuan);

    expect(minutes).toBeCloseTo(distanceKm(wanghai, wuyuan), 6);
  });
});
