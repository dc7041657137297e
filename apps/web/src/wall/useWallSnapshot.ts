import { useEffect, useState } from "react";
import type { ClientSnapshot } from "@muster/client";
import { getClient } from "../lib/client.ts";

/**
 * The client's snapshot, at most once per `intervalMs`. A busy drill
 * brings dozens of events a second (positions above all); a wall read
 * from across the room gains nothing from redrawing for each, and a
 * screen that runs for days must leave frames to spare. Clocks still
 * tick by the second from the deadlines, not from this.
 */
export function useWallSnapshot(intervalMs = 400): ClientSnapshot {
  const client = getClient();
  const [snapshot, setSnapshot] = useState(client.getSnapshot);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const publish = () => {
      timer = null;
      last = performance.now();
      setSnapshot(client.getSnapshot());
    };
    const unsubscribe = client.subscribe(() => {
      if (timer) return;
      timer = setTimeout(
        publish,
        Math.max(0, last + intervalMs - performance.now()),
      );
    });
    // Whatever changed between the first render and the subscription.
    publish();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [client, intervalMs]);
  return snapshot;
}
