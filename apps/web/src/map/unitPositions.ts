import type { LatLon } from "@muster/protocol";
import type { Plan } from "@muster/plan";
import type { Dispatch } from "../lib/incidents.ts";
import { unitDisplayPosition } from "../lib/unitDisplayPosition.ts";

/** Where one unit is drawn, and where it is heading if en route. */
export interface UnitPlacement {
  callsign: string;
  tier: string;
  /** The assignment's status, or `available` with no dispatch. */
  status: string;
  at: LatLon;
  /** The assembly point, while en route. */
  heading: LatLon | null;
}

/**
 * Places every unit of the plan: at home until it sets off; on its way, at
 * the position its tablet last reported, or else estimated along the line
 * to its tier's assembly point; assembled, at the assembly point, fanned
 * out a little so that units there do not hide one another.
 */
export function placeUnits(
  plan: Plan,
  dispatches: ReadonlyMap<string, Dispatch>,
  now: number,
): UnitPlacement[] {
  const assembledSoFar = new Map<string, number>();

  return plan.units.map((unit) => {
    const dispatch = dispatches.get(unit.callsign);
    const base = { callsign: unit.callsign, tier: unit.tier };
    if (!dispatch) {
      return { ...base, status: "available", at: unit.home, heading: null };
    }

    const { incident, assignment } = dispatch;
    const tier = incident.tiers.find((t) => t.tier === assignment.tier);
    const point = tier?.assemblyPoint ?? incident.place.position;
    const status = assignment.status;

    if (status === "enRoute") {
      const at = unitDisplayPosition(unit, assignment, point, now);
      return { ...base, status, at, heading: point };
    }
    if (status === "assembled") {
      const key = `${point.lat},${point.lon}`;
      const n = assembledSoFar.get(key) ?? 0;
      assembledSoFar.set(key, n + 1);
      return { ...base, status, at: fanOut(point, n), heading: null };
    }
    const at = unitDisplayPosition(unit, assignment, point, now);
    return { ...base, status, at, heading: null };
  });
}

/** The n-th spot on a small spiral around `p`. */
function fanOut(p: LatLon, n: number): LatLon {
  if (n === 0) return p;
  const angle = n * 2.4;
  const r = 0.0012 * Math.sqrt(n);
  return { lat: p.lat + r * Math.sin(angle), lon: p.lon + r * Math.cos(angle) };
}
