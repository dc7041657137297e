import { useEffect } from "react";
import type { LatLon } from "@muster/protocol";
import { useMapHandle } from "../map/MapView.tsx";

/** A place the map should turn to; `stamp` tells repeated turns apart. */
export interface MapFocus {
  incidentId: string;
  position: LatLon;
  stamp: number;
}

/**
 * Turns the map to a new or escalated incident, unless the operator has
 * pinned the view. Zooms in only as far as a town's streets.
 */
export function MapFollow({
  focus,
  pinned,
}: {
  focus: MapFocus | null;
  pinned: boolean;
}) {
  const { map, toMap } = useMapHandle();

  useEffect(() => {
    if (!focus || pinned) return;
    const zoom = Math.max(map.getZoom(), 13);
    map.flyTo(toMap(focus.position), zoom, { duration: 1.2 });
    // Keyed by the stamp alone: only a new focus turns the map, and
    // unpinning waits for the next one rather than jumping back.
  }, [focus?.stamp, map, toMap]);

  return null;
}
