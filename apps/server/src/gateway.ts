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
  type WireEvent,
  type WithheldEvent,
} from "@muster/protocol";
import { actionOf, type AccessDirectory, type Identity } from "@muster/auth";
import type { IncidentService, Logger } from "@muster/engine";
import type { EventStore } from "@muster/store";
import type { Caller, Guard } from "./access/guard.ts";
import { requireSignIn } from "./access/socketAccess.ts";

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
  /**
   * For a socket that may not see every incident: what it may see, and
   * the incidents it was already shown. Null: it sees everything.
   */
  view: View | null;
}

interface View {
  sees: (incidentId: string) => boolean;
  shown: Set<string>;
}

/** The parts of access control the gateway needs. */
export interface GatewayAccess {
  directory: AccessDirectory;
  guard: Guard;
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
  access: GatewayAccess,
  admit: (socket: Socket) => boolean = () => true,
): void {
  const { directory, guard } = access;
  const cursors = new Map<Socket, Cursor>();
  const signIn = requireSignIn(io, directory, guard, log);

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
      let resync = false;
      for (const event of events) {
        if (event.position <= cursor.sent) continue;
        const shown = viewed(cursor.view, event);
        // An incident this socket was not shown until now: its earlier
        // events went by withheld, so the client must fetch them again.
        if (shown.type !== "withheld" && cursor.view) {
          if (!cursor.view.shown.has(event.incidentId)) {
            cursor.view.shown.add(event.incidentId);
            if (event.seq > 1) resync = true;
          }
        }
        socket.emit(socketEvents.event, shown);
        cursor.sent = event.position;
      }
      if (resync) socket.emit(socketEvents.resync);
    }
  });

  io.on("connection", (socket) => {
    const socketLog = { socketId: socket.id };
    log.debug(socketLog, "socket connected");
    socket.on("disconnect", () => cursors.delete(socket));
    const caller = () => signIn.callerOf(socket);

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
        // Every message checks the sign-in again: it may have ended.
        const ended = signIn.recheck(socket);
        if (ended) {
          refusePacket(packet, ended);
          return;
        }
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
      try {
        guard.require(caller(), "live.read", {}, { auditAs: "subscribe" });
      } catch (err) {
        ack({ ok: false, error: toMusterError(err).toWire() });
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
      const viewer = caller().identity as Identity;
      const cursor: Cursor = {
        sent: null,
        held: [],
        view: guard.seesAll(viewer)
          ? null
          : { sees: (id) => guard.sees(viewer, id), shown: new Set() },
      };
      cursors.set(socket, cursor);
      try {
        const events = await store.readAfter(after, CATCH_UP_BATCH);
        const head = events.at(-1)?.position ?? after;
        const more = events.length === CATCH_UP_BATCH;
        const shown = events.map((e) => viewed(cursor.view, e));
        for (const e of shown) {
          if (e.type !== "withheld") cursor.view?.shown.add(e.incidentId);
        }
        ack({ ok: true, events: shown, head, more });
        if (more) return; // the client asks again from `head`
        cursor.sent = head;
        for (const event of cursor.held) {
          if (event.position <= cursor.sent) continue;
          socket.emit(socketEvents.event, viewed(cursor.view, event));
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
      const result = await runCommand(service, guard, caller(), args[0], log);
      ack?.(result);
    });
  });
}

/**
 * Validates, authorises and runs one command from any edge (socket or
 * HTTP); every answer goes into the audit trail.
 */
export async function runCommand(
  service: IncidentService,
  guard: Guard,
  caller: Caller,
  payload: unknown,
  log: Logger,
): Promise<CommandResult> {
  if (!caller.identity) {
    const error = new MusterError("UNAUTHENTICATED", "not signed in");
    guard.refused(caller, commandTypeOf(payload), error);
    return { ok: false, error: error.toWire() };
  }
  const parsed = Command.safeParse(payload);
  if (!parsed.success) {
    const error = badRequest(parsed.error);
    log.warn({ code: error.code, path: error.path }, "command refused");
    guard.refused(caller, commandTypeOf(payload), error);
    return { ok: false, error: error.toWire() };
  }
  const command = parsed.data;
  try {
    guard.require(caller, actionOf(command), guard.targetOf(command), {
      auditAs: command.type,
      commandId: command.commandId,
      ...("incidentId" in command ? { incidentId: command.incidentId } : {}),
    });
  } catch (err) {
    const error = toMusterError(err);
    log.warn({ code: error.code, type: command.type }, "command not allowed");
    return { ok: false, error: error.toWire() };
  }
  // One who may not see an incident learns nothing of it from a command's
  // answer either: it is "not found", whether it exists or not.
  const identity = caller.identity;
  if (
    "incidentId" in command &&
    !guard.seesAll(identity) &&
    !guard.sees(identity, command.incidentId)
  ) {
    const error = new MusterError(
      "NOT_FOUND",
      `no incident ${command.incidentId} that ${identity.name} may see`,
      { path: "incidentId" },
    );
    guard.refused(caller, command.type, error, {
      commandId: command.commandId,
    });
    return { ok: false, error: error.toWire() };
  }
  let result: CommandResult;
  try {
    result = await service.execute(command);
  } catch (err) {
    log.error({ err }, "command failed");
    result = { ok: false, error: toMusterError(err).toWire() };
  }
  guard.commandAnswered(caller, command, result);
  // Answered only once its audit line is on disk.
  await guard.audit.durable().catch((err: unknown) => {
    log.error({ err }, "audit trail write failed");
  });
  return result;
}

/** The type a refused payload claimed to be, for the audit trail. */
function commandTypeOf(payload: unknown): string {
  const type = (payload as { type?: unknown } | null)?.type;
  return typeof type === "string" && /^[a-zA-Z.]{1,40}$/.test(type)
    ? type
    : "command";
}

/** The event as a socket with this view may receive it. */
function viewed(view: View | null, event: StoredEvent): WireEvent {
  if (!view || view.sees(event.incidentId)) return event;
  const withheld: WithheldEvent = {
    type: "withheld",
    position: event.position,
    at: event.at,
    incidentId: "",
    seq: 0,
    commandId: null,
    data: {},
  };
  return withheld;
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
