import type { IncidentState } from "@muster/engine";
import type { LatLon } from "@muster/protocol";
import type { Dispatch } from "../lib/incidents.ts";
import { AssemblyLayer } from "../map/AssemblyLayer.tsx";
import { IncidentLayer } from "../map/IncidentLayer.tsx";
import { MapView } from "../map/MapView.tsx";
import { PickLayer } from "../map/PickLayer.tsx";
import { UnitLayer } from "../map/UnitLayer.tsx";

interface Props {
  incidents: IncidentState[];
  dispatches: ReadonlyMap<string, Dispatch>;
  selectedId: string | null;
  picked: LatLon | null;
  now: number;
  onSelect: (incidentId: string) => void;
  /** Unset for a role that may not report: a click then picks nothing. */
  onPick?: (p: LatLon) => void;
}

/** The operator's map: a click picks the place of a new report. */
export function ConsoleMap(props: Props) {
  return (
    <MapView className="console-map" testId="console-map">
      <AssemblyLayer incidents={props.incidents} />
      <UnitLayer dispatches={props.dispatches} now={props.now} />
      <IncidentLayer
        incidents={props.incidents}
        selectedId={props.selectedId}
        onSelect={props.onSelect}
        testIdPrefix="console-marker"
      />
      {props.onPick && (
        <PickLayer picked={props.picked} onPick={props.onPick} />
      )}
    </MapView>
  );
}
