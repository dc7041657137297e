import type { Server, Socket } from "socket.io";
import { MusterError, socketEvents, toMusterError } from "@muster/protocol";
import type { AccessDirectory, EndReason, Identity } from "@muster/auth";
import type { Logger } from "@muster/engine";
import type { Caller, Guard } from "./guard.ts";
import { identify } from "./identify.ts";

/** What is kept on each socket: who it is, once admitted. */
interface SocketData {
  identity?: Identity;
}

/** Who a socket speaks for, and whether that still holds. */
export interface SocketAccess {
  /** The caller behind an admitted socket, as the audit trail names it. */
  callerOf(socket: Socket): Caller;
  /**
   * Checks the socket's sign-in again before a message is served; when it
   * has ended, signs the socket out and returns why.
   */
  recheck(socket: Socket): MusterError | null;
}

/** What a socket is told when its sign-in ends, by why it ended. */
const endedBecause: Record<EndReason, (identity: Identity) => string> = {
  signedOut: () => "this session has ended: signed out",
  revoked: (identity) =>
    identity.kind === "device"
      ? "this device's enrolment was revoked: enrol it again"
      : "this session was ended by a password change: sign in again",
  disabled: () => "this account was disabled: ask the administrator",
  expired: () => "the session has expired: sign in again",
};

/**
 * Serves sockets only for a known person or enrolled device: checks the
 * token at the door, and signs a socket out (telling it why, then hanging
 * up) the moment its session is signed out, revoked or disabled, or when
 * it expires while the socket stays open.
 */
export function requireSignIn(
  io: Server,
  directory: AccessDirectory,
  guard: Guard,
  log: Logger,
): SocketAccess {
  const identityOf = (socket: Socket) =>
    (socket.data as SocketData).identity as Identity;
  const signOff = (socket: Socket, error: MusterError) => {
    socket.emit(socketEvents.signedOut, error.toWire());
    socket.disconnect(true);
  };

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; as?: unknown };
    identify(directory, {
      bearer: typeof auth.token === "string" ? auth.token : undefined,
      cookie: socket.handshake.headers.cookie,
      as: auth.as,
    }).then(
      (identity) => {
        (socket.data as SocketData).identity = identity;
        next();
      },
      (err: unknown) => {
        const error = toMusterError(err);
        guard.refused(
          { identity: null, from: socket.handshake.address },
          "socket.connect",
          error,
        );
        next(Object.assign(new Error(error.message), { data: error.toWire() }));
      },
    );
  });

  directory.onEnded((sessionId, why) => {
    for (const socket of io.sockets.sockets.values()) {
      const identity = (socket.data as SocketData).identity;
      if (identity?.sessionId !== sessionId) continue;
      log.info({ socketId: socket.id, why }, "socket's sign-in ended");
      signOff(
        socket,
        new MusterError("UNAUTHENTICATED", endedBecause[why](identity)),
      );
    }
  });

  // A person's session ends at its time even if the socket stays open.
  io.on("connection", (socket) => {
    const { expiresAt } = identityOf(socket);
    if (expiresAt === null) return;
    const timer = setTimeout(
      () => {
        const live = directory.stillLive(identityOf(socket));
        if (!live.ok) {
          signOff(socket, new MusterError("UNAUTHENTICATED", live.reason));
        }
      },
      Math.min(expiresAt - Date.now() + 10, 2 ** 31 - 1),
    );
    socket.on("disconnect", () => clearTimeout(timer));
  });

  return {
    callerOf: (socket) => ({
      identity: identityOf(socket),
      from: socket.handshake.address,
    }),
    recheck(socket) {
      const live = directory.stillLive(identityOf(socket));
      if (!live.ok) {
        const error = new MusterError("UNAUTHENTICATED", live.reason);
        signOff(socket, error);
        return error;
      }
      (socket.data as SocketData).identity = live.identity;
      if (live.identity.kind === "device") {
        directory.touchDevice(live.identity.id);
      }
      return null;
    },
  };
}
