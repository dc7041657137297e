import { useEffect } from "react";
import L from "leaflet";
import { useTranslation } from "react-i18next";
import type { IncidentState } from "@muster/engine";
import { useMapHandle } from "./MapView.tsx";

/** The assembly points of open incidents, each once per incident. */
export function AssemblyLayer({ incidents }: { incidents: IncidentState[] }) {
  const { map, toMap } = useMapHandle();
  const { t } = useTranslation();

  useEffect(() => {
    const layer = L.layerGroup().addTo(map);
    for (const incident of incidents) {
      const seen = new Set<string>();
      for (const tier of incident.tiers) {
        const p = tier.assemblyPoint;
        const key = `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;
        if (seen.has(key)) continue;
        seen.add(key);

        const icon = L.divIcon({
          className: "",
          iconSize: [30, 30],
          iconAnchor: [15, 15],
          html:
            `<div class="assembly-marker" ` +
            `data-testid="assembly-${incident.incidentId}-${seen.size}">` +
            `${t("map.assemblyMark")}</div>`,
        });
        L.marker(toMap(p), { icon, interactive: false, keyboard: false }).addTo(
          layer,
        );
      }
    }
    return () => {
      layer.remove();
    };
  }, [map, toMap, t, incidents]);

  return null;
}
