import { useEffect } from "react";
import L from "leaflet";
import type { LatLon } from "@muster/protocol";
import { useMapHandle } from "./MapView.tsx";

/** A click on the map picks a place; the pick shows as a ring. */
export function PickLayer({
  picked,
  onPick,
}: {
  picked: LatLon | null;
  onPick: (p: LatLon) => void;
}) {
  const { map, toMap, fromMap } = useMapHandle();

  useEffect(() => {
    const onClick = (e: L.LeafletMouseEvent) => onPick(fromMap(e.latlng));
    map.on("click", onClick);
    map.getContainer().classList.add("pickable");
    return () => {
      map.off("click", onClick);
    };
  }, [map, fromMap, onPick]);

  useEffect(() => {
    if (!picked) return;
    const ring = L.circleMarker(toMap(picked), {
      radius: 12,
      className: "pick-ring",
      interactive: false,
    }).addTo(map);
    return () => {
      ring.remove();
    };
  }, [map, toMap, picked]);

  return null;
}
