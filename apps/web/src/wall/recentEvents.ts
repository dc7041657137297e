import type { StoredEvent } from "@muster/protocol";

/**
 * The newest `limit` events worth a line on the wall, oldest first.
 * Position reports come every few seconds per unit: they move markers,
 * not the timeline. Scans from the end, so a long log costs nothing.
 */
export function recentEvents(
  events: readonly StoredEvent[],
  limit: number,
): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const event = events[i];
    if (event && event.type !== "unit.moved") out.push(event);
  }
  return out.reverse();
}
