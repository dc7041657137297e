import type { ReactNode } from "react";
import type { IncidentState } from "@muster/engine";
import type { Dispatch } from "../lib/incidents.ts";
import { AssemblyLayer } from "../map/AssemblyLayer.tsx";
import { IncidentLayer } from "../map/IncidentLayer.tsx";
import { MapView } from "../map/MapView.tsx";
import { UnitLayer } from "../map/UnitLayer.tsx";
import { MapFollow, type MapFocus } from "./MapFollow.tsx";

interface Props {
  incidents: IncidentState[];
  dispatches: ReadonlyMap<string, Dispatch>;
  selectedId: string | null;
  now: number;
  scale: number;
  focus: MapFocus | null;
  pinned: boolean;
  onSelect: (incidentId: string) => void;
  /** Overlays drawn above the map: alerts, legend. */
  children?: ReactNode;
}

/** The wall's map: plan, incidents, assembly points and moving units. */
export function WallMap(props: Props) {
  return (
    <div className="wall-map-frame">
      <MapView className="wall-map" interactive={false} testId="wall-map">
        <AssemblyLayer incidents={props.incidents} />
        <UnitLayer
          dispatches={props.dispatches}
          now={props.now}
          scale={props.scale}
        />
        <IncidentLayer
          incidents={props.incidents}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
          testIdPrefix="wall-marker"
        />
        <MapFollow focus={props.focus} pinned={props.pinned} />
      </MapView>
      {props.children}
    </div>
  );
}
