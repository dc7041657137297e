import { compareLevels, type Level } from "@muster/protocol";
import type { IncidentState } from "@muster/engine";

/**
 * The incident the wall should turn to: the gravest among those that are
 * new since `before` or whose level rose, or null when nothing is news.
 * `incidents` come gravest first.
 */
export function newsworthy(
  before: ReadonlyMap<string, Level>,
  incidents: readonly IncidentState[],
): IncidentState | null {
  for (const incident of incidents) {
    const was = before.get(incident.incidentId);
    if (was === undefined || compareLevels(incident.level, was) > 0) {
      return incident;
    }
  }
  return null;
}

/** Each incident's level, to compare with at the next change. */
export function levelsOf(
  incidents: readonly IncidentState[],
): Map<string, Level> {
  return new Map(incidents.map((i) => [i.incidentId, i.level]));
}
