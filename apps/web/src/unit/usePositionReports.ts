import { useCallback, useEffect, useRef, useState } from "react";
import type { LatLon } from "@muster/protocol";
import { getClient } from "../lib/client.ts";

/** How often a position goes to the command post at most. */
const REPORT_EVERY_MS = 5_000;

interface Target {
  incidentId: string;
  callsign: string;
}

export interface PositionReports {
  /** The leader allows sending the tablet's position. */
  allowed: boolean;
  setAllowed: (allowed: boolean) => void;
  /** The browser refused (no permission, no fix). */
  denied: boolean;
  /** The tablet's latest fix, while watching. */
  last: LatLon | null;
}

/**
 * While `target` is set (the unit is en route) and the leader allows it,
 * watches the tablet's position and reports the newest fix every few
 * seconds. Reports go through the outbox coalesced: after a dead spot only
 * the newest waiting position is delivered, never a backlog.
 */
export function usePositionReports(target: Target | null): PositionReports {
  const key = target ? `muster.sharePosition.${target.callsign}` : null;
  const [allowed, setAllowedState] = useState(
    () => key !== null && localStorage.getItem(key) === "yes",
  );
  const [denied, setDenied] = useState(false);
  const [last, setLast] = useState<LatLon | null>(null);
  const fix = useRef<GeolocationPosition | null>(null);

  const setAllowed = useCallback(
    (value: boolean) => {
      setAllowedState(value);
      setDenied(false);
      if (key) localStorage.setItem(key, value ? "yes" : "no");
    },
    [key],
  );

  const incidentId = target?.incidentId;
  const callsign = target?.callsign;
  useEffect(() => {
    if (!allowed || !incidentId || !callsign) return;
    if (!("geolocation" in navigator)) {
      setDenied(true);
      return;
    }

    let sentFor: GeolocationPosition | null = null;
    const watch = navigator.geolocation.watchPosition(
      (position) => {
        fix.current = position;
        setDenied(false);
        setLast(toLatLon(position));
      },
      () => setDenied(true),
      { enableHighAccuracy: true, maximumAge: REPORT_EVERY_MS },
    );
    const report = () => {
      const position = fix.current;
      if (!position || position === sentFor) return;
      sentFor = position;
      const client = getClient();
      const offset = client.getSnapshot().clockOffsetMs;
      client
        .send(
          {
            type: "unit.reportPosition",
            incidentId,
            callsign,
            position: toLatLon(position),
            deviceAt: new Date(position.timestamp).toISOString(),
            ...(offset === null ? {} : { clockOffsetMs: offset }),
          },
          { coalesce: `position:${incidentId}:${callsign}` },
        )
        .catch(() => undefined); // the page closed; the outbox keeps it
    };
    const timer = setInterval(report, REPORT_EVERY_MS);

    return () => {
      navigator.geolocation.clearWatch(watch);
      clearInterval(timer);
    };
  }, [allowed, incidentId, callsign]);

  return { allowed, setAllowed, denied, last: target ? last : null };
}

function toLatLon(position: GeolocationPosition): LatLon {
  const { latitude, longitude } = position.coords;
  // Six decimals are about 10 cm: more is noise on the wire.
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { lat: round(latitude), lon: round(longitude) };
}
