import type { NewEvent } from "@muster/protocol";
import { Draft } from "./draft.ts";
import type { EngineContext } from "./grading.ts";
import { offerReplacement } from "./replacement.ts";
import type { IncidentState } from "./state.ts";
import { requiredUnits } from "./tiers.ts";

/**
 * A deadline held in an incident's state, to be armed by a scheduler. It
 * falls due one millisecond after the deadline: a unit that assembles at
 * the deadline itself is on time (domain brief §3), so lateness starts
 * only once the deadline has passed.
 */
export type DueTimer =
  | { kind: "tier.deadline"; at: string; deadline: string; tier: string }
  | {
      kind: "unit.ackDeadline";
      at: string;
      deadline: string;
      callsign: string;
    }
  | { kind: "group.ackDeadline"; at: string; deadline: string; group: string };

function justAfter(deadline: string): string {
  return new Date(Date.parse(deadline) + 1).toISOString();
}

/**
 * Every deadline still pending in the state. Deadlines are absolute times
 * in the state, so a restarted server re-arms them from the store alone.
 */
export function dueTimers(state: IncidentState): DueTimer[] {
  if (state.phase !== "responding") return [];
  const timers: DueTimer[] = [];
  for (const t of state.tiers) {
    if (t.status === "running") {
      timers.push({
        kind: "tier.deadline",
        at: justAfter(t.deadline),
        deadline: t.deadline,
        tier: t.tier,
      });
    }
  }
  for (const g of state.groups) {
    // One alert per group: once raised, the deadline is spent.
    const alerted = state.alerts.some(
      (a) => a.alertId === `group.unacknowledged-${g.group}`,
    );
    // Truthy, not just non-null: a snapshot stored before groups had an
    // acknowledgement time lacks the field altogether.
    if (g.acknowledgedAt === null && g.ackDeadline && !alerted) {
      timers.push({
        kind: "group.ackDeadline",
        at: justAfter(g.ackDeadline),
        deadline: g.ackDeadline,
        group: g.group,
      });
    }
  }
  for (const u of state.units) {
    if (u.status === "dispatched") {
      timers.push({
        kind: "unit.ackDeadline",
        at: justAfter(u.ackDeadline),
        deadline: u.ackDeadline,
        callsign: u.callsign,
      });
    }
  }
  return timers;
}

/**
 * The events a deadline produces. They carry the deadline's own time, so
 * a deadline that passed while the server was down reads as it should.
 * Returns none when the deadline no longer applies.
 */
export function fireTimer(
  state: IncidentState,
  timer: DueTimer,
  ctx: EngineContext,
): NewEvent[] {
  const pending = dueTimers(state).some(
    (t) => t.kind === timer.kind && t.at === timer.at && sameKey(t, timer),
  );
  if (!pending) return [];
  const draft = new Draft(state, timer.at);

  if (timer.kind === "tier.deadline") {
    const missing = requiredUnits(state, timer.tier)
      .filter((u) => u.assembledAt === null)
      .map((u) => u.callsign);
    draft.emit("tier.late", {
      tier: timer.tier,
      deadline: timer.deadline,
      missing,
    });
    draft.emit("alert.raised", {
      alertId: `tier.late-${timer.tier}`,
      kind: "tier.late",
      subject: timer.tier,
    });
  } else if (timer.kind === "group.ackDeadline") {
    // The group stays on the command post as unacknowledged; the alert
    // asks the room to chase its lead (domain brief §2).
    draft.emit("alert.raised", {
      alertId: `group.unacknowledged-${timer.group}`,
      kind: "group.unacknowledged",
      subject: timer.group,
    });
  } else {
    draft.emit("unit.ackOverdue", {
      callsign: timer.callsign,
      ackDeadline: timer.deadline,
    });
    offerReplacement(draft, timer.callsign, ctx);
  }
  return draft.events;
}

function sameKey(a: DueTimer, b: DueTimer): boolean {
  if (a.kind === "tier.deadline" && b.kind === "tier.deadline") {
    return a.tier === b.tier;
  }
  if (a.kind === "unit.ackDeadline" && b.kind === "unit.ackDeadline") {
    return a.callsign === b.callsign;
  }
  if (a.kind === "group.ackDeadline" && b.kind === "group.ackDeadline") {
    return a.group === b.group;
  }
  return false;
}
