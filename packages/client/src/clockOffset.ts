import type { ClockReply } from "@muster/protocol";

/** One round trip to the server's clock. */
export interface ClockSample {
  /** Server clock minus device clock, ms. */
  offsetMs: number;
  roundTripMs: number;
}

/**
 * Measures the offset from a few round trips and keeps the one with the
 * shortest trip: its midpoint is the best guess of when the server read
 * its clock (Cristian's method).
 */
export async function measureClockOffset(
  ask: () => Promise<ClockReply>,
  now: () => number,
  samples = 3,
): Promise<ClockSample | null> {
  let best: ClockSample | null = null;
  for (let i = 0; i < samples; i++) {
    const sent = now();
    const reply = await ask();
    const received = now();
    const serverAt = Date.parse(reply.now);
    if (!reply.ok || Number.isNaN(serverAt)) continue;

    const roundTripMs = received - sent;
    const offsetMs = serverAt - (sent + received) / 2;
    if (!best || roundTripMs < best.roundTripMs) {
      best = { offsetMs: Math.round(offsetMs), roundTripMs };
    }
  }
  return best;
}
