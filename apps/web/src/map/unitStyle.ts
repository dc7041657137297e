import type L from "leaflet";

/**
 * Fill colours of the plan's tiers by their place in the plan: units are
 * drawn on canvas, where CSS classes do not reach, so colours live here.
 * The map legend shows each colour beside the tier's name.
 */
export const tierColours = [
  "#1e88e5",
  "#3949ab",
  "#00897b",
  "#7cb342",
  "#e53935",
  "#8d6e63",
  "#d81b60",
  "#5e35b1",
] as const;

export function tierColour(index: number): string {
  return tierColours[index % tierColours.length] ?? "#78909c";
}

/** Ring colours by dispatch status: the state reads without the label. */
const ring: Record<string, string> = {
  available: "#90a4ae",
  dispatched: "#ffb300",
  ackOverdue: "#ffb300",
  acknowledged: "#fff176",
  enRoute: "#ffffff",
  assembled: "#43a047",
  declined: "#e53935",
};

/**
 * How one unit is drawn at a scale (1 at 1080 lines, 2 at 2160): units
 * at home are small and faint, units at work large with a bright ring.
 */
export function unitPathStyle(
  tierIndex: number,
  status: string,
  scale: number,
): L.CircleMarkerOptions {
  const idle = status === "available";
  return {
    radius: (idle ? 3.5 : 7) * scale,
    weight: (idle ? 1 : 2.5) * scale,
    color: ring[status] ?? "#90a4ae",
    fillColor: tierColour(tierIndex),
    fillOpacity: idle ? 0.35 : 1,
    opacity: idle ? 0.4 : 1,
  };
}
