import { useSyncExternalStore } from "react";
import { MusterClient, type ClientSnapshot } from "@muster/client";

let client: MusterClient | null = null;

/** The page's one client, connected to the page's own origin. */
export function getClient(): MusterClient {
  client ??= new MusterClient().connect();
  return client;
}

/** The client's snapshot; re-renders only when it changes. */
export function useSnapshot(): ClientSnapshot {
  const c = getClient();
  return useSyncExternalStore(c.subscribe, c.getSnapshot);
}
