import { useEffect } from "react";
import L from "leaflet";
import type { LatLon } from "@muster/protocol";
import { MapView, useMapHandle } from "../map/MapView.tsx";

interface Props {
  from: LatLon;
  to: LatLon;
}

/** A small map of the way from the unit to the assembly point. */
export function AssemblyMap({ from, to }: Props) {
  return (
    <MapView className="unit-map" interactive={false} testId="unit-map">
      <WayLayer from={from} to={to} />
    </MapView>
  );
}

/** The unit, the assembly point and the straight line between them. */
function WayLayer({ from, to }: Props) {
  const { map, toMap } = useMapHandle();
  // By value: the page passes new objects on every tick of its clock.
  const [fromLat, fromLon, toLat, toLon] = [from.lat, from.lon, to.lat, to.lon];

  useEffect(() => {
    const a = toMap({ lat: fromLat, lon: fromLon });
    const b = toMap({ lat: toLat, lon: toLon });
    const group = L.layerGroup([
      L.polyline([a, b], { className: "unit-way", dashArray: "8 6" }),
      L.circleMarker(a, { radius: 8, className: "unit-here" }),
      L.circleMarker(b, { radius: 11, className: "unit-assembly" }),
    ]).addTo(map);
    map.fitBounds(L.latLngBounds([a, b]), { padding: [28, 28], maxZoom: 16 });
    return () => {
      group.remove();
    };
  }, [map, toMap, fromLat, fromLon, toLat, toLon]);
  return null;
}
