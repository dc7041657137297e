import type { LatLon } from "@muster/protocol";
import { distanceKm, type Plan, type Unit } from "@muster/plan";

/** Where to look for units, nearest circle first. */
export interface UnitSearch {
  tier: string;
  count: number;
  place: LatLon;
  district: string;
  /** Partner districts' units may be sent (mutual aid requested). */
  mutualAid: boolean;
  isBusy: (callsign: string) => boolean;
}

/**
 * Picks free units of a tier: the incident's own district first, then the
 * plan's home district, then partners when mutual aid is requested; within
 * each circle the nearest home first, ties by callsign so that the choice
 * is the same on every replay.
 */
export function selectUnits(plan: Plan, search: UnitSearch): Unit[] {
  const home = plan.homeDistrict;
  const circle = (u: Unit): number => {
    if (u.district === search.district) return 0;
    if (u.district === home) return 1;
    return 2;
  };
  const candidates = plan.units
    .filter((u) => u.tier === search.tier && !search.isBusy(u.callsign))
    .filter((u) => search.mutualAid || circle(u) < 2)
    .map((u) => ({ u, c: circle(u), d: distanceKm(u.home, search.place) }));

  candidates.sort(
    (a, b) => a.c - b.c || a.d - b.d || byCode(a.u.callsign, b.u.callsign),
  );
  return candidates.slice(0, search.count).map((x) => x.u);
}

/** Code-point order: unlike localeCompare, the same under every LANG. */
function byCode(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
