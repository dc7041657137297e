import { useSyncExternalStore } from "react";
import {
  IndexedDbOutboxStore,
  MusterClient,
  type ClientSnapshot,
  type OutboxStore,
} from "@muster/client";

let client: MusterClient | null = null;

/** The page's one client, connected to the page's own origin. */
export function getClient(): MusterClient {
  client ??= new MusterClient({
    outbox: outboxStore(),
    // The wall runs for days: it holds open incidents only.
    forgetClosed: window.location.pathname.replace(/\/+$/, "") === "/wall",
  }).connect();
  return client;
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

/** The client's snapshot; re-renders only when it changes. */
export function useSnapshot(): ClientSnapshot {
  const c = getClient();
  return useSyncExternalStore(c.subscribe, c.getSnapshot);
}
