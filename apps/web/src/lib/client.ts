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
  // TODO: MusterClient does not pass on the socket's `signedOut` event
  // yet, so a tablet whose enrolment is revoked, or a console whose
  // session expires, learns of it only at its next load (GET /api/me
  // answers 401). Once MusterClient has
  // `onSignedOut(listener: (error: WireError) => void): () => void`,
  // call `client.onSignedOut(reportSignedOut)` here, once.
  client ??= new MusterClient({
    outbox: outboxStore(),
    cache: eventCache(),
    // The wall runs for days: it holds open incidents only, and of each
    // the newest lines it shows; positions move markers, not the timeline.
    forgetClosed: onWall(),
    timeline: onWall()
      ? { leaveOut: ["unit.moved"], keepLast: wallTimelineLines }
      : undefined,
  }).connect({ options: { auth: { as: pageSpeaksAs() } } });
  return client;
}

let signedOut: WireError | null = null;
const signedOutListeners = new Set<() => void>();

/**
 * The hook point for the server's `signedOut` on this page's socket
 * (signed out elsewhere, expired or revoked): the page then shows that
 * the sign-in ended, with the server's message.
 */
export function reportSignedOut(error: WireError): void {
  signedOut = error;
  for (const listener of [...signedOutListeners]) listener();
}

/** Why the socket's sign-in ended, once it has; null until then. */
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
