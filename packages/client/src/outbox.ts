import type { Command, CommandResult, ErrorCode } from "@muster/protocol";
import { MusterError } from "@muster/protocol";
import { backoffDelay, Waiter, type BackoffOptions } from "./backoff.ts";
import type { OutboxEntry, OutboxStore } from "./outboxStore.ts";
import type { CommandStatus } from "./types.ts";

/** How the outbox reaches the server; the client's socket provides it. */
export interface CommandTransport {
  isConnected(): boolean;
  /** Rejects on ack timeout or disconnect. */
  deliver(command: Command, timeoutMs: number): Promise<CommandResult>;
}

export interface OutboxOptions {
  store: OutboxStore;
  transport: CommandTransport;
  backoff: BackoffOptions;
  ackTimeoutMs: number;
  /** Error codes that mean "try again", not "no". */
  retryCodes: readonly ErrorCode[];
  onChange: (status: CommandStatus) => void;
}

interface Queued {
  entry: OutboxEntry;
  status: CommandStatus;
  settle: ((result: CommandResult) => void) | null;
  fail: ((err: unknown) => void) | null;
}

/**
 * Delivers commands one at a time, in the order they were queued, until
 * the server answers each: a unit's "en route" must not overtake its
 * "acknowledged" after a reconnect, or the server would refuse it.
 * A retry carries the same command id, so the server applies it once.
 */
export class Outbox {
  readonly #options: OutboxOptions;
  readonly #queue: Queued[] = [];
  readonly #waiter = new Waiter();
  #pumping = false;
  #closed = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** Queues a command and resolves with the server's answer. */
  async enqueue(command: Command, queuedAt: string): Promise<CommandResult> {
    const entry = { command, queuedAt };
    await this.#options.store.put(entry);

    return new Promise((resolve, reject) => {
      this.#push(entry, resolve, reject);
    });
  }

  /** Queues entries left over from an earlier session; no one awaits them. */
  restore(entries: OutboxEntry[]): void {
    const known = new Set(this.#queue.map((q) => q.entry.command.commandId));
    for (const entry of entries) {
      if (!known.has(entry.command.commandId)) this.#push(entry, null, null);
    }
  }

  /** Cuts short any backoff: the connection is back. */
  wake(): void {
    this.#waiter.wake();
  }

  /** Stops delivering; entries stay in the store for the next session. */
  close(): void {
    this.#closed = true;
    this.#waiter.wake();
    for (const q of this.#queue.splice(0)) {
      q.fail?.(new MusterError("INTERNAL", "client closed before an answer"));
    }
  }

  #push(
    entry: OutboxEntry,
    settle: Queued["settle"],
    fail: Queued["fail"],
  ): void {
    const status: CommandStatus = {
      command: entry.command,
      state: "pending",
      queuedAt: entry.queuedAt,
      attempts: 0,
      result: null,
      error: null,
    };
    this.#queue.push({ entry, status, settle, fail });
    this.#options.onChange(status);
    void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        const head = this.#queue[0];
        if (!head || this.#closed) return;

        const result = await this.#deliver(head);
        if (!result || this.#closed) return;
        this.#queue.shift();
        await this.#options.store.remove(head.entry.command.commandId);
        this.#finish(head, result);
      }
    } finally {
      this.#pumping = false;
    }
  }

  async #deliver(queued: Queued): Promise<CommandResult | null> {
    const { transport, ackTimeoutMs, retryCodes } = this.#options;
    for (let attempt = 0; !this.#closed; attempt++) {
      if (transport.isConnected()) {
        this.#update(queued, { attempts: queued.status.attempts + 1 });
        try {
          const command = queued.entry.command;
          const result = await transport.deliver(command, ackTimeoutMs);
          if (result.ok || !retryCodes.includes(result.error.code)) {
            return result;
          }
        } catch {
          // Ack timeout or lost connection: the server may or may not have
          // it; the retry with the same id is safe either way.
        }
      }
      await this.#waiter.sleep(backoffDelay(attempt, this.#options.backoff));
    }
    return null;
  }

  #finish(queued: Queued, result: CommandResult): void {
    this.#update(queued, {
      state: result.ok ? "confirmed" : "failed",
      result,
      error: result.ok ? null : result.error,
    });
    queued.settle?.(result);
  }

  #update(queued: Queued, patch: Partial<CommandStatus>): void {
    queued.status = { ...queued.status, ...patch };
    this.#options.onChange(queued.status);
  }
}
