import type { Plan } from "@muster/plan";
import type { UnitStatus } from "@muster/protocol";

/** A status that reached the server this long after its tap is "late". */
const LATE_DELIVERY_MS = 60_000;

/**
 * The two times of a unit status (domain brief §3): the device's time
 * counts when the device's clock offset is known and within the plan's
 * limit, and the tap is not in the future; otherwise the arrival time
 * counts. Both are kept.
 */
export function statusTimes(
  plan: Plan,
  input: {
    callsign: string;
    deviceAt?: string | undefined;
    clockOffsetMs?: number | undefined;
  },
  receivedMs: number,
  /** The unit's previous step (its dispatch, acknowledgement, …). */
  notBefore?: string | null,
): UnitStatus {
  const receivedAt = new Date(receivedMs).toISOString();
  const deviceMs =
    input.deviceAt === undefined ? NaN : Date.parse(input.deviceAt);
  const limitMs = plan.statusTime.maxClockOffsetSeconds * 1000;
  const trusted =
    Number.isFinite(deviceMs) &&
    input.clockOffsetMs !== undefined &&
    Math.abs(input.clockOffsetMs) <= limitMs &&
    deviceMs <= receivedMs + limitMs;
  // A tap cannot count from before the step it follows: a device clock
  // or a forged time could otherwise move an arrival before the dispatch.
  const floorMs = notBefore ? Date.parse(notBefore) : -Infinity;
  const countedMs = Math.max(
    floorMs,
    trusted ? Math.min(deviceMs, receivedMs) : receivedMs,
  );

  return {
    callsign: input.callsign,
    deviceAt: Number.isFinite(deviceMs)
      ? new Date(deviceMs).toISOString()
      : null,
    receivedAt,
    countedAt: new Date(countedMs).toISOString(),
    deliveredLate:
      Number.isFinite(deviceMs) && receivedMs - deviceMs > LATE_DELIVERY_MS,
  };
}
