import type { Plan } from "@muster/plan";
import { evaluateDrill } from "./evaluate.ts";
import type { Evaluation } from "./figures.ts";
import { buildReport, type DrillReport } from "./report.ts";
import {
  runScenario,
  type DrillRun,
  type RunScenarioOptions,
} from "./runner.ts";

/** A run with its evaluation and report. */
export interface DrillOutcome {
  run: DrillRun;
  evaluation: Evaluation;
  report: DrillReport;
}

/**
 * Runs a scenario, evaluates it and builds its report in one call: what
 * the CLI and the hosted drill console both need.
 *
 * @example
 * const { report } = await drillReport({ plan, scenario, seed: 1 });
 * writeFileSync("report.json", reportJson(report));
 */
export async function drillReport(
  options: RunScenarioOptions & { plan: Plan },
): Promise<DrillOutcome> {
  const run = await runScenario(options);
  const evaluation = evaluateDrill({
    plan: options.plan,
    scenario: options.scenario,
    events: run.events,
  });
  const report = buildReport({
    plan: options.plan,
    scenario: options.scenario,
    run,
    evaluation,
  });
  return { run, evaluation, report };
}
