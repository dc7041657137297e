import type { StoredEvent } from "@muster/protocol";
import {
  reused,
  seqConflict,
  type AppendInput,
  type CommandRecord,
  type CommitBatch,
  type EventStore,
  type StoredSnapshot,
} from "./eventStore.ts";

/**
 * An event store in memory: for drills run from the command line, which
 * must leave no trace, and for tests of the engine.
 */
export class MemoryEventStore implements EventStore {
  private readonly events: StoredEvent[] = [];
  private readonly seqs = new Map<string, number>();
  private readonly commands = new Map<string, CommandRecord>();
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
