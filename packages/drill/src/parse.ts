import { MusterError } from "@muster/protocol";
import { playbookSteps, type Plan } from "@muster/plan";
import { Scenario } from "./scenario.ts";
import { problemsOf, scenarioErrorMap, type Problem } from "./zodMessages.ts";

/**
 * What a valid scenario still gets wrong against a plan: callsigns, groups,
 * tiers or a playbook the plan does not have.
 */
export function checkScenario(scenario: Scenario, plan: Plan): Problem[] {
  const problems: Problem[] = [];
  const callsigns = new Set(plan.units.map((u) => u.callsign));
  const groups = new Set(plan.groups.map((g) => g.id));
  const tiers = new Set(plan.tiers.map((t) => t.id));
  const noUnit = (cs: string) => `no unit ${cs} in plan ${plan.id}`;

  if (
    scenario.playbook !== "other" &&
    !plan.playbooks.some((p) => p.id === scenario.playbook)
  ) {
    const ids = plan.playbooks.map((p) => p.id).join(", ");
    problems.push({
      path: "playbook",
      message:
        `expected "other" or a playbook of plan ${plan.id} (${ids}), ` +
        `got "${scenario.playbook}"`,
    });
  }
  scenario.liveUnits.forEach((cs, i) => {
    if (!callsigns.has(cs)) {
      problems.push({ path: `liveUnits[${i}]`, message: noUnit(cs) });
    }
  });
  for (const tier of Object.keys(scenario.simulation.tiers)) {
    if (!tiers.has(tier)) {
      problems.push({
        path: `simulation.tiers.${tier}`,
        message: `no tier ${tier} in plan ${plan.id}`,
      });
    }
  }
  for (const inject of scenario.injects) {
    const at = `injects[${inject.index}]`;
    if (inject.kind === "unit" && !callsigns.has(inject.callsign)) {
      problems.push({ path: `${at}.unit`, message: noUnit(inject.callsign) });
    }
    if (
      inject.kind === "acceptReplacement" &&
      !callsigns.has(inject.replaces)
    ) {
      problems.push({
        path: `${at}.acceptReplacement`,
        message: noUnit(inject.replaces),
      });
    }
    if (inject.kind === "completeStep") {
      const steps = playbookSteps(plan, scenario.playbook).map((x) => x.id);
      if (!steps.includes(inject.step)) {
        problems.push({
          path: `${at}.completeStep`,
          message:
            `expected a step of playbook ${scenario.playbook} ` +
            `(${steps.join(", ") || "none"}), got "${inject.step}"`,
        });
      }
    }
    if (inject.kind === "group" && !groups.has(inject.group)) {
      problems.push({
        path: `${at}.group`,
        message: `no group ${inject.group} in plan ${plan.id}`,
      });
    }
  }
  return problems.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}

function line(file: string, problem: Problem): string {
  return problem.path === ""
    ? `${file}: ${problem.message}`
    : `${file}: ${problem.path}: ${problem.message}`;
}

/**
 * Validates scenario data (already read from YAML) and, given a plan,
 * checks it against the plan. Throws one `SCENARIO_INVALID` error listing
 * every problem, one line each as `file: path: what was expected`.
 *
 * @example
 * const scenario = parseScenario(YAML.parse(text), "drill.yaml", plan);
 * // SCENARIO_INVALID: drill.yaml: injects[2].at: expected an offset
 * // like "0s", "90s", "4m" or "1m30s", got "soon"
 */
export function parseScenario(
  data: unknown,
  file: string,
  plan?: Plan,
): Scenario {
  const parsed = Scenario.safeParse(data, {
    reportInput: true,
    error: scenarioErrorMap,
  });
  const problems = parsed.success
    ? plan
      ? checkScenario(parsed.data, plan)
      : []
    : problemsOf(parsed.error);
  if (parsed.success && problems.length === 0) return parsed.data;

  const n = problems.length;
  const header = `scenario ${file} is invalid (${n} problem${n === 1 ? "" : "s"}):`;
  throw new MusterError(
    "SCENARIO_INVALID",
    [header, ...problems.map((p) => line(file, p))].join("\n"),
    { path: problems[0]?.path ?? "", cause: parsed.error },
  );
}
