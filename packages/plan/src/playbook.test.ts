import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MusterError } from "@muster/protocol";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { refusal, tempDir } from "../test/helpers.ts";
import { defaultPlanFile, loadPlan } from "./load.ts";

const dir = tempDir("muster-playbook-");
const defaultText = readFileSync(defaultPlanFile, "utf8");
const labour = loadPlan(defaultPlanFile).playbooks[2]!;

/**
 * A copy of the default plan, written to the temp folder, with one inline
 * playbook (the default files live beside the default plan) and `entry`.
 */
function planWith(entry: Record<string, unknown>, files = {}): string {
  for (const [name, text] of Object.entries<string>(files)) {
    writeFileSync(join(dir, name), text);
  }
  const doc = parseDocument(defaultText);
  doc.setIn(["playbooks"], doc.createNode([labour, entry]));
  const file = join(dir, "plan.yaml");
  writeFileSync(file, doc.toString());
  return file;
}

function loadError(file: string): MusterError {
  return refusal(() => loadPlan(file), file);
}

const name = { zh: "码头", en: "Pier" };

describe("playbooks in the plan", () => {
  it("loads the six default playbooks with their steps from their files", () => {
    const plan = loadPlan(defaultPlanFile);

    expect(plan.playbooks.map((p) => p.id)).toEqual([
      "abnormal-death",
      "land-demolition",
      "labour-wage",
      "public-safety",
      "specific-group",
      "nimby",
    ]);
    for (const p of plan.playbooks) {
      expect(p.steps?.length).toBeGreaterThanOrEqual(5);
      expect(p.steps?.some((s) => s.required)).toBe(true);
    }
  });

  it("lets a district add its own playbook from a file of its own", () => {
    const file = planWith(
      { id: "pier", name, file: "pier.yaml" },
      {
        "pier.yaml": [
          "id: pier",
          "steps:",
          "  - id: close-gangway",
          "    group: onsite",
          "    dueMinutes: 5",
          "    required: true",
          "    title: { zh: 关闭舷梯, en: Close the gangway }",
        ].join("\n"),
      },
    );
    const pier = loadPlan(file).playbooks.find((p) => p.id === "pier");

    expect(pier?.steps?.[0]).toMatchObject({
      id: "close-gangway",
      dueMinutes: 5,
      cautions: [],
    });
  });

  it("names the playbook file and the path of every problem in it", () => {
    const file = planWith(
      { id: "pier", name, file: "bad.yaml" },
      {
        "bad.yaml": [
          "id: dock",
          "steps:",
          "  - id: a",
          "    group: divers",
          "    dueMinutes: soon",
          "    required: true",
          "    title: { zh: 甲, en: A }",
        ].join("\n"),
      },
    );
    const err = loadError(file);
    const bad = join(dir, "bad.yaml");

    expect(err.code).toBe("PLAN_INVALID");
    expect(err.message).toContain(`${bad}: steps[0].dueMinutes: expected`);

    writeFileSync(bad, readFileSync(bad, "utf8").replace("soon", "5"));
    const again = loadError(file).message;
    expect(again).toContain(`${bad}: id: expected "pier"`);
    expect(again).toContain(`${bad}: steps[0].group: no group "divers"`);
  });

  it("names the plan's path when a playbook file is missing", () => {
    const file = planWith({ id: "pier", name, file: "missing.yaml" });

    expect(loadError(file).message).toMatch(
      /plan\.yaml: playbooks\[1\]\.file: cannot read .*missing\.yaml \(ENOENT\)/,
    );
  });
});
