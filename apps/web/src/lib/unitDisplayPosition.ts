import type { UnitAssignment } from "@muster/engine";
import type { LatLon } from "@muster/protocol";
import { positionAlong } from "./geo.ts";

/** What a unit's display position needs of the plan's unit. */
export interface UnitHome {
  home: LatLon;
  speedKmh: number;
}

/**
 * Where to draw a unit on its way: the position its tablet last reported
 * when there is one, else an estimate along the straight line from home
 * to the assembly point by elapsed time and the unit's speed. Before it
 * sets off a unit stays at home; once assembled it is at the point.
 */
export function unitDisplayPosition(
  unit: UnitHome,
  assignment: Pick<
    UnitAssignment,
    "status" | "enRouteAt" | "position" | "acknowledgedAt"
  >,
  assemblyPoint: LatLon,
  now: number,
): LatLon {
  if (assignment.status === "assembled") return assemblyPoint;

  const reported = assignment.position;
  if (reported && assignment.status !== "released") {
    return { lat: reported.lat, lon: reported.lon };
  }
  if (assignment.status === "enRoute" && assignment.enRouteAt) {
    const elapsed = now - Date.parse(assignment.enRouteAt);
    return positionAlong(unit.home, assemblyPoint, unit.speedKmh, elapsed);
  }
  return unit.home;
}
