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
  /** The entry on the wire now: it can no longer be replaced. */
  #inFlight: Queued | null = null;
  #closed = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /**
   * Queues a command and resolves with the server's answer. A command
   * with a `coalesce` key replaces any waiting one with the same key.
   */
  async enqueue(
    command: Command,
    queuedAt: string,
    coalesce?: string,
  ): Promise<CommandResult> {
    const entry: OutboxEntry =
      coalesce === undefined
        ? { command, queuedAt }
        : { command, queuedAt, coalesce };
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
    for (const old of this.#takeWaiting(entry.coalesce)) {
      this.#update(old, { state: "superseded" });
      // The old command's caller hears what becomes of the new one.
      settle = chain(settle, old.settle);
      fail = chain(fail, old.fail);
      // Removed after the new entry was stored: a crash in between
      // delivers both, which coalescing allows, and loses neither.
      void this.#options.store
        .remove(old.entry.command.commandId)
        .catch(() => undefined);
    }
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

  /**
   * Takes the queued entries with this coalesce key out of the queue,
   * except one on the wire right now.
   */
  #takeWaiting(coalesce: string | undefined): Queued[] {
    if (coalesce === undefined) return [];

    const taken: Queued[] = [];
    for (let i = this.#queue.length - 1; i >= 0; i--) {
      const queued = this.#queue[i];
      if (!queued || queued === this.#inFlight) continue;
      if (queued.entry.coalesce !== coalesce) continue;
      this.#queue.splice(i, 1);
      taken.unshift(queued);
    }
    return taken;
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        const head = this.#queue[0];
        if (!head || this.#closed) return;

        const result = await this.#deliver(head);
        if (this.#closed) return;
        if (!result) continue; // replaced while it waited to retry
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
    const isHead = () => !this.#closed && this.#queue[0] === queued;
    for (let attempt = 0; isHead(); attempt++) {
      if (transport.isConnected()) {
        this.#update(queued, { attempts: queued.status.attempts + 1 });
        this.#inFlight = queued;
        try {
          const command = queued.entry.command;
          const result = await transport.deliver(command, ackTimeoutMs);
          if (result.ok || !retryCodes.includes(result.error.code)) {
            return result;
          }
        } catch {
          // Ack timeout or lost connection: the server may or may not have
          // it; the retry with the same id is safe either way.
        } finally {
          this.#inFlight = null;
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

/** One callback that calls both, skipping a missing one. */
function chain<T>(
  a: ((value: T) => void) | null,
  b: ((value: T) => void) | null,
): ((value: T) => void) | null {
  if (!a || !b) return a ?? b;
  return (value) => {
    a(value);
    b(value);
  };
}
