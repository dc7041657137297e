import { zoneOffsetMs } from "@muster/plan";

/** The audit page's filters as typed: `from` and `to` as datetime-local. */
export interface AuditFilters {
  incident: string;
  actor: string;
  from: string;
  to: string;
  outcome: "" | "accepted" | "refused";
  limit: number;
}

export const noFilters: AuditFilters = {
  incident: "",
  actor: "",
  from: "",
  to: "",
  outcome: "",
  limit: 500,
};

/**
 * The query of GET /api/audit and its CSV export. Times typed in the
 * datetime-local fields are read in the plan's zone, the zone every time
 * on the page is shown in, whatever the device's own.
 */
export function auditQuery(
  filters: AuditFilters,
  timeZone: string,
): URLSearchParams {
  const query = new URLSearchParams();
  const incident = filters.incident.trim();
  const actor = filters.actor.trim();
  const from = zonedToIso(filters.from, timeZone);
  const to = zonedToIso(filters.to, timeZone);
  if (incident) query.set("incident", incident);
  if (actor) query.set("actor", actor);
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  if (filters.outcome) query.set("outcome", filters.outcome);
  query.set("limit", String(filters.limit));
  return query;
}

/**
 * The instant of a wall-clock time (`2026-03-10T08:30`) in `timeZone`, as
 * ISO; null for an empty or malformed value. A time that a spring-forward
 * skips reads as the moment after the change, as clocks there show.
 */
export function zonedToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(
    local,
  );
  if (!match) return null;

  const [y = 0, mo = 1, d, h, mi, s] = match
    .slice(1)
    .map((x) => Number(x ?? 0));
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The offset at the first guess can differ from the offset at the
  // answer across a daylight-saving change: look again from the guess.
  const guess = asUtc - zoneOffsetMs(timeZone, asUtc);
  return new Date(asUtc - zoneOffsetMs(timeZone, guess)).toISOString();
}
