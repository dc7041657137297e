import { useSyncExternalStore } from "react";
import {
  IndexedDbEventCache,
  IndexedDbOutboxStore,
  MusterClient,
  type ClientSnapshot,
  type EventCache,
  type OutboxStore,
} from "@muster/client";

let client: MusterClient | null = null;

/** The newest lines of the selected incident's timeline on the wall. */
export const wallTimelineLines = 40;

/** The page's one client, connected to the page's own origin. */
export function getClient(): MusterClient {
  client ??= new MusterClient({
    outbox: outboxStore(),
    cache: eventCache(),
    // The wall runs for days: it holds open incidents only, and of each
    // the newest lines it shows; positions move markers, not the timeline.
    forgetClosed: onWall(),
    timeline: onWall()
      ? { leaveOut: ["unit.moved"], keepLast: wallTimelineLines }
      : undefined,
  }).connect();
  return client;
}

function onWall(): boolean {
  return window.location.pathname.replace(/\/+$/, "") === "/wall";
}

/**
 * A tablet keeps its taps on the device until the command post has them,
 * through a closed page or a restart; other pages keep them in memory.
 */
function outboxStore(): OutboxStore | undefined {
  const onTablet = window.location.pathname.startsWith("/unit/");
  if (!onTablet || typeof indexedDB === "undefined") return undefined;
  return new IndexedDbOutboxStore();
}

/**
 * A tablet also keeps the events of open incidents, so that reopened with
 * no network it still shows its dispatch and takes the next tap. All open
 * incidents, not only its unit's: a unit can be sent to an incident that
 * began before it concerned the unit, and resuming after the kept
 * position never brings that incident's earlier events again.
 */
function eventCache(): EventCache | undefined {
  const onTablet = window.location.pathname.startsWith("/unit/");
  if (!onTablet || typeof indexedDB === "undefined") return undefined;
  return new IndexedDbEventCache();
}

/** The client's snapshot; re-renders only when it changes. */
export function useSnapshot(): ClientSnapshot {
  const c = getClient();
  return useSyncExternalStore(c.subscribe, c.getSnapshot);
}
