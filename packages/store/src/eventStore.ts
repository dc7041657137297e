import {
  MusterError,
  type NewEvent,
  type StoredEvent,
  type WireError,
} from "@muster/protocol";

/** A command as remembered, so that a retry gets the original answer. */
export interface CommandRecord {
  commandId: string;
  /** The command's canonical JSON: a retry must match it exactly. */
  body: string;
  incidentId: string | null;
  /** Positions of the events it appended; empty when rejected. */
  positions: number[];
  error: WireError | null;
}

/** The engine's state at a position, so start-up need not replay all. */
export interface StoredSnapshot {
  /** The last event position folded into the snapshot. */
  position: number;
  /** Opaque to the store: the engine's serialised incidents. */
  body: string;
}

/** What one group commit writes. */
export interface CommitBatch {
  appends: AppendInput[];
  rejections: CommandRecord[];
}

/** One atomic append: the events of one decision and its command. */
export interface AppendInput {
  incidentId: string;
  /** The incident's seq the decision was made on; 0 for a new incident. */
  expectedSeq: number;
  events: NewEvent[];
  command: { commandId: string; body: string } | null;
}

/**
 * The event log behind one asynchronous interface, served by the embedded
 * SQLite store and later by Redis. Positions are global and gap-free from
 * 1; each incident's seq is gap-free from 1.
 */
export interface EventStore {
  /**
   * Appends the events with the incident's next sequence numbers and
   * records the command, in one transaction. Throws SEQ_CONFLICT when the
   * incident moved past `expectedSeq`, and COMMAND_ID_REUSED when the
   * command id is already recorded.
   */
  append(input: AppendInput): Promise<StoredEvent[]>;
  /**
   * Writes a batch of appends and rejected commands in one transaction
   * (group commit): all or nothing, one sync for the lot. Returns the
   * stored events of each append, in order. Appends to one incident
   * follow each other: the second expects the seq the first leaves.
   */
  commit(batch: CommitBatch): Promise<StoredEvent[][]>;
  /** Records a rejected command, so that its retry is rejected alike. */
  recordRejection(record: CommandRecord): Promise<void>;
  findCommand(commandId: string): Promise<CommandRecord | undefined>;
  /** Up to `limit` events with position greater than `after`, in order. */
  readAfter(after: number, limit: number): Promise<StoredEvent[]>;
  readIncident(incidentId: string): Promise<StoredEvent[]>;
  /** The position of the last event, 0 when empty. */
  head(): Promise<number>;
  /** Keeps the latest snapshot, replacing any older one. */
  saveSnapshot(snapshot: StoredSnapshot): Promise<void>;
  loadSnapshot(): Promise<StoredSnapshot | undefined>;
  close(): Promise<void>;
}

/** The error for an append made on a stale view of the incident. */
export function seqConflict(
  incidentId: string,
  actual: number,
  input: AppendInput,
): MusterError {
  return new MusterError(
    "SEQ_CONFLICT",
    `incident ${incidentId} is at seq ${actual}, ` +
      `not ${input.expectedSeq} as the command expected`,
  );
}

/** The error for a command id that is already recorded. */
export function reused(commandId: string): MusterError {
  return new MusterError(
    "COMMAND_ID_REUSED",
    `command id ${commandId} was already used`,
    { path: "commandId" },
  );
}
