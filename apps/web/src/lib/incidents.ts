import { compareLevels } from "@muster/protocol";
import type { IncidentState, TierState, UnitAssignment } from "@muster/engine";

/** Incidents not yet closed. */
export function openIncidents(
  incidents: ReadonlyMap<string, IncidentState>,
): IncidentState[] {
  return [...incidents.values()].filter((i) => i.phase !== "closed");
}

const settled = new Set(["resolved", "followUp", "closed"]);

/**
 * Gravest first: incidents still being responded to before settled ones,
 * then by level (Ⅰ first), then the oldest first.
 */
export function byGravity(a: IncidentState, b: IncidentState): number {
  const phase = Number(settled.has(a.phase)) - Number(settled.has(b.phase));
  if (phase !== 0) return phase;
  const level = compareLevels(b.level, a.level);
  if (level !== 0) return level;
  return a.reportedAt.localeCompare(b.reportedAt);
}

/** A unit's assignment together with its incident. */
export interface Dispatch {
  incident: IncidentState;
  assignment: UnitAssignment;
}

/** An assignment still in force: not released, not replaced. */
export function isCurrent(a: UnitAssignment): boolean {
  return a.status !== "released" && a.status !== "replaced";
}

/**
 * Each unit's current dispatch: its latest assignment still in force
 * across the open incidents.
 */
export function currentDispatches(
  incidents: ReadonlyMap<string, IncidentState>,
): Map<string, Dispatch> {
  const out = new Map<string, Dispatch>();
  for (const incident of openIncidents(incidents)) {
    for (const assignment of incident.units) {
      if (!isCurrent(assignment)) continue;
      const known = out.get(assignment.callsign);
      if (!known || known.assignment.dispatchedAt <= assignment.dispatchedAt) {
        out.set(assignment.callsign, { incident, assignment });
      }
    }
  }
  return out;
}

/** How far a tier's units have got, counted cumulatively. */
export interface TierCounts {
  dispatched: number;
  acknowledged: number;
  enRoute: number;
  assembled: number;
}

export function tierCounts(incident: IncidentState, tier: string): TierCounts {
  const units = incident.units.filter((u) => u.tier === tier && isCurrent(u));
  return {
    dispatched: units.length,
    acknowledged: units.filter((u) => u.acknowledgedAt !== null).length,
    enRoute: units.filter((u) => u.enRouteAt !== null).length,
    assembled: units.filter((u) => u.assembledAt !== null).length,
  };
}

/** A tier's clock at `now`, as the wall shows it. */
export interface TierClock {
  status: "running" | "late" | "assembled";
  /** Until the deadline; negative once past it. */
  remainingMs: number;
  /** Share of the clock still left, 0 to 1. */
  fractionLeft: number;
}

/**
 * Computed from the deadline and the current time, not from the server's
 * `tier.late`: the wall must show a tier late the second it goes late,
 * even when that event is a moment behind.
 */
export function tierClock(tier: TierState, now: number): TierClock {
  const deadline = Date.parse(tier.deadline);
  const total = tier.clockMinutes * 60_000;
  const remainingMs = deadline - now;
  const fractionLeft = Math.max(0, Math.min(1, remainingMs / total));

  if (tier.status === "assembled") {
    return { status: "assembled", remainingMs, fractionLeft };
  }
  const late = tier.status === "late" || remainingMs < 0;
  return { status: late ? "late" : "running", remainingMs, fractionLeft };
}
