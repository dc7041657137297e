import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MusterError } from "@muster/protocol";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { refusal, tempDir } from "../test/helpers.ts";
import { defaultPlanFile, loadPlan } from "./load.ts";

const dir = tempDir("muster-plan-");

const defaultText = readFileSync(defaultPlanFile, "utf8");

/** Writes a copy of the default plan, changed by `edit`, to the temp dir. */
function brokenPlan(
  name: string,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
): string {
  const doc = parseDocument(defaultText);
  edit(doc);
  const file = join(dir, name);
  writeFileSync(file, doc.toString());
  return file;
}

function loadError(file: string): MusterError {
  return refusal(() => loadPlan(file), file);
}

describe("loadPlan", () => {
  it("accepts the default Wanghai plan", () => {
    const plan = loadPlan(defaultPlanFile);

    expect(plan.id).toBe("wanghai");
    expect(plan.version).toBe("2018.1");
    expect(plan.homeDistrict).toBe("wanghai");
    expect(plan.bands).toHaveLength(6);
    expect(plan.tiers.map((t) => t.clockMinutes)).toEqual([
      5, 15, 20, 20, 15, 20, 20, 20,
    ]);
    expect(plan.units.length).toBeGreaterThanOrEqual(24);
  });

  it("resolves the default plan file to an absolute path", () => {
    expect(defaultPlanFile).toMatch(/^\/.*scenarios\/wanghai\.plan\.yaml$/);
  });

  it("names the file and the path of a wrongly typed field", () => {
    const file = brokenPlan("clock.yaml", (doc) => {
      doc.setIn(["tiers", 3, "clockMinutes"], "ten");
    });
    const err = loadError(file);

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.path).toBe("tiers[3].clockMinutes");
    expect(err.message).toContain(
      `${file}: tiers[3].clockMinutes: expected a number > 0, got "ten"`,
    );
  });

  it("names the file and the path of a semantic problem", () => {
    const file = brokenPlan("commander.yaml", (doc) => {
      doc.setIn(["echelons", 1, "commander"], "chief");
    });
    const err = loadError(file);

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.message).toContain(
      `${file}: echelons[1].commander: no post "chief"`,
    );
  });

  it("lists every problem, one line each, under a header naming the file", () => {
    const file = brokenPlan("several.yaml", (doc) => {
      doc.setIn(["tiers", 0, "ackMinutes"], -1);
      doc.setIn(["units", 2, "speedKmh"], "fast");
    });
    const lines = loadError(file).message.split("\n");

    expect(lines[0]).toBe(`plan ${file} is invalid (2 problems):`);
    expect(lines.slice(1)).toEqual([
      `${file}: tiers[0].ackMinutes: expected a number > 0, got -1`,
      `${file}: units[2].speedKmh: expected a number > 0, got "fast"`,
    ]);
  });

  it("names the line of a YAML syntax error", () => {
    const lines = defaultText.split("\n");
    const at = lines.findIndex((l) => l.startsWith("timezone:"));
    lines[at] = "timezone: Asia/Shanghai: again";
    const file = join(dir, "syntax.yaml");
    writeFileSync(file, lines.join("\n"));

    const err = loadError(file);

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.message).toContain(`${file}:${at + 1}:`);
    expect(err.message).not.toContain("^^^");
  });

  it("refuses a duplicated key as a syntax error with its line", () => {
    const file = join(dir, "duplicate.yaml");
    writeFileSync(
      file,
      defaultText.replace("id: wanghai\n", "id: wanghai\nid: other\n"),
    );

    const err = loadError(file);

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.message).toMatch(new RegExp(`${file}:\\d+:\\d+: .*unique`, "i"));
  });

  it("refuses a missing file naming it", () => {
    const file = join(dir, "absent.yaml");
    const err = loadError(file);

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.message).toBe(`cannot read plan ${file} (ENOENT)`);
  });

  it("refuses an empty file as not a plan", () => {
    const file = join(dir, "empty.yaml");
    writeFileSync(file, "# nothing here\n");

    expect(loadError(file).message).toContain(
      `${file}: expected a mapping, got null`,
    );
  });
});
