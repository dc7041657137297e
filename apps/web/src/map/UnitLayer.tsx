import { useEffect, useRef } from "react";
import L from "leaflet";
import type { Plan } from "@muster/plan";
import { usePlan } from "../lib/PlanContext.tsx";
import type { Dispatch } from "../lib/incidents.ts";
import { useMapHandle } from "./MapView.tsx";
import { placeUnits, type UnitPlacement } from "./unitPositions.ts";

interface Drawn {
  marker: L.Marker;
  status: string;
  line: L.Polyline | null;
}

interface Props {
  dispatches: ReadonlyMap<string, Dispatch>;
  now: number;
  testIdPrefix: string;
}

/**
 * Every unit of the plan, shaped by tier and coloured by status. Markers
 * are kept between ticks and only moved, so a once-a-second update does
 * not rebuild the DOM of a hundred markers.
 */
export function UnitLayer({ dispatches, now, testIdPrefix }: Props) {
  const { map, toMap } = useMapHandle();
  const { plan } = usePlan();
  const drawn = useRef(new Map<string, Drawn>());
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const markers = drawn.current;
    layer.current = group;
    return () => {
      group.remove();
      markers.clear();
      layer.current = null;
    };
  }, [map, toMap]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    for (const unit of placeUnits(plan, dispatches, now)) {
      const known = drawn.current.get(unit.callsign);
      const next = known ?? {
        marker: L.marker(toMap(unit.at), {
          keyboard: false,
          // Units must not swallow the console's map clicks that pick a place.
          interactive: false,
        }).addTo(group),
        status: "",
        line: null,
      };
      next.marker.setLatLng(toMap(unit.at));
      if (next.status !== unit.status) {
        next.marker.setIcon(unitIcon(plan, unit, testIdPrefix));
        next.status = unit.status;
      }
      next.line = drawHeading(group, next.line, unit, toMap);
      drawn.current.set(unit.callsign, next);
    }
  }, [plan, dispatches, now, toMap, testIdPrefix]);

  return null;
}

function unitIcon(plan: Plan, unit: UnitPlacement, prefix: string): L.DivIcon {
  const tierIndex = plan.tiers.findIndex((t) => t.id === unit.tier);
  return L.divIcon({
    className: "",
    iconSize: [56, 22],
    iconAnchor: [28, 11],
    html:
      `<div class="unit-marker unit-tier-${tierIndex} unit-${unit.status}" ` +
      `data-testid="${prefix}-${unit.callsign}" ` +
      `data-status="${unit.status}" data-tier="${unit.tier}">` +
      `${unit.callsign}</div>`,
  });
}

/** A dashed line from an en-route unit to its assembly point. */
function drawHeading(
  group: L.LayerGroup,
  line: L.Polyline | null,
  unit: UnitPlacement,
  toMap: (p: UnitPlacement["at"]) => L.LatLng,
): L.Polyline | null {
  if (!unit.heading) {
    line?.remove();
    return null;
  }
  const points = [toMap(unit.at), toMap(unit.heading)];
  if (line) return line.setLatLngs(points);
  return L.polyline(points, {
    className: "unit-heading",
    dashArray: "4 6",
    interactive: false,
  }).addTo(group);
}
