import { z } from "zod";
import type { WireError } from "./errors.ts";
import type { StoredEvent } from "./events.ts";

/** Socket.IO event names, defined once here and used by every side. */
export const socketEvents = {
  /** client → server, with an ack: a Command, answered by CommandResult. */
  command: "command",
  /** client → server, with an ack: Subscribe, answered by SubscribeResult. */
  subscribe: "subscribe",
  /** server → client: one StoredEvent, in position order. */
  event: "event",
  /** client → server, with an ack: answered by ClockReply. */
  clock: "clock",
  /**
   * server → client: the socket's sign-in ended (signed out, expired or
   * revoked), with a WireError; the server then hangs up.
   */
  signedOut: "signedOut",
  /**
   * server → client: events the client was not shown have become visible
   * to it (an incident asked its district for mutual aid): start over.
   */
  resync: "resync",
} as const;

/**
 * What a socket receives in place of an event it may not see: the
 * position and time only, so that its copy stays gap-free and in order.
 */
export interface WithheldEvent {
  type: "withheld";
  position: number;
  at: string;
  incidentId: "";
  seq: 0;
  commandId: null;
  data: Record<string, never>;
}

/** An event as a socket receives it. */
export type WireEvent = StoredEvent | WithheldEvent;

/** True for an event the socket was not shown. */
export function isWithheld(event: WireEvent): event is WithheldEvent {
  return event.type === "withheld";
}

/** Asks for every event after `after` (a global position), then live ones. */
export const Subscribe = z.strictObject({
  after: z.number().int().min(0),
  /**
   * The time of the client's event at `after`: a server whose event there
   * differs (a store restored from an older copy) refuses the position.
   */
  lastAt: z.iso.datetime({ offset: false }).optional(),
});
export type Subscribe = z.infer<typeof Subscribe>;

export type Result<T> = ({ ok: true } & T) | { ok: false; error: WireError };

/** The answer to a command: the events it produced (none when rejected). */
export type CommandResult = Result<{
  incidentId: string;
  /** Positions of the events the command appended. */
  positions: number[];
  /** True when this answer was replayed for a retried command id. */
  duplicate: boolean;
}>;

/** The answer to a subscription: the catch-up batch and the head after it. */
export type SubscribeResult = Result<{
  events: WireEvent[];
  head: number;
  /** More than one batch: ask again from the last position. */
  more: boolean;
}>;

/** The server's clock, so a device can measure its offset at connection. */
export type ClockReply = { ok: true; now: string };
