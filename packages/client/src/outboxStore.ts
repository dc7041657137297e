import type { Command } from "@muster/protocol";

/** One command waiting in the outbox for the server's answer. */
export interface OutboxEntry {
  command: Command;
  /** When the command was first queued, ISO instant on the device. */
  queuedAt: string;
  /**
   * Entries with the same key replace one another while they wait: only
   * the newest is delivered (a unit's position, say).
   */
  coalesce?: string;
}

/**
 * Where the outbox keeps commands until the server answers them, so that
 * a closed tab or a crashed tablet still delivers each command once.
 * Implementations must keep entries in the order they were put.
 */
export interface OutboxStore {
  /** Every entry not yet removed, oldest first. */
  load(): Promise<OutboxEntry[]>;
  /** Keeps one entry; putting the same command id twice keeps one. */
  put(entry: OutboxEntry): Promise<void>;
  /** Forgets the entry with this command id, if any. */
  remove(commandId: string): Promise<void>;
}

/** An outbox store that lives as long as the page: the default. */
export class MemoryOutboxStore implements OutboxStore {
  readonly #entries = new Map<string, OutboxEntry>();

  load(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.#entries.values()]);
  }

  put(entry: OutboxEntry): Promise<void> {
    this.#entries.set(entry.command.commandId, entry);
    return Promise.resolve();
  }

  remove(commandId: string): Promise<void> {
    this.#entries.delete(commandId);
    return Promise.resolve();
  }
}
