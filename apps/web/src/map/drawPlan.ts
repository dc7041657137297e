import L from "leaflet";
import type { LatLon } from "@muster/protocol";
import type { Plan } from "@muster/plan";

/**
 * Draws the plan's districts, their seats and the mutual-aid links
 * between partners (dashed), and returns the bounds of it all.
 */
export function drawPlan(
  map: L.Map,
  plan: Plan,
  toMap: (p: LatLon) => L.LatLng,
  zh: boolean,
): L.LatLngBounds {
  const bounds = L.latLngBounds([]);
  const layer = L.layerGroup().addTo(map);

  for (const district of plan.districts) {
    const ring = district.boundary.map(([lon, lat]) => toMap({ lat, lon }));
    const home = district.id === plan.homeDistrict;
    L.polygon(ring, {
      className: home ? "district district-home" : "district",
      dashArray: district.boundaryApproximate ? "6 6" : undefined,
      interactive: false,
    }).addTo(layer);
    ring.forEach((p) => bounds.extend(p));

    const seat = toMap(district.seat);
    bounds.extend(seat);
    L.circleMarker(seat, {
      radius: 6,
      className: "district-seat",
      interactive: false,
    })
      .bindTooltip(zh ? district.name.zh : district.name.en, {
        permanent: true,
        direction: "top",
        className: "seat-label",
      })
      .addTo(layer);
  }

  for (const [from, to] of partnerLinks(plan)) {
    L.polyline([toMap(from), toMap(to)], {
      className: "partner-link",
      dashArray: "10 8",
      interactive: false,
    }).addTo(layer);
  }
  return bounds;
}

/** Each partnership once, as the two seats it joins. */
function partnerLinks(plan: Plan): [LatLon, LatLon][] {
  const seats = new Map(plan.districts.map((d) => [d.id, d.seat]));
  const seen = new Set<string>();
  const links: [LatLon, LatLon][] = [];

  for (const district of plan.districts) {
    for (const partner of district.partners) {
      const key = [district.id, partner].sort().join("|");
      const to = seats.get(partner);
      if (seen.has(key) || !to) continue;
      seen.add(key);
      links.push([district.seat, to]);
    }
  }
  return links;
}
