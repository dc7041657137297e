import { useSyncExternalStore } from "react";
import {
  IndexedDbEventCache,
  IndexedDbOutboxStore,
  MusterClient,
  type ClientSnapshot,
  type EventCache,
  type OutboxStore,
} from "@muster/client";
import type { WireError } from "@muster/protocol";
import { pageSpeaksAs } from "./identity.ts";

let client: MusterClient | null = null;

/** The newest lines of the selected incident's timeline on the wall. */
export const wallTimelineLines = 40;

/**
 * The page's one client, connected to the page's own origin and speaking
 * as the page's identity (lib/identity.ts).
 */
export function getClient(): MusterClient {
  if (client) return client;

  client = new MusterClient({
    outbox: outboxStore(),
    cache: eventCache(),
    // The wall runs for days: it holds open incidents only, and of each
    // the newest lines it shows; positions move markers, not the timeline.
    forgetClosed: onWall(),
    timeline: onWall()
      ? { leaveOut: ["unit.moved"], keepLast: wallTimelineLines }
      : undefined,
  }).connect({ options: { auth: { as: pageSpeaksAs() } } });
  const watched = client;
  watched.subscribe(() => {
    const { connection } = watched.getSnapshot();
    if (connection.kind === "signedOut") reportSignedOut(connection.error);
  });
  return client;
}

let signedOut: WireError | null = null;
const signedOutListeners = new Set<() => void>();

/**
 * The server ended this page's sign-in (signed out elsewhere, expired,
 * revoked, or it refused the socket): the page then says so, with the
 * server's message, instead of looking live.
 */
function reportSignedOut(error: WireError): void {
  if (signedOut === error) return;
  signedOut = error;
  for (const listener of [...signedOutListeners]) listener();
}

/**
 * Why the socket's sign-in ended, once it has; null until then. Opens
 * no connection of its own: pages without a client never hear of one.
 */
export function useSignedOut(): WireError | null {
  return useSyncExternalStore(subscribeSignedOut, () => signedOut);
}

function subscribeSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
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
