import { useEffect, useMemo } from "react";
import L from "leaflet";
import { usePlan } from "../lib/PlanContext.tsx";
import type { Dispatch } from "../lib/incidents.ts";
import { useMapHandle } from "./MapView.tsx";
import { placeUnits, type UnitPlacement } from "./unitPositions.ts";
import { unitPathStyle } from "./unitStyle.ts";
import { useLayerGroup } from "./useLayerGroup.ts";

interface Drawn {
  marker: L.CircleMarker;
  status: string;
  lat: number;
  lon: number;
  line: L.Polyline | null;
}

/** What the layer last drew of one unit, readable by browser tests. */
export interface DrawnUnit {
  status: string;
  tier: string;
  lat: number;
  lon: number;
  heading: boolean;
}

/** The map element carries the drawn units for tests and benchmarks. */
export type UnitMapElement = HTMLElement & {
  musterUnits?: Map<string, DrawnUnit>;
};

interface Props {
  dispatches: ReadonlyMap<string, Dispatch>;
  now: number;
  /** 1 at 1080 lines; larger screens draw larger units. */
  scale?: number;
}

/**
 * Every unit of the plan on one canvas, filled by tier and ringed by
 * status. Thousands of DOM markers would stall the wall; circles on a
 * canvas are kept between ticks and only moved or restyled when their
 * unit moved or changed status.
 */
export function UnitLayer({ dispatches, now, scale = 1 }: Props) {
  const { map, toMap } = useMapHandle();
  const { plan } = usePlan();
  const { layer, drawn } = useLayerGroup<Drawn>(map, [toMap, scale]);
  const renderer = useMemo(() => L.canvas({ padding: 0.1 }), []);
  const tierIndex = useMemo(
    () => new Map(plan.tiers.map((t, i) => [t.id, i])),
    [plan],
  );

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    const element = map.getContainer() as UnitMapElement;
    const seen = (element.musterUnits ??= new Map<string, DrawnUnit>());

    for (const unit of placeUnits(plan, dispatches, now)) {
      const index = tierIndex.get(unit.tier) ?? 0;
      const known = drawn.current.get(unit.callsign);
      const next = known ?? {
        marker: L.circleMarker(toMap(unit.at), {
          renderer,
          // Units must not swallow the console's map clicks that pick a place.
          interactive: false,
          ...unitPathStyle(index, unit.status, scale),
        }).addTo(group),
        status: unit.status,
        lat: unit.at.lat,
        lon: unit.at.lon,
        line: null,
      };
      if (next.lat !== unit.at.lat || next.lon !== unit.at.lon) {
        next.marker.setLatLng(toMap(unit.at));
        next.lat = unit.at.lat;
        next.lon = unit.at.lon;
      }
      if (next.status !== unit.status) {
        next.marker.setStyle(unitPathStyle(index, unit.status, scale));
        if (unit.status !== "available") next.marker.bringToFront();
        next.status = unit.status;
      }
      next.line = drawHeading(group, next.line, unit, toMap, renderer, scale);
      drawn.current.set(unit.callsign, next);
      // Updated in place: no new objects each second for 2,000 units.
      const readout = seen.get(unit.callsign) ?? {
        status: "",
        tier: unit.tier,
        lat: 0,
        lon: 0,
        heading: false,
      };
      readout.status = unit.status;
      readout.lat = unit.at.lat;
      readout.lon = unit.at.lon;
      readout.heading = unit.heading !== null;
      seen.set(unit.callsign, readout);
    }
  }, [plan, dispatches, now, toMap, renderer, tierIndex, scale, map]);

  return null;
}

/** A dashed line from an en-route unit to its assembly point. */
function drawHeading(
  group: L.LayerGroup,
  line: L.Polyline | null,
  unit: UnitPlacement,
  toMap: (p: UnitPlacement["at"]) => L.LatLng,
  renderer: L.Renderer,
  scale: number,
): L.Polyline | null {
  if (!unit.heading) {
    // From the group, not only the map: the group would keep it for good.
    if (line) group.removeLayer(line);
    return null;
  }
  const points = [toMap(unit.at), toMap(unit.heading)];
  if (line) {
    const [from, to] = line.getLatLngs() as L.LatLng[];
    const same = from?.equals(points[0]!) && to?.equals(points[1]!);
    return same ? line : line.setLatLngs(points);
  }
  return L.polyline(points, {
    renderer,
    color: "#4fc3f7",
    weight: 2 * scale,
    dashArray: `${4 * scale} ${6 * scale}`,
    interactive: false,
  }).addTo(group);
}
