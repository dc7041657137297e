import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { ReactNode } from "react";
import L from "leaflet";
import type { LatLon } from "@muster/protocol";
import { usePlan } from "../lib/PlanContext.tsx";
import { fromGcj02, toGcj02 } from "../lib/gcj02.ts";
import { planBounds } from "./drawPlan.ts";
import { PlanLayer } from "./PlanLayer.tsx";

/** The map and how to turn plan positions into map positions. */
export interface MapHandle {
  map: L.Map;
  toMap: (p: LatLon) => L.LatLng;
  fromMap: (p: L.LatLng) => LatLon;
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
 * A Leaflet map framed on the plan's districts, with tiles only when the
 * server config names them. Layers come as children, above the plan's.
 */
export function MapView({
  className,
  interactive = true,
  testId,
  children,
}: Props) {
  const { plan, config } = usePlan();
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
    map.fitBounds(planBounds(plan, toMap), { padding: [24, 24] });

    setHandle({ map, toMap, fromMap });
    // Grid layouts settle after the first paint; Leaflet must re-measure.
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      setHandle(null);
      map.remove();
    };
  }, [plan, config, interactive]);

  return (
    <div className={`map ${className ?? ""}`} data-testid={testId}>
      <div ref={container} className="map-canvas" />
      {handle && (
        // Keyed by the map, so layers never touch a map already removed.
        <MapContext.Provider key={L.Util.stamp(handle.map)} value={handle}>
          <PlanLayer />
          {children}
        </MapContext.Provider>
      )}
    </div>
  );
}
