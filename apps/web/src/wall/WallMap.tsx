import type { IncidentState } from "@muster/engine";
import type { Dispatch } from "../lib/incidents.ts";
import { AssemblyLayer } from "../map/AssemblyLayer.tsx";
import { IncidentLayer } from "../map/IncidentLayer.tsx";
import { MapView } from "../map/MapView.tsx";
import { UnitLayer } from "../map/UnitLayer.tsx";

interface Props {
  incidents: IncidentState[];
  dispatches: ReadonlyMap<string, Dispatch>;
  selectedId: string | null;
  now: number;
  onSelect: (incidentId: string) => void;
}

/** The wall's map: plan, incidents, assembly points and moving units. */
export function WallMap(props: Props) {
  return (
    <MapView className="wall-map" interactive={false} testId="wall-map">
      <AssemblyLayer incidents={props.incidents} />
      <UnitLayer
        dispatches={props.dispatches}
        now={props.now}
        testIdPrefix="wall-unit"
      />
      <IncidentLayer
        incidents={props.incidents}
        selectedId={props.selectedId}
        onSelect={props.onSelect}
        testIdPrefix="wall-marker"
      />
    </MapView>
  );
}
