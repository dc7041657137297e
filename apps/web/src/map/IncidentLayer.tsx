import { useEffect } from "react";
import L from "leaflet";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { usePlan } from "../lib/PlanContext.tsx";
import { levelColour, levelNumerals, textOn } from "../lib/levels.ts";
import { useMapHandle } from "./MapView.tsx";

interface Props {
  incidents: IncidentState[];
  selectedId: string | null;
  onSelect?: (incidentId: string) => void;
  /** Prefix of each marker's data-testid, e.g. `wall-marker`. */
  testIdPrefix: string;
}

/** Incidents as markers coloured by level and labelled with the numeral. */
export function IncidentLayer(props: Props) {
  const { incidents, selectedId, onSelect, testIdPrefix } = props;
  const { map, toMap } = useMapHandle();
  const { plan } = usePlan();
  const { t } = useTranslation();

  useEffect(() => {
    const layer = L.layerGroup().addTo(map);
    for (const incident of incidents) {
      const colour = levelColour(plan, incident.level);
      const label =
        incident.level === "watch"
          ? t("level.watch")
          : levelNumerals[incident.level];
      const selected = incident.incidentId === selectedId;
      const icon = L.divIcon({
        className: "",
        iconSize: [48, 48],
        iconAnchor: [24, 24],
        html:
          `<div class="incident-marker${selected ? " selected" : ""}" ` +
          `data-testid="${testIdPrefix}-${incident.incidentId}" ` +
          `data-level="${incident.level}" ` +
          `style="background:${colour};color:${textOn(colour)}">` +
          `${label}</div>`,
      });
      const marker = L.marker(toMap(incident.place.position), {
        icon,
        zIndexOffset: selected ? 1000 : 500,
        keyboard: false,
      })
        .bindTooltip(escapeHtml(incident.place.name), { direction: "right" })
        .addTo(layer);
      if (onSelect) marker.on("click", () => onSelect(incident.incidentId));
    }
    return () => {
      layer.remove();
    };
  }, [map, toMap, plan, t, incidents, selectedId, onSelect, testIdPrefix]);

  return null;
}

/** Place names come from operators; keep them text inside marker HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
