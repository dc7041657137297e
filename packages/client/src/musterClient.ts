import {
  socketEvents,
  type CommandResult,
  type ErrorCode,
  type SubscribeResult,
  type WireEvent,
  type WireError,
} from "@muster/protocol";
import { applyEvent } from "@muster/engine";
import {
  backoffDelay,
  defaultBackoff,
  Waiter,
  type BackoffOptions,
} from "./backoff.ts";
import { measureClockOffset } from "./clockOffset.ts";
import { CommandLog } from "./commandLog.ts";
import { openSocket, type ConnectTarget } from "./connect.ts";
import { newCommandId } from "./commandId.ts";
import type { CachedEvents, EventCache } from "./eventCache.ts";
import { Outbox } from "./outbox.ts";
import { MemoryOutboxStore, type OutboxStore } from "./outboxStore.ts";
import {
  ReadModel,
  type IncidentReducer,
  type TimelineOptions,
} from "./readModel.ts";
import { EventSequencer } from "./sequencer.ts";
import type { MusterSocket } from "./socketTypes.ts";
import type { ClientSnapshot, CommandInput, ConnectionState } from "./types.ts";

/** Options of a MusterClient; every one has a default. */
export interface MusterClientOptions {
  /** Where queued commands survive a reload; in memory by default. */
  outbox?: OutboxStore;
  /**
   * Where applied events survive a reload, so that a page reopened
   * offline shows what it knew; none by default (only what the
   * connection brings).
   */
  cache?: EventCache;
  /** How long to wait for a command's ack before retrying; 5 s. */
  ackTimeoutMs?: number;
  /** How long to wait for a catch-up batch; 15 s. */
  subscribeTimeoutMs?: number;
  /** Retry delays for commands and catch-up; 0.5 s doubling to 10 s. */
  backoff?: Partial<BackoffOptions>;
  /** Error codes answered by retrying, not by giving up. */
  retryCodes?: readonly ErrorCode[];
  /** Folds one event into an incident; the engine's `applyEvent`. */
  reducer?: IncidentReducer;
  /** How many settled commands the snapshot remembers; 200. */
  keepSettled?: number;
  /** The device clock; `Date.now` unless a test drives time. */
  now?: () => number;
  /**
   * Drops an incident and its timeline once it is closed, so that a
   * screen left on for days holds only what is open (the wall).
   */
  forgetClosed?: boolean;
  /**
   * What each incident's timeline keeps; every event by default. The
   * wall leaves out position reports and keeps the lines it shows.
   */
  timeline?: TimelineOptions;
}

type Listener = () => void;

/** How one command is sent. */
export interface SendOptions {
  /**
   * While this command waits in the outbox, a newer one with the same key
   * replaces it: for reports where only the latest matters (a position).
   */
  coalesce?: string;
}

/**
 * The one client of a Muster server, for pages, tests and benchmarks.
 * Keeps a folded copy of every incident, always in event position order,
 * and an outbox that delivers each command once.
 *
 * @example
 * const client = new MusterClient().connect("http://127.0.0.1:4100");
 * client.subscribe(() => render(client.getSnapshot()));
 * await client.send({ type: "incident.close", incidentId: "2026-0042" });
 */
export class MusterClient {
  readonly #now: () => number;
  readonly #ackTimeoutMs: number;
  readonly #subscribeTimeoutMs: number;
  readonly #backoff: BackoffOptions;
  readonly #store: OutboxStore;
  readonly #outbox: Outbox;
  readonly #restored: Promise<void>;
  readonly #cache: EventCache | null;
  /** Settles once the cached events are applied, or there are none. */
  readonly #cacheLoaded: Promise<void>;
  /** The cache's writes, one after another in position order. */
  #cacheWrites: Promise<void> = Promise.resolve();
  /** True from applying cached events until the next time live. */
  #fromCache = false;
  readonly #sequencer = new EventSequencer<WireEvent>();
  readonly #model: ReadModel;
  readonly #waiter = new Waiter();
  readonly #listeners = new Set<Listener>();

  #socket: MusterSocket | null = null;
  /** Bumped on every connect and disconnect; stale loops check it. */
  #generation = 0;
  #catchingUpIn: number | null = null;
  readonly #commands: CommandLog;
  #connection: ConnectionState;
  #lastEventAt: string | null = null;
  #clockOffsetMs: number | null = null;
  #snapshot: ClientSnapshot;
  #dirty = false;
  #scheduled = false;
  #closed = false;

  constructor(options: MusterClientOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#ackTimeoutMs = options.ackTimeoutMs ?? 5_000;
    this.#subscribeTimeoutMs = options.subscribeTimeoutMs ?? 15_000;
    this.#backoff = { ...defaultBackoff, ...options.backoff };
    this.#commands = new CommandLog(options.keepSettled ?? 200);
    this.#model = new ReadModel(options.reducer ?? applyEvent, {
      forgetClosed: options.forgetClosed ?? false,
      timeline: options.timeline,
    });
    this.#store = options.outbox ?? new MemoryOutboxStore();
    this.#outbox = new Outbox({
      store: this.#store,
      backoff: this.#backoff,
      ackTimeoutMs: this.#ackTimeoutMs,
      retryCodes: options.retryCodes ?? [
        "SEQ_CONFLICT",
        "INTERNAL",
        "RATE_LIMITED",
        // A sign-in that ended keeps the command on the device until the
        // next sign-in delivers it; a refused right (NOT_AUTHORISED) is final.
        "UNAUTHENTICATED",
      ],
      transport: {
        isConnected: () => this.#socket?.connected ?? false,
        deliver: (command, timeoutMs) =>
          this.#requireSocket()
            .timeout(timeoutMs)
            .emitWithAck(socketEvents.command, command),
      },
      onChange: (status) => {
        this.#commands.record(status);
        this.#schedule();
      },
    });
    this.#restored = this.#store
      .load()
      .then((entries) => this.#outbox.restore(entries))
      .catch(() => undefined);
    this.#cache = options.cache ?? null;
    this.#cacheLoaded = this.#cache
      ? this.#cache
          .load()
          .then((cached) => this.#applyCached(cached))
          .catch(() => undefined)
      : Promise.resolve();

    this.#connection = { kind: "offline", since: this.#isoNow() };
    this.#snapshot = {
      connection: this.#connection,
      restored: false,
      position: 0,
      lastEventAt: null,
      clockOffsetMs: null,
      ...this.#model.publish(),
      commands: this.#commands.publish(),
    };
  }

  /** Opens the connection; without a target, the page's own origin. */
  connect(target?: ConnectTarget): this {
    if (this.#socket) throw new Error("MusterClient is already connected");
    this.#socket = openSocket(target);
    this.#wire(this.#socket);
    return this;
  }

  /** Closes the connection and stops retrying; queued commands stay stored. */
  close(): void {
    this.#closed = true;
    this.#generation++;
    this.#waiter.wake();
    this.#outbox.close();
    this.#socket?.disconnect();
  }

  /** Calls `listener` after every change of the snapshot. */
  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The current snapshot; a new object only when something changed. */
  getSnapshot = (): ClientSnapshot => this.#snapshot;

  /**
   * Queues a command and resolves with the server's answer, retrying
   * through disconnects and timeouts. Resolves (not rejects) with an
   * `ok: false` result when the server refuses it.
   */
  async send(
    input: CommandInput,
    options: SendOptions = {},
  ): Promise<CommandResult> {
    if (this.#closed) throw new Error("MusterClient is closed");
    await this.#restored;

    const command = { ...input, commandId: newCommandId() };
    return this.#outbox.enqueue(command, this.#isoNow(), options.coalesce);
  }

  /** The server's time now, by the measured offset (or the device's). */
  serverNow(): number {
    return this.#now() + (this.#clockOffsetMs ?? 0);
  }

  /** Resolves with the first snapshot for which `test` holds. */
  waitFor(
    test: (snapshot: ClientSnapshot) => boolean,
    timeoutMs = 10_000,
  ): Promise<ClientSnapshot> {
    if (test(this.#snapshot)) return Promise.resolve(this.#snapshot);

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`waitFor timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.subscribe(() => {
        if (!test(this.#snapshot)) return;
        clearTimeout(timer);
        stop();
        resolve(this.#snapshot);
      });
    });
  }

  #wire(socket: MusterSocket): void {
    const onConnect = () => {
      const generation = ++this.#generation;
      this.#outbox.wake();
      void this.#measureClock(socket, generation);
      void this.#catchUp(generation);
    };
    socket.on("connect", onConnect);
    socket.on("disconnect", (reason) => {
      this.#generation++;
      this.#waiter.wake();
      this.#setConnection({ kind: "offline", since: this.#isoNow() });
      // The server hung up on purpose; Socket.IO leaves that to us, and
      // a console must keep trying.
      if (
        reason === "io server disconnect" &&
        !this.#closed &&
        this.#connection.kind !== "signedOut"
      ) {
        socket.connect();
      }
    });
    socket.on(socketEvents.event, (event) => this.#receive([event]));
    socket.on(socketEvents.resync, () => {
      // Events this socket was not shown became visible: fetch them all.
      void this.#startOver().then(() => this.#catchUp(this.#generation));
    });
    socket.on(socketEvents.signedOut, (error) => this.#signedOut(error));
    socket.on("connect_error", (err: Error & { data?: unknown }) => {
      const error = wireErrorOf(err.data);
      // Socket.IO does not retry a connection its server refused.
      if (error?.code === "UNAUTHENTICATED") this.#signedOut(error);
    });
    if (socket.connected) onConnect();
  }

  #signedOut(error: WireError): void {
    this.#generation++;
    this.#waiter.wake();
    this.#connection = { kind: "signedOut", error };
    this.#schedule();
  }

  #receive(events: readonly WireEvent[]): void {
    const after = this.#sequencer.position;
    const applied: WireEvent[] = [];
    for (const event of events) {
      const ready = this.#sequencer.accept(event);
      this.#model.apply(ready);
      applied.push(...ready);
    }
    const last = applied.at(-1);
    if (last) {
      this.#lastEventAt = last.at;
      this.#keep(after, applied);
      this.#schedule();
    }
    if (this.#sequencer.hasGap && this.#catchingUpIn === null) {
      void this.#catchUp(this.#generation);
    }
  }

  /**
   * Shows the events kept on the device and resumes from their position,
   * unless the connection was quicker and events are already applied.
   */
  #applyCached(cached: CachedEvents): void {
    if (this.#sequencer.position > 0 || cached.position === 0) return;

    this.#model.apply(cached.events);
    this.#lastEventAt = cached.lastEventAt;
    this.#fromCache = true;
    // Live events that came while the cache was read follow on from it.
    const ready = this.#sequencer.skipTo(cached.position);
    this.#model.apply(ready);
    const last = ready.at(-1);
    if (last) {
      this.#lastEventAt = last.at;
      this.#keep(cached.position, ready);
    }
    this.#schedule();
  }

  async #startOver(): Promise<void> {
    this.#sequencer.reset();
    this.#model.reset();
    this.#fromCache = false;
    this.#lastEventAt = null;
    const cache = this.#cache;
    if (cache) {
      this.#cacheWrites = this.#cacheWrites
        .then(() => cache.clear())
        .catch(() => undefined);
      await this.#cacheWrites;
    }
    this.#schedule();
  }

  /** Hands applied events to the cache, in order, one batch at a time. */
  #keep(after: number, events: readonly WireEvent[]): void {
    const cache = this.#cache;
    if (!cache) return;
    // A failed write is not retried: the cache then skips every later
    // batch (it would leave a hole) and stays at its older position.
    this.#cacheWrites = this.#cacheWrites
      .then(() => cache.append({ after, events }))
      .catch(() => undefined);
  }

  /** Asks for everything after the last position until nothing is missing. */
  async #catchUp(generation: number): Promise<void> {
    const socket = this.#socket;
    if (!socket || this.#catchingUpIn === generation) return;
    this.#catchingUpIn = generation;
    this.#setConnection({ kind: "catchingUp" });

    try {
      // Resume after the cached events, not from the start.
      await this.#cacheLoaded;
      for (let attempt = 0; this.#isCurrent(generation);) {
        const before = this.#sequencer.position;
        const result = await this.#askSubscribe(socket, before);
        if (!this.#isCurrent(generation)) return;
        if (result && !result.ok && isBeyondHead(result.error)) {
          // The server's log ends before ours (its store was restored
          // from an older copy): what we hold is not its history. Start
          // over from nothing rather than wait for events that never come.
          await this.#startOver();
          attempt = 0;
          continue;
        }
        if (result?.ok) this.#receive(result.events);

        if (result?.ok && !result.more && !this.#sequencer.hasGap) {
          this.#fromCache = false;
          this.#setConnection({ kind: "live" });
          return;
        }
        if (this.#sequencer.position > before) {
          attempt = 0;
        } else {
          await this.#waiter.sleep(backoffDelay(attempt++, this.#backoff));
        }
      }
    } finally {
      if (this.#catchingUpIn === generation) this.#catchingUpIn = null;
    }
  }

  async #askSubscribe(
    socket: MusterSocket,
    after: number,
  ): Promise<SubscribeResult | null> {
    try {
      // Socket.IO's typings lose the ack type behind timeout() here.
      const result: unknown = await socket
        .timeout(this.#subscribeTimeoutMs)
        .emitWithAck(socketEvents.subscribe, {
          after,
          // Lets the server tell its log from the one our copy came from.
          ...(after > 0 && this.#lastEventAt
            ? { lastAt: this.#lastEventAt }
            : {}),
        });
      return result as SubscribeResult;
    } catch {
      return null; // timed out or disconnected: the loop decides
    }
  }

  async #measureClock(socket: MusterSocket, generation: number) {
    const sample = await measureClockOffset(
      () => socket.timeout(this.#ackTimeoutMs).emitWithAck(socketEvents.clock),
      this.#now,
    ).catch(() => null);
    if (!sample || !this.#isCurrent(generation)) return;

    this.#clockOffsetMs = sample.offsetMs;
    this.#schedule();
  }

  #isCurrent(generation: number): boolean {
    return (
      !this.#closed &&
      generation === this.#generation &&
      (this.#socket?.connected ?? false)
    );
  }

  #setConnection(connection: ConnectionState): void {
    if (this.#connection.kind === connection.kind) return;
    // Only a new connection (a new sign-in) clears a refusal.
    if (this.#connection.kind === "signedOut" && connection.kind !== "live") {
      return;
    }
    this.#connection = connection;
    this.#schedule();
  }

  /**
   * Publishes at most once per microtask, so a catch-up batch of
   * thousands of events makes one snapshot, not thousands.
   */
  #schedule(): void {
    this.#dirty = true;
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    if (!this.#dirty) return;
    this.#dirty = false;

    const model = this.#model.changed ? this.#model.publish() : null;
    this.#snapshot = {
      connection: this.#connection,
      restored: this.#fromCache,
      position: this.#sequencer.position,
      lastEventAt: this.#lastEventAt,
      clockOffsetMs: this.#clockOffsetMs,
      incidents: model?.incidents ?? this.#snapshot.incidents,
      timelines: model?.timelines ?? this.#snapshot.timelines,
      commands: this.#commands.publish(),
    };
    for (const listener of [...this.#listeners]) listener();
  }

  #requireSocket(): MusterSocket {
    if (!this.#socket) throw new Error("MusterClient is not connected");
    return this.#socket;
  }

  #isoNow(): string {
    return new Date(this.#now()).toISOString();
  }
}

/** The error a server attached to a refused connection, if any. */
function wireErrorOf(data: unknown): WireError | null {
  if (typeof data !== "object" || data === null) return null;
  const { code, message, path } = data as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return null;
  return {
    code: code as WireError["code"],
    message,
    path: typeof path === "string" ? path : "",
  };
}

/** The server's answer to a subscription from past its last event. */
function isBeyondHead(error: WireError): boolean {
  return error.code === "BAD_REQUEST" && error.path === "after";
}
