import { io, type ManagerOptions, type SocketOptions } from "socket.io-client";
import type { MusterSocket } from "./socketTypes.ts";

/** Where to connect: a URL, URL and Socket.IO options, or a socket. */
export type ConnectTarget =
  | string
  | { url?: string; options?: Partial<ManagerOptions & SocketOptions> }
  | { socket: MusterSocket };

/** Opens (or adopts) the socket a target names. */
export function openSocket(target: ConnectTarget | undefined): MusterSocket {
  if (typeof target === "string") return io(target);
  if (target && "socket" in target) return target.socket;

  const options = target?.options ?? {};
  return target?.url === undefined ? io(options) : io(target.url, options);
}
