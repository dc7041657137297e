import type { Plan } from "@muster/plan";
import type { StoredEvent } from "@muster/protocol";
import type { Evaluation } from "./figures.ts";
import { minutesBetween } from "./minutes.ts";
import { rules } from "./rules.ts";
import type { DrillRun } from "./runner.ts";
import type { Scenario } from "./scenario.ts";
import type { RunNote } from "./simulator.ts";

/** Marks the shape of report.json; bumped when the shape changes. */
export const REPORT_FORMAT = "muster.drill-report/1";

/** An event as the report lists it: the stored event, keys in one order. */
export interface ReportEvent {
  position: number;
  seq: number;
  at: string;
  type: StoredEvent["type"];
  commandId: string | null;
  data: StoredEvent["data"];
}

/** The after-action report of one drill run, as written to report.json. */
export interface DrillReport extends Evaluation {
  format: typeof REPORT_FORMAT;
  /** True for a drill; false only for the report of a live incident. */
  exercise: boolean;
  drillRunId: string;
  scenario: {
    title: Scenario["title"];
    playbook: string;
    expectedLevel: Scenario["expectedLevel"];
    place: Scenario["place"];
    startAt: string;
  };
  plan: { id: string; version: string; name: Plan["name"] };
  /** Times are UTC instants; screens show them in this zone. */
  timezone: string;
  run: {
    seed: number;
    startedAt: string;
    endedAt: string;
    endReason: DrillRun["endReason"];
    virtualMinutes: number;
    notes: RunNote[];
  };
  rules: { id: string; kind: "strength" | "improve"; statement: string }[];
  events: ReportEvent[];
}

/** A run, its evaluation and what they were run against. */
export interface BuildReportInput {
  plan: Plan;
  scenario: Scenario;
  run: DrillRun;
  evaluation: Evaluation;
  /** False for a live incident's report; drills are exercises. */
  exercise?: boolean;
}

/**
 * Puts a run and its evaluation into the report's fixed shape. Keys are
 * written in one order and every time is a UTC ISO string, so the JSON of
 * the same run is the same to the byte on any machine, TZ or LANG.
 */
export function buildReport(input: BuildReportInput): DrillReport {
  const { plan, scenario, run, evaluation: e } = input;
  return {
    format: REPORT_FORMAT,
    exercise: input.exercise ?? true,
    drillRunId: run.drillRunId,
    scenario: {
      title: scenario.title,
      playbook: scenario.playbook,
      expectedLevel: scenario.expectedLevel,
      place: scenario.place,
      startAt: new Date(Date.parse(scenario.startAt)).toISOString(),
    },
    plan: { id: plan.id, version: plan.version, name: plan.name },
    timezone: plan.timezone,
    run: {
      seed: run.seed,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      endReason: run.endReason,
      virtualMinutes: minutesBetween(run.startedAt, run.endedAt),
      notes: run.notes.map((n) => ({ at: n.at, kind: n.kind, text: n.text })),
    },
    incident: e.incident,
    tiers: e.tiers,
    groups: e.groups,
    units: e.units,
    replacements: e.replacements,
    steps: e.steps,
    strengths: e.strengths,
    improvements: e.improvements,
    rules: rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      statement: r.statement,
    })),
    events: run.events.map((ev) => ({
      position: ev.position,
      seq: ev.seq,
      at: ev.at,
      type: ev.type,
      commandId: ev.commandId,
      data: ev.data,
    })),
  };
}

/** The report as report.json text: two-space JSON and a final newline. */
export function reportJson(report: DrillReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
