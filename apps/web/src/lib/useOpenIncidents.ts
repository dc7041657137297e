import { useMemo } from "react";
import type { IncidentState } from "@muster/engine";
import {
  byGravity,
  currentDispatches,
  openIncidents,
  type Dispatch,
} from "./incidents.ts";

/**
 * The open incidents, gravest first, and each unit's current dispatch;
 * worked out again only when the incidents change, not at each tick.
 */
export function useOpenIncidents(all: ReadonlyMap<string, IncidentState>): {
  incidents: IncidentState[];
  dispatches: Map<string, Dispatch>;
} {
  return useMemo(
    () => ({
      incidents: openIncidents(all).sort(byGravity),
      dispatches: currentDispatches(all),
    }),
    [all],
  );
}
