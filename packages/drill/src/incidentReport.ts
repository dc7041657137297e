import type { Plan } from "@muster/plan";
import { MusterError, type StoredEvent } from "@muster/protocol";
import { evaluateDrill } from "./evaluate.ts";
import { buildReport, type DrillReport } from "./report.ts";
import type { Scenario } from "./scenario.ts";

/**
 * The after-action report of one incident from its events alone: the
 * same evaluation, clocks and findings as a drill's. A live incident's
 * report is not marked EXERCISE and has no expected level (the level it
 * reached stands in, and the level rules are left out); a drill
 * incident's report keeps its EXERCISE mark and run id.
 *
 * @example
 * const events = await store.readIncident("2026-0042");
 * const report = incidentReport({ plan, events });
 */
export function incidentReport(input: {
  plan: Plan;
  events: readonly StoredEvent[];
}): DrillReport {
  const { plan, events } = input;
  const first = events[0];
  if (first?.type !== "incident.reported") {
    throw new MusterError("NOT_FOUND", "no incident in the events given");
  }
  const last = events.at(-1)!;
  let reached = "watch" as Scenario["expectedLevel"];
  for (const e of events) {
    if (e.type === "incident.graded" && e.data.level !== "watch") {
      reached = e.data.level;
    }
  }
  const drillRunId = first.data.drillRunId ?? null;
  const typeName = plan.playbooks.find(
    (p) => p.id === first.data.incidentType,
  )?.name;
  const place = first.data.place;
  // A stand-in scenario: what the evaluation reads of one, from the log.
  const scenario = {
    title: {
      zh: `${first.incidentId} ${typeName?.zh ?? ""} ${place.name}`.trim(),
      en: `${first.incidentId} ${typeName?.en ?? ""} ${place.name}`.trim(),
    },
    playbook: first.data.incidentType,
    expectedLevel: reached,
    place,
    startAt: first.at,
    seed: 0,
    autoAcceptReplacements: false,
    liveUnits: [],
    simulation: {} as Scenario["simulation"],
    injects: [],
  } satisfies Scenario;
  const evaluation = evaluateDrill({ plan, scenario, events });
  const live = drillRunId === null;
  const keep = (f: { rule: string }) => !live || !f.rule.startsWith("level.");
  const report = buildReport({
    plan,
    scenario,
    run: {
      drillRunId: drillRunId ?? first.incidentId,
      seed: 0,
      startedAt: first.at,
      endedAt: last.at,
      endReason: last.type === "incident.closed" ? "closed" : "exhausted",
      incidentId: first.incidentId,
      events: [...events],
      notes: [],
    },
    evaluation: {
      ...evaluation,
      strengths: evaluation.strengths.filter(keep),
      improvements: evaluation.improvements.filter(keep),
    },
    exercise: !live,
  });
  return report;
}
