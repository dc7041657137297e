import type { Server, Socket } from "socket.io";
import {
  Command,
  MusterError,
  Subscribe,
  badRequest,
  socketEvents,
  toMusterError,
  type CommandResult,
  type StoredEvent,
  type SubscribeResult,
  type WireError,
} from "@muster/protocol";
import type { IncidentService, Logger } from "@muster/engine";
import type { EventStore } from "@muster/store";

const CATCH_UP_BATCH = 1000;

/** Live events held for one socket while it catches up, at the most. */
const MAX_HELD_EVENTS = 10 * CATCH_UP_BATCH;

/** Largest socket message served, in bytes of JSON. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

interface Cursor {
  /** Position of the last event this socket was sent; null: catching up. */
  sent: number | null;
  /** Live events held back while the socket catches up. */
  held: StoredEvent[];
}

type Ack<T> = (answer: T) => void;

/**
 * Connects Socket.IO clients to the incident service: `subscribe` answers
 * from the store and then switches the socket to live pushes with nothing
 * missed or repeated at the seam; `command` runs one validated command.
 */
export function attachGateway(
  io: Server,
  service: IncidentService,
  store: EventStore,
  log: Logger,
  admit: (socket: Socket) => boolean = () => true,
): void {
  const cursors = new Map<Socket, Cursor>();

  service.onEvents((events) => {
    for (const [socket, cursor] of cursors) {
      if (cursor.sent === null) {
        cursor.held.push(...events);
        // A client that was told "more" and never asked again would hold
        // events here without end: hang up; it resubscribes on reconnect.
        if (cursor.held.length > MAX_HELD_EVENTS) {
          log.warn({ socketId: socket.id }, "socket never caught up; closed");
          cursors.delete(socket);
          socket.disconnect(true);
        }
        continue;
      }
      for (const event of events) {
        if (event.position <= cursor.sent) continue;
        socket.emit(socketEvents.event, event);
        cursor.sent = event.position;
      }
    }
  });

  io.on("connection", (socket) => {
    const socketLog = { socketId: socket.id };
    log.debug(socketLog, "socket connected");
    socket.on("disconnect", () => cursors.delete(socket));

    // A client over its message budget is answered, not served: one
    // flooding socket must not stall the others.
    let warned = false;
    socket.use((packet, next) => {
      const bytes = Buffer.byteLength(JSON.stringify(packet.slice(1)) ?? "");
      if (bytes > MAX_MESSAGE_BYTES) {
        refusePacket(
          packet,
          new MusterError(
            "BAD_REQUEST",
            `message too large: ${bytes} bytes, at most ${MAX_MESSAGE_BYTES}`,
          ),
        );
        return;
      }
      if (admit(socket)) {
        warned = false;
        next();
        return;
      }
      if (!warned) log.warn(socketLog, "socket over its message budget");
      warned = true;
      refusePacket(
        packet,
        new MusterError(
          "RATE_LIMITED",
          "too many messages: slow down and retry",
        ),
      );
    });

    socket.on(socketEvents.clock, (...args: unknown[]) => {
      const ack = lastFunction<{ ok: true; now: string }>(args);
      ack?.({ ok: true, now: new Date().toISOString() });
    });

    socket.on(socketEvents.subscribe, async (...args: unknown[]) => {
      const ack = lastFunction<SubscribeResult>(args);
      if (!ack) return;
      const parsed = Subscribe.safeParse(args[0]);
      if (!parsed.success) {
        ack({ ok: false, error: badRequest(parsed.error).toWire() });
        return;
      }
      const { after, lastAt } = parsed.data;
      const last = await store.head();
      const [atAfter] =
        lastAt && after > 0 && after <= last
          ? await store.readAfter(after - 1, 1)
          : [];
      if (atAfter && atAfter.at !== lastAt) {
        const message =
          `the event at position ${after} is not the client's: ` +
          "this server's log differs";
        ack({
          ok: false,
          error: new MusterError("BAD_REQUEST", message, {
            path: "after",
          }).toWire(),
        });
        return;
      }
      if (after > last) {
        // A client ahead of the store holds events this server never had
        // (a store restored from an older backup, or a forged position).
        ack({
          ok: false,
          error: new MusterError(
            "BAD_REQUEST",
            `position ${after} is beyond the last event, ${last}`,
            { path: "after" },
          ).toWire(),
        });
        return;
      }
      const cursor: Cursor = { sent: null, held: [] };
      cursors.set(socket, cursor);
      try {
        const events = await store.readAfter(after, CATCH_UP_BATCH);
        const head = events.at(-1)?.position ?? after;
        const more = events.length === CATCH_UP_BATCH;
        ack({ ok: true, events, head, more });
        if (more) return; // the client asks again from `head`
        cursor.sent = head;
        for (const event of cursor.held) {
          if (event.position <= cursor.sent) continue;
          socket.emit(socketEvents.event, event);
          cursor.sent = event.position;
        }
        cursor.held = [];
      } catch (err) {
        log.error({ err, ...socketLog }, "subscribe failed");
        ack({ ok: false, error: toMusterError(err).toWire() });
      }
    });

    socket.on(socketEvents.command, async (...args: unknown[]) => {
      const ack = lastFunction<CommandResult>(args);
      const result = await runCommand(service, args[0], log);
      ack?.(result);
    });
  });
}

/** Validates and runs one command from any edge (socket or HTTP). */
export async function runCommand(
  service: IncidentService,
  payload: unknown,
  log: Logger,
): Promise<CommandResult> {
  const parsed = Command.safeParse(payload);
  if (!parsed.success) {
    const error = badRequest(parsed.error);
    log.warn({ code: error.code, path: error.path }, "command refused");
    return { ok: false, error: error.toWire() };
  }
  try {
    return await service.execute(parsed.data);
  } catch (err) {
    const error = toMusterError(err);
    log.error({ err }, "command failed");
    return { ok: false, error: error.toWire() };
  }
}

/** Answers a refused packet's acknowledgement, if it asked for one. */
function refusePacket(packet: unknown[], error: MusterError): void {
  const ack = lastFunction<{ ok: false; error: WireError }>(packet);
  ack?.({ ok: false, error: error.toWire() });
}

function lastFunction<T>(args: unknown[]): Ack<T> | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as Ack<T>) : undefined;
}
