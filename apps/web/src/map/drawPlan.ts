import L from "leaflet";
import type { LatLon } from "@muster/protocol";
import type { Plan } from "@muster/plan";

/** The bounds of every district of the plan. */
export function planBounds(
  plan: Plan,
  toMap: (p: LatLon) => L.LatLng,
): L.LatLngBounds {
  const bounds = L.latLngBounds([]);
  for (const district of plan.districts) {
    bounds.extend(toMap(district.seat));
    for (const [lon, lat] of district.boundary)
      bounds.extend(toMap({ lat, lon }));
  }
  return bounds;
}

/**
 * The plan's districts, their seats and the mutual-aid links between
 * partners (dashed), as one layer.
 */
export function drawPlan(
  plan: Plan,
  toMap: (p: LatLon) => L.LatLng,
  zh: boolean,
): L.LayerGroup {
  const layer = L.layerGroup();

  for (const district of plan.districts) {
    const ring = district.boundary.map(([lon, lat]) => toMap({ lat, lon }));
    const home = district.id === plan.homeDistrict;
    L.polygon(ring, {
      className: home ? "district district-home" : "district",
      dashArray: district.boundaryApproximate ? "6 6" : undefined,
      interactive: false,
    }).addTo(layer);

    const seat = toMap(district.seat);
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
  return layer;
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
