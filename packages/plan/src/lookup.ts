import { booleanPointInPolygon, distance, polygon } from "@turf/turf";
import {
  compareLevels,
  MusterError,
  type LatLon,
  type Level,
  type LocalisedText,
} from "@muster/protocol";
import type { District, Echelon, Group, Plan, Tier, Unit } from "./schema.ts";

/** The echelon that stands up at a level; none for `watch` by default. */
export function echelonFor(plan: Plan, level: Level): Echelon | undefined {
  return plan.echelons.find((e) => e.level === level);
}

/** The tier with this id, if the plan has one. */
export function tierById(plan: Plan, id: string): Tier | undefined {
  return plan.tiers.find((t) => t.id === id);
}

/** The unit with this callsign, if the plan has one. */
export function unitByCallsign(plan: Plan, callsign: string): Unit | undefined {
  return plan.units.find((u) => u.callsign === callsign);
}

/** The command-post group with this id, if the plan has one. */
export function groupById(plan: Plan, id: string): Group | undefined {
  return plan.groups.find((g) => g.id === id);
}

/** The district with this id, if the plan has one. */
export function districtById(plan: Plan, id: string): District | undefined {
  return plan.districts.find((d) => d.id === id);
}

/** A command role's post as the engine records it: id, name, who is on duty. */
export interface PostRef {
  post: string;
  name: LocalisedText;
  onDuty?: LocalisedText;
}

/** The post with this id in the shape the engine records, if it exists. */
export function postRef(plan: Plan, postId: string): PostRef | undefined {
  const post = plan.posts.find((p) => p.id === postId);
  if (!post) return undefined;
  const ref: PostRef = { post: post.id, name: post.name };
  if (post.onDuty !== undefined) ref.onDuty = post.onDuty;
  return ref;
}

/** True when incidents at `level` are county-led under the plan (§1). */
export function isCountyLed(plan: Plan, level: Level): boolean {
  return compareLevels(level, plan.localAuthority.countyLedFrom) >= 0;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: "kilometers" });
}

/**
 * Minutes a unit needs between two points at its plan speed. Straight-line
 * distance, so it is an estimate for drills and screens, never a deadline.
 */
export function travelMinutes(
  unit: Pick<Unit, "speedKmh">,
  from: LatLon,
  to: LatLon,
): number {
  return (distanceKm(from, to) / unit.speedKmh) * 60;
}

function contains(district: District, position: LatLon): boolean {
  const ring = district.boundary;
  const first = ring[0];
  const last = ring[ring.length - 1];
  // turf refuses open rings; an unchecked plan may hold one.
  if (!first || !last || ring.length < 4) return false;
  const closed =
    first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
  return booleanPointInPolygon([position.lon, position.lat], polygon([closed]));
}

/**
 * The district a position lies in. Outside every boundary (approximate
 * boundaries leave slivers, and incidents happen just over a line) the
 * district with the nearest seat answers.
 */
export function districtAt(plan: Plan, position: LatLon): District {
  const inside = plan.districts.find((d) => contains(d, position));
  if (inside) return inside;

  let nearest = plan.districts[0];
  let best = Infinity;
  for (const district of plan.districts) {
    const km = distanceKm(position, district.seat);
    if (km < best) [nearest, best] = [district, km];
  }
  // The schema requires at least one district; this guards unchecked plans.
  if (!nearest) {
    throw new MusterError("PLAN_INVALID", `plan ${plan.id} has no districts`, {
      path: "districts",
    });
  }
  return nearest;
}

/**
 * How far outside every district a place may lie and still be taken as
 * the plan's: the boundaries are approximate, and a river bank or a coast
 * road may fall just outside them.
 */
export const PLAN_AREA_MARGIN_KM = 10;

/** True when a place lies in a district or within the margin of one seat. */
export function isInPlanArea(plan: Plan, position: LatLon): boolean {
  if (plan.districts.some((d) => contains(d, position))) return true;
  return plan.districts.some(
    (d) => distanceKm(position, d.seat) <= PLAN_AREA_MARGIN_KM,
  );
}
