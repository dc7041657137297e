import type {
  ClockReply,
  Command,
  CommandResult,
  WireError,
  WireEvent,
  Subscribe,
  SubscribeResult,
} from "@muster/protocol";
import type { Socket } from "socket.io-client";

/** Events the server pushes; keys are the `socketEvents` names. */
export interface ServerToClientEvents {
  event: (event: WireEvent) => void;
  signedOut: (error: WireError) => void;
  resync: () => void;
}

/** Events the client emits, each with an ack. */
export interface ClientToServerEvents {
  subscribe: (
    request: Subscribe,
    ack: (result: SubscribeResult) => void,
  ) => void;
  command: (command: Command, ack: (result: CommandResult) => void) => void;
  clock: (ack: (reply: ClockReply) => void) => void;
}

/** The client's typed Socket.IO socket. */
export type MusterSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
