import { compareLevels, type Level, type PostRef } from "@muster/protocol";
import {
  echelonFor,
  playbookSteps,
  postRef,
  tierById,
  type Plan,
} from "@muster/plan";
import type { Draft } from "./draft.ts";
import { isCurrent } from "./evolve.ts";
import { selectUnits } from "./selectUnits.ts";

/** What the classifier said of the latest report. */
export interface Grading {
  level: Level;
  band: string;
  reason: string;
}

/** The engine's view of the world outside one incident. */
export interface EngineContext {
  plan: Plan;
  /** Milliseconds since the epoch, from the injected clock. */
  nowMs: number;
  /** True when the unit works another incident and may not be sent. */
  isBusy: (callsign: string) => boolean;
}

/**
 * Records a grading and, when the level rose, stands up the echelon of the
 * new level and dispatches its tiers at once (domain brief §1
 * "Reassessment"). A lower level is recorded and stands nothing down.
 */
export function grade(draft: Draft, grading: Grading, ctx: EngineContext) {
  const { plan } = ctx;
  const before = draft.state;
  const previousLevel = before.band === "" ? null : before.level;
  const countyLed =
    // Once county-led, an incident stays so: a lower re-grade is recorded
    // but hands nothing back by itself (domain brief §1).
    before.countyLed ||
    (grading.level !== "watch" &&
      compareLevels(grading.level, plan.localAuthority.countyLedFrom) >= 0);

  draft.emit("incident.graded", { ...grading, previousLevel, countyLed });
  if (previousLevel === null) attachPlaybook(draft, ctx);
  if (compareLevels(grading.level, previousLevel ?? "watch") <= 0) return;

  standUp(draft, grading.level, ctx);

  if (previousLevel !== null) {
    draft.emit("alert.raised", {
      alertId: `incident.escalated-${grading.level}`,
      kind: "incident.escalated",
      subject: grading.level,
    });
  }
  if (grading.level === "I") {
    draft.emit("alert.raised", {
      alertId: "incident.levelI",
      kind: "incident.levelI",
      subject: "I",
    });
  }
}

/**
 * Fixes the incident's checklist at its first grading (§7): each step is
 * due at an offset from that grading, so a later re-grade moves nothing.
 */
function attachPlaybook(draft: Draft, ctx: EngineContext): void {
  const id = draft.state.incidentType;
  const steps = playbookSteps(ctx.plan, id);
  if (steps.length === 0) return;
  draft.emit("playbook.attached", {
    playbook: id,
    steps: steps.map((s) => ({
      step: s.id,
      group: s.group,
      required: s.required,
      dueAt: new Date(ctx.nowMs + s.dueMinutes * 60_000).toISOString(),
    })),
  });
}

function standUp(draft: Draft, level: Level, ctx: EngineContext): void {
  const { plan } = ctx;
  const echelon = echelonFor(plan, level);
  if (!echelon) return;

  const standing = draft.state.groups.map((g) => g.group);
  const groups = [...standing];
  for (const g of echelon.groups) if (!groups.includes(g)) groups.push(g);
  const wasAidRequested = draft.state.commandPost?.mutualAidRequested ?? false;
  draft.emit("commandPost.activated", {
    level,
    commander: post(plan, echelon.commander),
    firstDeputy: echelon.firstDeputy ? post(plan, echelon.firstDeputy) : null,
    groups,
    groupAckDeadline: ackDeadline(ctx, plan.groupAckMinutes),
    notifyCounty: echelon.notifyCounty,
    mutualAidRequested: wasAidRequested || echelon.requestMutualAid,
  });

  for (const tierId of echelon.tiers) {
    if (draft.state.tiers.some((t) => t.tier === tierId)) continue;
    dispatchTier(draft, tierId, ctx);
  }
}

function dispatchTier(draft: Draft, tierId: string, ctx: EngineContext) {
  const tier = tierById(ctx.plan, tierId);
  if (!tier) return;
  const deadline = new Date(ctx.nowMs + tier.clockMinutes * 60_000);

  draft.emit("tier.dispatched", {
    tier: tier.id,
    clockMinutes: tier.clockMinutes,
    deadline: deadline.toISOString(),
    assemblyPoint: draft.state.place.position,
  });
  const units = selectUnits(ctx.plan, {
    tier: tier.id,
    count: tier.unitsPerDispatch,
    place: draft.state.place.position,
    district: draft.state.district,
    mutualAid: draft.state.commandPost?.mutualAidRequested ?? false,
    isBusy: (cs) => ctx.isBusy(cs) || isOnIncident(draft, cs),
  });
  for (const unit of units) {
    draft.emit("unit.dispatched", {
      callsign: unit.callsign,
      tier: tier.id,
      ackDeadline: ackDeadline(ctx, tier.ackMinutes),
      replaces: null,
    });
  }
}

/** The deadline for a unit dispatched now to acknowledge. */
export function ackDeadline(ctx: EngineContext, ackMinutes: number): string {
  return new Date(ctx.nowMs + ackMinutes * 60_000).toISOString();
}

/** True when the unit already works this incident. */
export function isOnIncident(draft: Draft, callsign: string): boolean {
  return draft.state.units.some(
    (u) => u.callsign === callsign && isCurrent(u) && u.status !== "declined",
  );
}

// The plan check guarantees the post exists; the fallback keeps the id.
function post(plan: Plan, id: string): PostRef {
  return postRef(plan, id) ?? { post: id, name: { zh: id, en: id } };
}
