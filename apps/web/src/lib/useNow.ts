import { useEffect, useState } from "react";
import { getClient } from "./client.ts";

/**
 * The server's time now, ticking every `intervalMs`. Countdowns run on
 * the server's clock so that a wall whose own clock drifts still turns a
 * tier late at the same moment the server does.
 */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => getClient().serverNow());

  useEffect(() => {
    const timer = setInterval(
      () => setNow(getClient().serverNow()),
      intervalMs,
    );
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
