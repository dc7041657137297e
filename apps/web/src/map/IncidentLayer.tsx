import { useEffect, useRef } from "react";
import L from "leaflet";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { usePlan } from "../lib/PlanContext.tsx";
import { levelColour, levelNumerals, textOn } from "../lib/levels.ts";
import { useMapHandle } from "./MapView.tsx";
import { removeAbsent, useLayerGroup } from "./useLayerGroup.ts";

interface Props {
  incidents: IncidentState[];
  selectedId: string | null;
  onSelect?: (incidentId: string) => void;
  /** Prefix of each marker's data-testid, e.g. `wall-marker`. */
  testIdPrefix: string;
}

interface Drawn {
  marker: L.Marker;
  /** What the icon shows; the icon is rebuilt only when this changes. */
  look: string;
}

/**
 * Incidents as markers coloured by level and labelled with the numeral.
 * Markers are kept between updates: a busy stream of unit events must
 * not rebuild hundreds of markers each time.
 */
export function IncidentLayer(props: Props) {
  const { incidents, selectedId, onSelect, testIdPrefix } = props;
  const { map, toMap } = useMapHandle();
  const { plan } = usePlan();
  const { t } = useTranslation();
  const { layer, drawn } = useLayerGroup<Drawn>(map, [toMap]);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    const present = new Set<string>();

    for (const incident of incidents) {
      const id = incident.incidentId;
      const selected = id === selectedId;
      const colour = levelColour(plan, incident.level);
      const label =
        incident.level === "watch"
          ? t("level.watch")
          : levelNumerals[incident.level];
      const look = `${label}|${colour}|${selected}`;
      present.add(id);

      const known = drawn.current.get(id);
      if (known?.look === look) continue;
      const icon = L.divIcon({
        className: "",
        iconSize: [48, 48],
        iconAnchor: [24, 24],
        html:
          `<div class="incident-marker${selected ? " selected" : ""}" ` +
          `data-testid="${testIdPrefix}-${id}" ` +
          `data-level="${incident.level}" ` +
          `style="background:${colour};color:${textOn(colour)}">` +
          `${label}</div>`,
      });
      if (known) {
        known.marker.setIcon(icon);
        known.marker.setZIndexOffset(selected ? 1000 : 500);
        known.look = look;
        continue;
      }
      const marker = L.marker(toMap(incident.place.position), {
        icon,
        zIndexOffset: selected ? 1000 : 500,
        keyboard: false,
      })
        .bindTooltip(escapeHtml(incident.place.name), { direction: "right" })
        .on("click", () => select.current?.(id))
        .addTo(group);
      drawn.current.set(id, { marker, look });
    }

    removeAbsent(group, drawn.current, present, (kept) => kept.marker);
  }, [map, toMap, plan, t, incidents, selectedId, testIdPrefix]);

  return null;
}

/** Place names come from operators; keep them text inside marker HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
