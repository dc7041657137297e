import { readFileSync } from "node:fs";
import type { MusterError } from "@muster/protocol";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { refusal } from "../test/helpers.ts";
import { defaultPlanFile } from "./load.ts";
import { parsePlan, planProblems } from "./parse.ts";

const file = "scenarios/x.yaml";
const raw = parse(readFileSync(defaultPlanFile, "utf8")) as Record<
  string,
  unknown
>;

/** The default plan as plain data, changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write wrong types on purpose
function data(edit: (plan: any) => void): unknown {
  const copy = structuredClone(raw);
  edit(copy);
  return copy;
}

function refused(value: unknown): MusterError {
  return refusal(() => parsePlan(value, file), "the plan");
}

describe("parsePlan", () => {
  it("returns the plan when the data is valid", () => {
    expect(parsePlan(raw, file).id).toBe("wanghai");
  });

  it("throws PLAN_INVALID with the first problem's path and the zod cause", () => {
    const err = refused(data((p) => (p.tiers[3].clockMinutes = "ten")));

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.path).toBe("tiers[3].clockMinutes");
    expect(err.cause).toBeDefined();
    expect(err.message).toBe(
      [
        `plan ${file} is invalid (1 problem):`,
        `${file}: tiers[3].clockMinutes: expected a number > 0, got "ten"`,
      ].join("\n"),
    );
  });

  it("reports semantic problems once the shape is right", () => {
    const err = refused(data((p) => (p.bands[1].maxHeadcount = 40)));

    expect(err.path).toBe("bands");
    expect(err.message).toContain(
      `${file}: bands: no band for tendency with 41–49 people`,
    );
  });
});

describe("planProblems", () => {
  it("is empty for a valid plan", () => {
    expect(planProblems(raw, file)).toEqual([]);
  });

  it("names a missing field and what it should hold", () => {
    const lines = planProblems(
      data((p) => delete p.tiers[0].clockMinutes),
      file,
    );

    expect(lines).toEqual([
      `${file}: tiers[0].clockMinutes: missing; expected a number > 0`,
    ]);
  });

  it("suggests the field a misspelt key probably meant", () => {
    const lines = planProblems(
      data((p) => {
        p.tiers[0].clockMinute = p.tiers[0].clockMinutes;
        delete p.tiers[0].clockMinutes;
      }),
      file,
    );

    expect(lines).toContain(
      `${file}: tiers[0]: unknown field "clockMinute" (did you mean "clockMinutes"?)`,
    );
  });

  it("lists the allowed values of an enum", () => {
    const lines = planProblems(
      data((p) => (p.bands[0].level = "IV")),
      file,
    );

    expect(lines).toEqual([
      `${file}: bands[0].level: expected one of "watch", "III", "II", "I", got "IV"`,
    ]);
  });

  it("names whole numbers and their floor", () => {
    const lines = planProblems(
      data((p) => (p.tiers[0].unitsPerDispatch = 1.5)),
      file,
    );

    expect(lines).toEqual([
      `${file}: tiers[0].unitsPerDispatch: expected a whole number ≥ 1, got 1.5`,
    ]);
  });

  it("names a number's ceiling when it is exceeded", () => {
    const lines = planProblems(
      data((p) => (p.units[0].speedKmh = 900)),
      file,
    );

    expect(lines).toEqual([
      `${file}: units[0].speedKmh: expected a number ≤ 200, got 900`,
    ]);
  });

  it("adds the offending value to the schema's own messages", () => {
    const lines = planProblems(
      data((p) => (p.groups[0].id = "Intel")),
      file,
    );

    expect(lines).toEqual([
      `${file}: groups[0].id: expected a lower-case id like x.fire, got "Intel"`,
    ]);
  });

  it("counts list items", () => {
    const lines = planProblems(
      data((p) => p.levels.pop()),
      file,
    );

    expect(lines).toEqual([`${file}: levels: expected exactly 4 items, got 3`]);
  });

  it("accepts notes for only some conducts", () => {
    const lines = planProblems(
      data((p) => (p.conductNotes = { serious: "violence under way" })),
      file,
    );

    expect(lines).toEqual([]);
  });

  it("names a root that is not a mapping", () => {
    expect(planProblems("plan", file)).toEqual([
      `${file}: expected a mapping, got "plan"`,
    ]);
  });
});
