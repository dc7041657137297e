import type { LatLon } from "@muster/protocol";
import { distanceKm } from "@muster/plan";

/**
 * Where a unit travelling from `from` to `to` at `speedKmh` is after
 * `elapsedMs`, on the straight line, stopping at `to`. Over the few km
 * of a district the straight line in degrees is close enough for a wall.
 */
export function positionAlong(
  from: LatLon,
  to: LatLon,
  speedKmh: number,
  elapsedMs: number,
): LatLon {
  const km = distanceKm(from, to);
  if (km === 0) return to;

  const covered = (speedKmh * Math.max(0, elapsedMs)) / 3_600_000;
  const f = Math.min(1, covered / km);
  return {
    lat: from.lat + (to.lat - from.lat) * f,
    lon: from.lon + (to.lon - from.lon) * f,
  };
}
