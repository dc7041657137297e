import { beforeAll, describe, expect, it } from "vitest";
import { checkPlan } from "./check.ts";
import { defaultPlanFile, loadPlan } from "./load.ts";
import type { Band, Plan } from "./schema.ts";

let base: Plan;
beforeAll(() => {
  base = loadPlan(defaultPlanFile);
});

/** A copy of the default plan with one change applied. */
function changed(edit: (plan: Plan) => void): Plan {
  const plan = structuredClone(base);
  edit(plan);
  return plan;
}

function band(plan: Plan, id: string): Band {
  const found = plan.bands.find((b) => b.id === id);
  if (!found) throw new Error(`no band ${id} in the default plan`);
  return found;
}

describe("checkPlan", () => {
  it("finds nothing wrong with the default plan", () => {
    expect(checkPlan(base)).toEqual([]);
  });

  describe("bands", () => {
    it("refuses overlapping bands, naming the shared headcounts", () => {
      const plan = changed((p) => {
        band(p, "tendency-small").maxHeadcount = 55;
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "bands[2]",
          message: expect.stringContaining(
            'overlaps band "tendency-small" (bands[1]) for tendency with 50–55 people',
          ),
        },
      ]);
    });

    it("refuses a gap between bands, naming the missing headcounts", () => {
      const plan = changed((p) => {
        band(p, "tendency-small").maxHeadcount = 40;
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "bands",
          message: expect.stringContaining(
            "no band for tendency with 41–49 people",
          ),
        },
      ]);
    });

    it("refuses bands that stop short of unbounded headcounts", () => {
      const plan = changed((p) => {
        band(p, "serious-large").maxHeadcount = 500;
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "bands",
          message: expect.stringContaining(
            "no band for serious with 501 or more people",
          ),
        },
      ]);
    });

    it("refuses a conduct with no band at all", () => {
      const plan = changed((p) => {
        p.bands = p.bands.filter((b) => b.conduct !== "none");
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "bands",
          message: expect.stringContaining(
            "no band for none with any number of people",
          ),
        },
      ]);
    });

    it("refuses a level that drops as headcount grows", () => {
      const plan = changed((p) => {
        band(p, "tendency-large").level = "III";
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "bands[3].level",
          message: expect.stringContaining(
            "level drops from II to III as headcount grows from 99 to 100 with tendency",
          ),
        },
      ]);
    });

    it("refuses a level that drops as conduct grows at the same headcount", () => {
      const plan = changed((p) => {
        band(p, "tendency-small").level = "II";
        band(p, "serious-small").level = "III";
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "bands[4].level",
          message: expect.stringContaining(
            'at 1 person serious gives III (band "serious-small") but tendency gives II',
          ),
        },
      ]);
    });

    it("checks conduct order at inner band edges, not only at 1", () => {
      // Serious drops below tendency only from 100 up.
      const plan = changed((p) => {
        band(p, "serious-large").maxHeadcount = 99;
        p.bands.push({
          id: "serious-huge",
          conduct: "serious",
          minHeadcount: 100,
          maxHeadcount: null,
          level: "II",
        });
      });

      const problems = checkPlan(plan);

      expect(problems).toContainEqual({
        path: "bands[6].level",
        message: expect.stringContaining("at 100 people serious gives II"),
      });
    });

    it("refuses a band whose maximum is below its minimum", () => {
      const plan = changed((p) => {
        band(p, "tendency-medium").maxHeadcount = 40;
      });

      expect(checkPlan(plan)).toContainEqual({
        path: "bands[2].maxHeadcount",
        message: "expected a headcount ≥ minHeadcount (50) or null, got 40",
      });
    });
  });

  describe("echelons", () => {
    it("requires an echelon for every graded level a band yields", () => {
      const plan = changed((p) => {
        p.echelons = p.echelons.filter((e) => e.level !== "II");
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "echelons",
          message: expect.stringContaining("no echelon for level II"),
        },
      ]);
    });

    it("needs no echelon for watch", () => {
      expect(base.echelons.some((e) => e.level === "watch")).toBe(false);
      expect(checkPlan(base)).toEqual([]);
    });

    it("refuses references to posts, groups and tiers that do not exist", () => {
      const plan = changed((p) => {
        const [first] = p.echelons;
        if (!first) return;
        first.commander = "chief";
        first.firstDeputy = "deputy";
        first.groups.push("press");
        first.tiers.push("x.navy");
      });

      expect(checkPlan(plan).map((p) => p.path)).toEqual([
        "echelons[0].commander",
        "echelons[0].firstDeputy",
        "echelons[0].groups[3]",
        "echelons[0].tiers[4]",
      ]);
    });

    it("refuses a first deputy who is also the commander", () => {
      const plan = changed((p) => {
        const second = p.echelons[1];
        if (second) second.firstDeputy = second.commander;
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "echelons[1].firstDeputy",
          message: expect.stringContaining("is already the commander"),
        },
      ]);
    });
  });

  describe("ids and references", () => {
    it("refuses a duplicate callsign", () => {
      const plan = changed((p) => {
        const second = p.units[1];
        if (second) second.callsign = "WH-P1";
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "units[1].callsign",
          message:
            'duplicate callsign "WH-P1", first used at units[0].callsign',
        },
      ]);
    });

    it("refuses duplicate tier ids", () => {
      const plan = changed((p) => {
        const copy = p.tiers[0];
        if (copy) p.tiers.push({ ...copy });
      });

      expect(checkPlan(plan)).toContainEqual({
        path: "tiers[8].id",
        message: 'duplicate id "police", first used at tiers[0].id',
      });
    });

    it("refuses a unit of an unknown tier or district", () => {
      const plan = changed((p) => {
        const unit = p.units.find((u) => u.callsign === "FQ-P1");
        if (!unit) return;
        unit.tier = "x.navy";
        unit.district = "atlantis";
      });
      const at = base.units.findIndex((u) => u.callsign === "FQ-P1");

      expect(checkPlan(plan).map((p) => p.path)).toEqual([
        `units[${at}].tier`,
        `units[${at}].district`,
      ]);
    });

    it("refuses an unknown home district", () => {
      const plan = changed((p) => {
        p.homeDistrict = "atlantis";
      });

      expect(checkPlan(plan)).toContainEqual({
        path: "homeDistrict",
        message: expect.stringContaining('no district "atlantis"'),
      });
    });
  });

  describe("tiers", () => {
    it("refuses a tier with fewer home units than one dispatch sends", () => {
      const plan = changed((p) => {
        const police = p.tiers.find((t) => t.id === "police");
        if (police) police.unitsPerDispatch = 4;
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "tiers[0].unitsPerDispatch",
          message: expect.stringContaining(
            "tier police sends 4 per dispatch but wanghai has 3 police units",
          ),
        },
      ]);
    });
  });

  describe("districts", () => {
    it("refuses a partner that does not exist", () => {
      const plan = changed((p) => {
        p.districts[1]?.partners.push("atlantis");
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "districts[1].partners[2]",
          message: expect.stringContaining('no district "atlantis"'),
        },
      ]);
    });

    it("refuses a one-sided partner link", () => {
      const plan = changed((p) => {
        const xitangqiao = p.districts.find((d) => d.id === "xitangqiao");
        if (xitangqiao) xitangqiao.partners = ["wanghai"];
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "districts[4].partners[1]",
          message: expect.stringContaining(
            "fengqiao lists xitangqiao as a partner but xitangqiao does not list fengqiao",
          ),
        },
      ]);
    });

    it("refuses an open boundary ring", () => {
      const plan = changed((p) => {
        p.districts[0]?.boundary.pop();
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "districts[0].boundary",
          message: expect.stringContaining("expected a closed ring"),
        },
      ]);
    });

    it("refuses a seat outside its own boundary, as when lat and lon swap", () => {
      const plan = changed((p) => {
        const wanghai = p.districts[0];
        if (wanghai) wanghai.seat = { lat: 30.66, lon: 120.88 };
      });

      expect(checkPlan(plan)).toEqual([
        {
          path: "districts[0].seat",
          message: expect.stringContaining("outside the district's boundary"),
        },
      ]);
    });
  });

  it("refuses a time zone Intl does not know", () => {
    const plan = changed((p) => {
      p.timezone = "Asia/Wanghai";
    });

    expect(checkPlan(plan)).toEqual([
      {
        path: "timezone",
        message:
          'expected an IANA time zone like Asia/Shanghai, got "Asia/Wanghai"',
      },
    ]);
  });
});
