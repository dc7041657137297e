import type { IncidentState, StepState } from "./state.ts";

/**
 * Where a checklist step stands at a moment: `open` before its due time,
 * `late` once past it and still undone, `done` or `doneLate` when ticked
 * off at or before its due time, or after it.
 */
export type StepStatus = "open" | "late" | "done" | "doneLate";

/** A step with its status at a moment. */
export interface StepProgress extends StepState {
  status: StepStatus;
}

/** Counts of an incident's steps at a moment, for a compact display. */
export interface PlaybookProgress {
  steps: StepProgress[];
  done: number;
  /** Open and not yet due. */
  open: number;
  /** Past due and undone. */
  late: number;
  total: number;
}

/** The status of one step at `nowMs`, derived from its due time alone. */
export function stepStatus(step: StepState, nowMs: number): StepStatus {
  const due = Date.parse(step.dueAt);
  if (step.completedAt !== null) {
    return Date.parse(step.completedAt) <= due ? "done" : "doneLate";
  }
  return nowMs > due ? "late" : "open";
}

/**
 * The incident's checklist at `nowMs`, in due order; null when the
 * incident has no playbook.
 *
 * @example
 * const p = playbookProgress(incident, Date.now());
 * p && `${p.done}/${p.total} done, ${p.late} late`;
 */
export function playbookProgress(
  incident: IncidentState,
  nowMs: number,
): PlaybookProgress | null {
  if (!incident.playbook) return null;
  const steps = incident.playbook.steps
    .map((s) => ({ ...s, status: stepStatus(s, nowMs) }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const count = (...statuses: StepStatus[]) =>
    steps.filter((s) => statuses.includes(s.status)).length;
  return {
    steps,
    done: count("done", "doneLate"),
    open: count("open"),
    late: count("late"),
    total: steps.length,
  };
}
