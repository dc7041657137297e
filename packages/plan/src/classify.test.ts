import fc from "fast-check";
import {
  compareLevels,
  conducts,
  type Conduct,
  type Level,
  type MusterError,
} from "@muster/protocol";
import { beforeAll, describe, expect, it } from "vitest";
import { refusal } from "../test/helpers.ts";
import { classify } from "./classify.ts";
import { defaultPlanFile, loadPlan } from "./load.ts";
import type { Plan } from "./schema.ts";

let plan: Plan;
beforeAll(() => {
  plan = loadPlan(defaultPlanFile);
});

// The §1 bands, written out by hand rather than derived from the plan file,
// so a wrong band in the file cannot make its own test pass.
const edges: [number, Level, Level, Level][] = [
  // headcount, none, tendency, serious
  [1, "watch", "III", "II"],
  [19, "watch", "III", "II"],
  [20, "watch", "III", "I"],
  [21, "watch", "III", "I"],
  [49, "watch", "III", "I"],
  [50, "watch", "II", "I"],
  [51, "watch", "II", "I"],
  [99, "watch", "II", "I"],
  [100, "watch", "I", "I"],
  [101, "watch", "I", "I"],
];

function refused(input: { headcount: number; conduct: string }): MusterError {
  return refusal(() => classify(plan, input), JSON.stringify(input));
}

describe("classify", () => {
  describe.each(edges)("%i people", (headcount, none, tendency, serious) => {
    it.each([
      ["none", none],
      ["tendency", tendency],
      ["serious", serious],
    ] as const)("grades %s as %s", (conduct, level) => {
      expect(classify(plan, { headcount, conduct }).level).toBe(level);
    });
  });

  it("explains the grade in one line using the band's note", () => {
    const result = classify(plan, { headcount: 50, conduct: "tendency" });

    expect(result.band.id).toBe("tendency-medium");
    expect(result.reason).toBe(
      "tendency with 50–99 people → Level II (shared bound: graver level wins)",
    );
  });

  it("says a peaceful gathering is not graded", () => {
    const { reason } = classify(plan, { headcount: 500, conduct: "none" });

    expect(reason).toBe("none with any number of people → Watch (not graded)");
  });

  it("never lowers the level as headcount or conduct grows", () => {
    const headcount = fc.integer({ min: 1, max: 100_000 });
    const conduct = fc.constantFrom(...conducts);

    fc.assert(
      fc.property(headcount, headcount, conduct, conduct, (h1, h2, c1, c2) => {
        const [small, large] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const [mild, grave] = [c1, c2].sort(
          (a, b) => conducts.indexOf(a) - conducts.indexOf(b),
        ) as [Conduct, Conduct];

        const before = classify(plan, { headcount: small, conduct: mild });
        const after = classify(plan, { headcount: large, conduct: grave });
        expect(compareLevels(after.level, before.level)).toBeGreaterThanOrEqual(
          0,
        );
      }),
    );
  });

  it("grades every valid input by exactly one band", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...conducts),
        (headcount, conduct) => {
          const matching = plan.bands.filter(
            (b) =>
              b.conduct === conduct &&
              b.minHeadcount <= headcount &&
              (b.maxHeadcount === null || headcount <= b.maxHeadcount),
          );
          expect(matching).toHaveLength(1);
          expect(classify(plan, { headcount, conduct }).band).toBe(matching[0]);
        },
      ),
    );
  });

  describe("refuses input it cannot grade", () => {
    it.each([
      [0, "headcount must be at least 1, got 0"],
      [-3, "headcount must be at least 1, got -3"],
      [2.5, "headcount must be a whole number, got 2.5"],
      [NaN, "headcount must be a number, got NaN"],
      [Infinity, "headcount must be a whole number, got Infinity"],
    ])("headcount %s", (headcount, message) => {
      const err = refused({ headcount, conduct: "tendency" });

      expect(err.code).toBe("BAD_REQUEST");
      expect(err.path).toBe("headcount");
      expect(err.message).toBe(message);
    });

    it("a headcount that is not a number", () => {
      const err = refused({
        headcount: "40" as unknown as number,
        conduct: "tendency",
      });

      expect(err.code).toBe("BAD_REQUEST");
      expect(err.path).toBe("headcount");
    });

    it("an unknown conduct", () => {
      const err = refused({ headcount: 40, conduct: "riot" });

      expect(err.code).toBe("BAD_REQUEST");
      expect(err.path).toBe("conduct");
      expect(err.message).toBe(
        'conduct must be one of none, tendency, serious, got "riot"',
      );
    });
  });

  it("says which band is missing when an unchecked plan has a gap", () => {
    const gappy = structuredClone(plan);
    gappy.bands = gappy.bands.filter((b) => b.id !== "tendency-medium");

    expect(() =>
      classify(gappy, { headcount: 60, conduct: "tendency" }),
    ).toThrow("plan wanghai has no band for tendency with 60 people");
  });
});
