import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MusterError } from "@muster/protocol";
import { describe, expect, test } from "vitest";
import { loadScenario } from "../src/load.ts";
import { plan } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "muster-scenario-"));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const HEAD = `
title: { zh: 测试, en: test }
playbook: labour-wage
expectedLevel: III
place: { name: gate, position: { lat: 30.55, lon: 120.99 } }
startAt: "2026-03-12T01:30:00Z"
`;

function failure(file: string): MusterError {
  try {
    loadScenario(file, plan);
  } catch (err) {
    if (err instanceof MusterError) return err;
    throw err;
  }
  throw new Error(`${file} was accepted`);
}

describe("loadScenario", () => {
  test("reads a valid scenario with defaults filled in", () => {
    const file = write(
      "ok.yaml",
      `${HEAD}injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
  - at: 1m
    resolve: {}
  - at: 1m30s
    close: {}
`,
    );
    const scenario = loadScenario(file, plan);

    expect(scenario.seed).toBe(1);
    expect(scenario.autoAcceptReplacements).toBe(false);
    expect(scenario.simulation.ackSeconds).toEqual({
      minMs: 10_000,
      maxMs: 45_000,
    });
    expect(scenario.injects.map((i) => [i.kind, i.atMs])).toEqual([
      ["report", 0],
      ["resolve", 60_000],
      ["close", 90_000],
    ]);
  });

  test("names the file, the path and what was expected for a bad offset", () => {
    const file = write(
      "bad-at.yaml",
      `${HEAD}injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
  - at: 5m
    update: { headcount: 40, conduct: tendency }
  - at: soon
    close: {}
`,
    );
    const err = failure(file);

    expect(err.code).toBe("SCENARIO_INVALID");
    expect(err.path).toBe("injects[2].at");
    expect(err.message).toContain(
      `${file}: injects[2].at: expected an offset like "0s", "90s", "4m" or "1m30s", got "soon"`,
    );
  });

  test("lists every problem on its own line", () => {
    const file = write(
      "many.yaml",
      `title: { zh: 测试 }
playbook: labour-wage
expectedLevel: IV
place: { name: gate, position: { lat: 95, lon: 120.99 } }
startAt: "2026-03-12 09:30"
injects:
  - at: 0s
    report: { headcount: 0, conduct: angry }
    colour: red
`,
    );
    const lines = failure(file).message.split("\n");

    expect(lines[0]).toBe(`scenario ${file} is invalid (7 problems):`);
    expect(lines.slice(1)).toEqual([
      `${file}: title.en: missing: expected text`,
      `${file}: expectedLevel: expected "watch", "III", "II", "I", got "IV"`,
      `${file}: place.position.lat: expected a number ≤ 90, got 95`,
      `${file}: startAt: expected a UTC instant like 2026-03-12T01:30:00Z, got "2026-03-12 09:30"`,
      `${file}: injects[0].report.headcount: headcount must be at least 1, got 0`,
      `${file}: injects[0].report.conduct: expected "none", "tendency", "serious", got "angry"`,
      `${file}: injects[0].colour: unknown field`,
    ]);
  });

  test("asks for exactly one action per inject", () => {
    const file = write(
      "two.yaml",
      `${HEAD}injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
    close: {}
  - at: 1m
`,
    );
    const message = failure(file).message;

    expect(message).toContain(
      `${file}: injects[0]: expected exactly one of report, update, unit, ` +
        "group, acceptReplacement, resolve, handToFollowUp, completeStep, " +
        "close, got report and close",
    );
    expect(message).toContain(`${file}: injects[1]: expected exactly one of`);
  });

  test("refuses unit behaviour that contradicts itself", () => {
    const file = write(
      "unit.yaml",
      `${HEAD}injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
  - at: 0s
    unit: WH-P1
    declines: busy
    travel: 3m
  - at: 0s
    group: intel
    declines: busy
`,
    );
    const message = failure(file).message;

    expect(message).toContain(
      `${file}: injects[1].travel: a unit that never acknowledges cannot have travel`,
    );
    expect(message).toContain(
      `${file}: injects[2].declines: a group takes only ackAfter or neverAnswers`,
    );
  });

  test("needs a report before any other action", () => {
    const file = write(
      "order.yaml",
      `${HEAD}injects:
  - at: 0s
    update: { headcount: 40, conduct: tendency }
  - at: 0s
    report: { headcount: 30, conduct: tendency }
`,
    );
    expect(failure(file).message).toContain(
      `${file}: injects[0]: expected a report before any other action`,
    );
  });

  test("checks callsigns, groups, tiers and the playbook against the plan", () => {
    const file = write(
      "plan.yaml",
      `title: { zh: 测试, en: test }
playbook: flood
expectedLevel: III
place: { name: gate, position: { lat: 30.55, lon: 120.99 } }
startAt: "2026-03-12T01:30:00Z"
liveUnits: [WH-Z9]
simulation:
  tiers:
    x.boats: { ackSeconds: [5, 10] }
injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
  - at: 0s
    unit: WH-X9
    neverAnswers: true
  - at: 0s
    group: press
    neverAnswers: true
`,
    );
    const lines = failure(file).message.split("\n").slice(1);

    expect(lines).toEqual([
      `${file}: injects[1].unit: no unit WH-X9 in plan wanghai`,
      `${file}: injects[2].group: no group press in plan wanghai`,
      `${file}: liveUnits[0]: no unit WH-Z9 in plan wanghai`,
      expect.stringMatching(
        new RegExp(
          `^${escape(file)}: playbook: expected "other" or a playbook of plan wanghai \\(.*\\), got "flood"$`,
        ),
      ),
      `${file}: simulation.tiers.x.boats: no tier x.boats in plan wanghai`,
    ]);
  });

  test("refuses a range with the larger number first", () => {
    const file = write(
      "range.yaml",
      `${HEAD}simulation:
  ackSeconds: [40, 10]
injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
`,
    );
    expect(failure(file).message).toContain(
      `${file}: simulation.ackSeconds: expected the smaller number first, like [10, 40]`,
    );
  });

  test("names the line of a YAML syntax error", () => {
    const file = write(
      "syntax.yaml",
      `${HEAD}injects:\n  - at: 0s\n    report: { headcount: 30\n`,
    );
    const err = failure(file);

    expect(err.code).toBe("SCENARIO_INVALID");
    expect(err.message).toMatch(
      new RegExp(
        `^scenario ${escape(file)} is not valid YAML:\\n${escape(file)}:\\d+:\\d+: `,
      ),
    );
  });

  test("names a file it cannot read", () => {
    const err = failure(join(dir, "missing.yaml"));
    expect(err.message).toBe(
      `cannot read scenario ${join(dir, "missing.yaml")} (ENOENT)`,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("refuses a close before the incident is resolved", () => {
  const file = write(
    "close.yaml",
    `${HEAD}injects:
  - at: 0s
    report: { headcount: 30, conduct: tendency }
  - at: 5m
    close: {}
  - at: 6m
    resolve: {}
`,
  );
  expect(failure(file).message).toContain(
    `${file}: injects[1]: expected a resolve or handToFollowUp before close`,
  );
});

test("accepts the example scenario of the README", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const scenario = loadScenario(write("readme.yaml", yaml), plan);

  expect(scenario.injects).toHaveLength(8);
  expect(scenario.liveUnits).toEqual(["WH-S2"]);
});
