import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MusterError } from "@muster/protocol";
import { parsePlan } from "./parse.ts";
import { parsePlaybookSteps } from "./playbook.ts";
import type { Plan } from "./schema.ts";
import { parseYamlText, readYamlFile } from "./yamlFile.ts";

export { parseYamlText, readYamlFile, type YamlFileKind } from "./yamlFile.ts";

/**
 * Absolute path of the default plan, `scenarios/wanghai.plan.yaml` at the
 * repository root, found from this file so the working directory is moot.
 */
export const defaultPlanFile = fileURLToPath(
  new URL("../../../scenarios/wanghai.plan.yaml", import.meta.url),
);

/**
 * Reads, parses and validates a plan file (Node only). Errors of every kind,
 * from a missing file to an overlapping band, are `PLAN_INVALID` naming the
 * file; YAML syntax errors also name the line and column.
 *
 * @example
 * const plan = loadPlan(defaultPlanFile);
 */
export function loadPlan(file: string): Plan {
  const raw = readYamlFile(file, { code: "PLAN_INVALID", what: "plan" });
  return withPlaybookFiles(parsePlan(raw, file), file);
}

/**
 * Reads the playbook files the plan names (paths relative to the plan)
 * and puts their steps in the plan. Every problem in every file is
 * reported at once as `file: path: what was expected`.
 */
function withPlaybookFiles(plan: Plan, planFile: string): Plan {
  const problems: string[] = [];
  const playbooks = plan.playbooks.map((playbook, i) => {
    if (playbook.file === undefined) return playbook;
    const file = resolve(dirname(planFile), playbook.file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? "unreadable";
      problems.push(
        `${planFile}: playbooks[${i}].file: cannot read ${file} (${reason})`,
      );
      return playbook;
    }
    const raw = parseYamlText(text, file, {
      code: "PLAN_INVALID",
      what: "playbook",
    });
    const parsed = parsePlaybookSteps(raw, plan, playbook.id);
    for (const p of parsed.problems) {
      problems.push(
        `${file}: ${p.path === "" ? "" : `${p.path}: `}${p.message}`,
      );
    }
    if (!parsed.steps) return playbook;
    // The steps now sit inline, so the loaded plan checks as one whole.
    const { file: _file, ...inline } = playbook;
    return {
      ...inline,
      goal: playbook.goal ?? parsed.steps.goal,
      steps: parsed.steps.steps,
    };
  });
  if (problems.length > 0) {
    const n = problems.length;
    throw new MusterError(
      "PLAN_INVALID",
      [
        `plan ${planFile} has invalid playbooks (${n} problem${n === 1 ? "" : "s"}):`,
        ...problems,
      ].join("\n"),
      { path: "playbooks" },
    );
  }
  return { ...plan, playbooks };
}
