import { formatPath } from "@muster/protocol";
import { checkPlaybookSteps, type PlanProblem } from "./check.ts";
import { PlaybookSteps, type Plan, type PlaybookStep } from "./schema.ts";
import { finishMessage, planErrorMap } from "./zodMessages.ts";

/**
 * Validates the data of one playbook file against the plan that refers
 * to it: the schema, the id the plan expects, unique step ids and groups
 * the plan has. Returns the steps, or every problem with its path.
 *
 * @example
 * const { steps, problems } = parsePlaybookSteps(data, plan, "labour-wage");
 */
export function parsePlaybookSteps(
  data: unknown,
  plan: Plan,
  expectedId: string,
): { steps: PlaybookSteps | null; problems: PlanProblem[] } {
  const parsed = PlaybookSteps.safeParse(data, {
    reportInput: true,
    error: planErrorMap,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: finishMessage(issue),
    }));
    return { steps: null, problems };
  }
  const problems = checkPlaybookSteps(plan, parsed.data.steps, "steps");
  if (parsed.data.id !== expectedId) {
    problems.unshift({
      path: "id",
      message: `expected "${expectedId}", the id the plan gives this file, got "${parsed.data.id}"`,
    });
  }
  return { steps: parsed.data, problems };
}

/** The steps of a playbook of the plan; none for `other` or unknown ids. */
export function playbookSteps(plan: Plan, playbookId: string): PlaybookStep[] {
  return plan.playbooks.find((p) => p.id === playbookId)?.steps ?? [];
}
