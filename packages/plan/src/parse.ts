import { formatPath, MusterError } from "@muster/protocol";
import type { ZodError } from "zod";
import { checkPlan } from "./check.ts";
import { Plan } from "./schema.ts";
import { finishMessage, planErrorMap } from "./zodMessages.ts";

interface Outcome {
  plan: Plan | null;
  problems: { path: string; message: string }[];
  cause: ZodError | null;
}

function examine(data: unknown): Outcome {
  const parsed = Plan.safeParse(data, {
    reportInput: true,
    error: planErrorMap,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: finishMessage(issue),
    }));
    return { plan: null, problems, cause: parsed.error };
  }

  // Cross-checks only make sense on a plan of the right shape.
  return { plan: parsed.data, problems: checkPlan(parsed.data), cause: null };
}

function line(file: string, problem: { path: string; message: string }) {
  const where = problem.path === "" ? "" : `${problem.path}: `;
  return `${file}: ${where}${problem.message}`;
}

/**
 * Every problem with a plan, one line each as `file: path: what was expected`;
 * empty when the plan is valid. This is what `muster plan check` prints.
 */
export function planProblems(data: unknown, file: string): string[] {
  return examine(data).problems.map((p) => line(file, p));
}

/**
 * Validates plan data (already read from YAML or JSON) and returns the plan,
 * or throws one `PLAN_INVALID` error listing every problem.
 *
 * @example
 * const plan = parsePlan(YAML.parse(text), "scenarios/wanghai.plan.yaml");
 * // throws MusterError PLAN_INVALID:
 * // scenarios/x.yaml: tiers[3].clockMinutes: expected a number > 0, got "ten"
 */
export function parsePlan(data: unknown, file: string): Plan {
  const { plan, problems, cause } = examine(data);
  const first = problems[0];
  if (plan && !first) return plan;

  const count = problems.length;
  const header = `plan ${file} is invalid (${count} problem${count === 1 ? "" : "s"}):`;
  const message = [header, ...problems.map((p) => line(file, p))].join("\n");
  throw new MusterError("PLAN_INVALID", message, {
    path: first?.path ?? "",
    cause,
  });
}
