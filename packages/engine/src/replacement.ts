import { tierById } from "@muster/plan";
import type { Draft } from "./draft.ts";
import { findUnit } from "./evolve.ts";
import { ackDeadline, isOnIncident, type EngineContext } from "./grading.ts";
import { selectUnits } from "./selectUnits.ts";

/**
 * Offers a free unit of the same tier in place of one that declined or did
 * not acknowledge in time; the command post accepts it, unless the plan
 * accepts replacements automatically.
 */
export function offerReplacement(
  draft: Draft,
  replaces: string,
  ctx: EngineContext,
): void {
  const unit = findUnit(draft.state, replaces);
  if (!unit) return;
  const candidate = findCandidate(draft, unit.tier, ctx);

  draft.emit("replacement.offered", {
    tier: unit.tier,
    replaces,
    candidate,
  });
  if (ctx.plan.replacement.autoAccept && candidate) {
    dispatchReplacement(draft, replaces, candidate, ctx);
  }
}

/** A free unit of the tier, or null when none is free. */
export function findCandidate(
  draft: Draft,
  tier: string,
  ctx: EngineContext,
): string | null {
  const [candidate] = selectUnits(ctx.plan, {
    tier,
    count: 1,
    place: draft.state.place.position,
    district: draft.state.district,
    mutualAid: draft.state.commandPost?.mutualAidRequested ?? false,
    // A unit that declined or was replaced here is not offered again.
    isBusy: (cs) =>
      ctx.isBusy(cs) ||
      isOnIncident(draft, cs) ||
      draft.state.units.some((u) => u.callsign === cs),
  });
  return candidate?.callsign ?? null;
}

/** Sends the replacement unit to the tier of the unit it replaces. */
export function dispatchReplacement(
  draft: Draft,
  replaces: string,
  callsign: string,
  ctx: EngineContext,
): void {
  const unit = findUnit(draft.state, replaces);
  const tier = unit ? tierById(ctx.plan, unit.tier) : undefined;
  if (!unit || !tier) return;

  draft.emit("unit.dispatched", {
    callsign,
    tier: unit.tier,
    ackDeadline: ackDeadline(ctx, tier.ackMinutes),
    replaces,
  });
}
