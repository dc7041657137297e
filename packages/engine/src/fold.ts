import type { StoredEvent } from "@muster/protocol";
import { evolve, initialIncidentState } from "./evolve.ts";
import type { IncidentState } from "./state.ts";

/**
 * Applies one stored event to the state of its incident. Clients fold the
 * wire with this; the server's machine applies the same `evolve`, so both
 * hold the same state for the same events.
 */
export function applyEvent(
  state: IncidentState | undefined,
  event: StoredEvent,
): IncidentState {
  if (event.type === "incident.reported") {
    return initialIncidentState(event.incidentId, event);
  }
  if (!state) {
    throw new Error(
      `event ${event.type} at position ${event.position} precedes ` +
        `the report of incident ${event.incidentId}`,
    );
  }
  return evolve(state, event, event.seq);
}

/** Folds events into a map of incident states (a new map; prior is kept). */
export function foldIncidents(
  events: readonly StoredEvent[],
  prior: ReadonlyMap<string, IncidentState> = new Map(),
): Map<string, IncidentState> {
  const out = new Map(prior);
  for (const e of events) {
    out.set(e.incidentId, applyEvent(out.get(e.incidentId), e));
  }
  return out;
}
