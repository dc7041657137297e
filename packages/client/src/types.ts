import type {
  Command,
  CommandResult,
  StoredEvent,
  WireError,
} from "@muster/protocol";
import type { IncidentState } from "@muster/engine";

/** Omit that keeps a union a union, one member at a time. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown
  ? Omit<T, K>
  : never;

/** A command as a caller writes it: the client adds the command id. */
export type CommandInput = DistributiveOmit<Command, "commandId">;

/** Where the client stands with the server. */
export type ConnectionState =
  | { kind: "live" }
  | { kind: "catchingUp" }
  | { kind: "offline"; since: string }
  /**
   * The server will not serve this sign-in (signed out, expired, revoked,
   * never enrolled): nothing is retried until the page signs in again.
   */
  | { kind: "signedOut"; error: WireError };

/** What became of one command sent through the outbox. */
export interface CommandStatus {
  command: Command;
  /**
   * `pending` until the server answers; then confirmed or failed.
   * `superseded` when a newer command with the same coalesce key took
   * its place before it was delivered.
   */
  state: "pending" | "confirmed" | "failed" | "superseded";
  queuedAt: string;
  /** Deliveries tried so far, the first included. */
  attempts: number;
  result: CommandResult | null;
  error: WireError | null;
}

/**
 * The client's read model at one moment. Immutable: a new object (and new
 * maps for what changed) is made on every change, never otherwise, so it
 * can serve React's `useSyncExternalStore` directly.
 */
export interface ClientSnapshot {
  connection: ConnectionState;
  /**
   * True while what is shown came from events kept on the device and the
   * server has not been caught up with since: it may be behind.
   */
  restored: boolean;
  /** Global position of the last event applied, 0 before any. */
  position: number;
  /** Time (`at`) of the last event applied. */
  lastEventAt: string | null;
  /** Server clock minus device clock in ms, once measured. */
  clockOffsetMs: number | null;
  incidents: ReadonlyMap<string, IncidentState>;
  /** Each incident's events in order, for timelines. */
  timelines: ReadonlyMap<string, readonly StoredEvent[]>;
  /** Commands of this session and restored from the outbox, by id. */
  commands: ReadonlyMap<string, CommandStatus>;
}
