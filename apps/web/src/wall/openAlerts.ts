import type { AlertState, IncidentState } from "@muster/engine";
import { byGravity } from "../lib/incidents.ts";

/** An alert not yet acknowledged, with the incident it belongs to. */
export interface OpenAlert {
  incident: IncidentState;
  alert: AlertState;
  /** Unique across incidents: alert ids are unique only within one. */
  key: string;
}

/**
 * Every open alert of the incidents, gravest incident first and, within
 * one incident, newest first. An alert stays until an operator
 * acknowledges it at the console, whatever happens to its cause.
 */
export function openAlerts(incidents: readonly IncidentState[]): OpenAlert[] {
  const out: OpenAlert[] = [];
  for (const incident of [...incidents].sort(byGravity)) {
    const open = incident.alerts.filter((a) => a.acknowledgedAt === null);
    open.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
    for (const alert of open) {
      out.push({
        incident,
        alert,
        key: `${incident.incidentId}/${alert.alertId}`,
      });
    }
  }
  return out;
}

/**
 * The keys among `current` not in `known`: alerts that came up since the
 * last look, which is when the wall sounds.
 */
export function newAlertKeys(
  current: readonly OpenAlert[],
  known: ReadonlySet<string>,
): string[] {
  return current.map((a) => a.key).filter((key) => !known.has(key));
}
