import { MusterError, type StoredEvent } from "@muster/protocol";
import type {
  AppendInput,
  CommandRecord,
  CommitBatch,
  EventStore,
  StoredSnapshot,
} from "./eventStore.ts";

/**
 * An event store in memory: for drills run from the command line, which
 * must leave no trace, and for tests of the engine.
 */
export class MemoryEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private readonly seqs = new Map<string, number>();
  private readonly commands = new Map<string, CommandRecord>();
  private readonly numbers = new Map<string, number>();
  private snapshot: StoredSnapshot | undefined;

  append(input: AppendInput): Promise<StoredEvent[]> {
    return this.commit({ appends: [input], rejections: [] }).then(
      ([stored]) => stored ?? [],
    );
  }

  commit(batch: CommitBatch): Promise<StoredEvent[][]> {
    // Check everything first: a batch is written whole or not at all.
    const seqs = new Map<string, number>();
    const ids = new Set<string>();
    for (const input of batch.appends) {
      const seq =
        seqs.get(input.incidentId) ?? this.seqs.get(input.incidentId) ?? 0;
      if (seq !== input.expectedSeq) {
        return Promise.reject(seqConflict(input.incidentId, seq, input));
      }
      seqs.set(input.incidentId, seq + input.events.length);
      const id = input.command?.commandId;
      if (id !== undefined && (this.commands.has(id) || ids.has(id))) {
        return Promise.reject(reused(id));
      }
      if (id !== undefined) ids.add(id);
    }
    const stored = batch.appends.map((input) => this.appendNow(input));
    for (const r of batch.rejections) {
      if (!this.commands.has(r.commandId)) this.commands.set(r.commandId, r);
    }
    return Promise.resolve(stored);
  }

  private appendNow(input: AppendInput): StoredEvent[] {
    const seq = this.seqs.get(input.incidentId) ?? 0;
    const id = input.command?.commandId;
    const stored = input.events.map((e, i) => ({
      ...e,
      position: this.events.length + i + 1,
      incidentId: input.incidentId,
      seq: seq + i + 1,
      commandId: id ?? null,
    })) as StoredEvent[];

    this.events.push(...stored);
    this.seqs.set(input.incidentId, seq + stored.length);
    if (input.command) {
      this.commands.set(input.command.commandId, {
        ...input.command,
        incidentId: input.incidentId,
        positions: stored.map((e) => e.position),
        error: null,
      });
    }
    return stored;
  }

  recordRejection(record: CommandRecord): Promise<void> {
    if (!this.commands.has(record.commandId)) {
      this.commands.set(record.commandId, record);
    }
    return Promise.resolve();
  }

  findCommand(commandId: string): Promise<CommandRecord | undefined> {
    return Promise.resolve(this.commands.get(commandId));
  }

  readAfter(after: number, limit: number): Promise<StoredEvent[]> {
    return Promise.resolve(this.events.slice(after, after + limit));
  }

  readIncident(incidentId: string): Promise<StoredEvent[]> {
    return Promise.resolve(
      this.events.filter((e) => e.incidentId === incidentId),
    );
  }

  head(): Promise<number> {
    return Promise.resolve(this.events.length);
  }

  nextNumber(sequence: string): Promise<number> {
    const n = (this.numbers.get(sequence) ?? 0) + 1;
    this.numbers.set(sequence, n);
    return Promise.resolve(n);
  }

  saveSnapshot(snapshot: StoredSnapshot): Promise<void> {
    if (!this.snapshot || snapshot.position >= this.snapshot.position) {
      this.snapshot = snapshot;
    }
    return Promise.resolve();
  }

  loadSnapshot(): Promise<StoredSnapshot | undefined> {
    return Promise.resolve(this.snapshot);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
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
