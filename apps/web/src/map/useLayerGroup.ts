import { useEffect, useRef } from "react";
import L from "leaflet";

/**
 * A layer group on `map` and what has been drawn into it by key, both
 * kept between renders. The group is made again, empty, whenever one of
 * `redrawOn` changes; the drawing effect must list the same values.
 */
export function useLayerGroup<T>(map: L.Map, redrawOn: readonly unknown[]) {
  const layer = useRef<L.LayerGroup | null>(null);
  const drawn = useRef(new Map<string, T>());

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const kept = drawn.current;
    layer.current = group;
    return () => {
      group.remove();
      kept.clear();
      layer.current = null;
    };
  }, [map, ...redrawOn]);

  return { layer, drawn };
}

/** Takes out of `group` what was drawn for keys no longer `present`. */
export function removeAbsent<T>(
  group: L.LayerGroup,
  drawn: Map<string, T>,
  present: ReadonlySet<string>,
  layerOf: (kept: T) => L.Layer,
): void {
  for (const [key, kept] of drawn) {
    if (present.has(key)) continue;
    // From the group, not only the map: the group would keep it for good.
    group.removeLayer(layerOf(kept));
    drawn.delete(key);
  }
}
