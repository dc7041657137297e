import type { Plan } from "@muster/plan";
import { readYamlFile } from "@muster/plan/load";
import { parseScenario } from "./parse.ts";
import type { Scenario } from "./scenario.ts";

/**
 * Reads, parses and validates a scenario file (Node only), checking it
 * against the plan when one is given. Every failure is `SCENARIO_INVALID`
 * naming the file; YAML syntax errors name the line and column.
 *
 * @example
 * const scenario = loadScenario("scenarios/drills/level-iii-wage-dispute.yaml", plan);
 */
export function loadScenario(file: string, plan?: Plan): Scenario {
  const raw = readYamlFile(file, {
    code: "SCENARIO_INVALID",
    what: "scenario",
  });
  return parseScenario(raw, file, plan);
}
