import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import L from "leaflet";
import type { LatLon } from "@muster/protocol";
import { useTranslation } from "react-i18next";
import { usePlan } from "../lib/PlanContext.tsx";
import { fromGcj02, toGcj02 } from "../lib/gcj02.ts";
import { drawPlan } from "./drawPlan.ts";

/** The map and how to turn plan positions into map positions. */
export interface MapHandle {
  map: L.Map;
  toMap(p: LatLon): L.LatLng;
  fromMap(p: L.LatLng): LatLon;
}

const MapContext = createContext<MapHandle | null>(null);

/** The surrounding map; only inside a MapView's children. */
export function useMapHandle(): MapHandle {
  const handle = useContext(MapContext);
  if (!handle) throw new Error("useMapHandle outside MapView");
  return handle;
}

interface Props {
  className?: string;
  /** Wall maps are for looking, not for handling. */
  interactive?: boolean;
  testId?: string;
  children?: ReactNode;
}

/**
 * A Leaflet map of the plan's districts, seats and partner links; tiles
 * only when the server config names them. Layers come as children.
 */
export function MapView({ className, interactive = true, testId, children }: Props) {
  const { plan, config } = usePlan();
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith("zh");
  const container = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;

    const shift = config.tileUrl !== null && config.tileDatum === "gcj02";
    const toMap = (p: LatLon) => {
      const q = shift ? toGcj02(p) : p;
      return L.latLng(q.lat, q.lon);
    };
    const fromMap = (p: L.LatLng) => {
      const q = { lat: p.lat, lon: p.lng };
      return shift ? fromGcj02(q) : q;
    };

    const map = L.map(element, {
      zoomControl: interactive,
      attributionControl: config.tileUrl !== null,
      zoomSnap: 0.25,
    });
    if (config.tileUrl) L.tileLayer(config.tileUrl, { maxZoom: 19 }).addTo(map);
    const bounds = drawPlan(map, plan, toMap, zh);
    map.fitBounds(bounds, { padding: [24, 24] });

    setHandle({ map, toMap, fromMap });
    // Grid layouts settle after the first paint; Leaflet must re-measure.
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      setHandle(null);
      map.remove();
    };
  }, [plan, config, interactive, zh]);

  return (
    <div className={`map ${className ?? ""}`} data-testid={testId}>
      <div ref={container} className="map-canvas" />
      {handle && (
        <MapContext.Provider value={handle}>{children}</MapContext.Provider>
      )}
    </div>
  );
}
