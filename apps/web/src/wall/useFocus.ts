import { useEffect, useRef, useState } from "react";
import type { Level } from "@muster/protocol";
import type { IncidentState } from "@muster/engine";
import { levelsOf, newsworthy } from "./focus.ts";
import type { MapFocus } from "./MapFollow.tsx";

/**
 * The latest new or escalated incident, once the wall is live. What the
 * first catch-up brings is the starting picture, not news.
 */
export function useFocus(
  incidents: IncidentState[],
  live: boolean,
): MapFocus | null {
  const levels = useRef<Map<string, Level> | null>(null);
  const stamp = useRef(0);
  const [focus, setFocus] = useState<MapFocus | null>(null);

  useEffect(() => {
    if (!live) return;
    const before = levels.current;
    levels.current = levelsOf(incidents);
    if (!before) return;

    const news = newsworthy(before, incidents);
    if (!news) return;
    stamp.current += 1;
    setFocus({
      incidentId: news.incidentId,
      position: news.place.position,
      stamp: stamp.current,
    });
  }, [incidents, live]);
  return focus;
}
