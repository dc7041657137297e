import type { Draft } from "./draft.ts";
import type { IncidentState, UnitAssignment } from "./state.ts";

/**
 * The units a tier waits for: every unit dispatched to it, a replacement
 * counting in place of the unit it replaced (domain brief §3).
 */
export function requiredUnits(
  state: IncidentState,
  tier: string,
): UnitAssignment[] {
  return state.units.filter((u) => u.tier === tier && u.replacedBy === null);
}

/** Records the tier as assembled once its last required unit is there. */
export function completeTier(draft: Draft, tierId: string): void {
  const tier = draft.state.tiers.find((t) => t.tier === tierId);
  if (!tier || tier.status === "assembled") return;
  const required = requiredUnits(draft.state, tierId);
  if (required.length === 0) return;
  if (required.some((u) => u.assembledAt === null)) return;

  const lastMs = Math.max(...required.map((u) => Date.parse(u.assembledAt!)));
  const startMs = Date.parse(tier.dispatchedAt);
  draft.emit("tier.assembled", {
    tier: tierId,
    onTime: required.every((u) => u.onTime === true),
    minutes: (lastMs - startMs) / 60_000,
  });
}
