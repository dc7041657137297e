import { useEffect } from "react";
import L from "leaflet";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { useMapHandle } from "./MapView.tsx";
import { removeAbsent, useLayerGroup } from "./useLayerGroup.ts";

/**
 * The assembly points of open incidents, each once per incident. Markers
 * are kept by incident and point, and drawn again only when the language
 * changes.
 */
export function AssemblyLayer({ incidents }: { incidents: IncidentState[] }) {
  const { map, toMap } = useMapHandle();
  const { t } = useTranslation();
  const { layer, drawn } = useLayerGroup<L.Marker>(map, [toMap, t]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    const present = new Set<string>();

    for (const incident of incidents) {
      let n = 0;
      for (const tier of incident.tiers) {
        const p = tier.assemblyPoint;
        const key = `${incident.incidentId}@${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;
        if (present.has(key)) continue;
        present.add(key);
        n += 1;
        if (drawn.current.has(key)) continue;

        const icon = L.divIcon({
          className: "",
          iconSize: [30, 30],
          iconAnchor: [15, 15],
          html:
            `<div class="assembly-marker" ` +
            `data-testid="assembly-${incident.incidentId}-${n}">` +
            `${t("map.assemblyMark")}</div>`,
        });
        const marker = L.marker(toMap(p), {
          icon,
          interactive: false,
          keyboard: false,
        }).addTo(group);
        drawn.current.set(key, marker);
      }
    }
    removeAbsent(group, drawn.current, present, (marker) => marker);
  }, [map, toMap, t, incidents]);

  return null;
}
