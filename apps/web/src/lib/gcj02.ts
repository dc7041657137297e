import gcoord from "gcoord";
import type { LatLon } from "@muster/protocol";

// Chinese tile servers draw on GCJ-02, a deliberately shifted datum; our
// data are WGS 84. gcoord shifts points before they are drawn on such
// tiles, and shifts map clicks back; outside China it leaves them alone.

/** WGS 84 → GCJ-02. */
export function toGcj02(p: LatLon): LatLon {
  const [lon, lat] = gcoord.transform(
    [p.lon, p.lat],
    gcoord.WGS84,
    gcoord.GCJ02,
  );
  return { lat, lon };
}

/** GCJ-02 → WGS 84. */
export function fromGcj02(p: LatLon): LatLon {
  const [lon, lat] = gcoord.transform(
    [p.lon, p.lat],
    gcoord.GCJ02,
    gcoord.WGS84,
  );
  return { lat, lon };
}
