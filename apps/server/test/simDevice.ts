import { io, type Socket } from "socket.io-client";
import type { Command } from "@muster/protocol";
import {
  MemoryOutboxStore,
  MusterClient,
  type CommandStatus,
  type OutboxEntry,
} from "@muster/client";

/**
 * An outbox store that also remembers every command ever put in it: what
 * the device meant to say, to hold against the server's log at the end.
 */
export class RecordingOutboxStore extends MemoryOutboxStore {
  readonly intended: Command[] = [];
  readonly #seen = new Set<string>();

  override put(entry: OutboxEntry): Promise<void> {
    const id = entry.command.commandId;
    if (!this.#seen.has(id)) {
      this.#seen.add(id);
      this.intended.push(entry.command);
    }
    return super.put(entry);
  }
}

/**
 * How a device reaches the server: tablets straight over a websocket,
 * the others as browsers do by default, long-polling first and then
 * upgraded.
 */
export type Transport = "websocket" | "polling first";

/**
 * One simulated screen (tablet, wall or console): a MusterClient over a
 * socket the device holds, so that the test can cut the link underneath
 * the client the way a network does. The outbox store outlives sessions,
 * as a tablet's storage outlives the app being closed.
 */
export class SimDevice {
  readonly name: string;
  readonly outbox = new RecordingOutboxStore();
  /** Every session, oldest first; the last is the current one. */
  readonly sessions: MusterClient[] = [];
  readonly #url: string;
  readonly #token: string;
  readonly #transport: Transport;
  #socket!: Socket;
  #offline: NodeJS.Timeout | null = null;
  #closed = false;

  /**
   * `token` is who the device is to the server: a tablet's device token,
   * a wall's, or a person's session (see `People`); it outlives restarts.
   */
  constructor(name: string, url: string, token: string, transport: Transport) {
    this.name = name;
    this.#url = url;
    this.#token = token;
    this.#transport = transport;
    this.#open();
  }

  get client(): MusterClient {
    return this.sessions.at(-1)!;
  }

  /** The link drops under the client; Socket.IO reconnects on its own. */
  dropLink(): void {
    // Closing the engine is what a dead network looks like to Socket.IO
    // ("transport close"), unlike socket.disconnect(), which it obeys.
    if (this.#socket.connected) this.#socket.io.engine.close();
  }

  /** Offline for `ms` (out of coverage), then back. */
  goOffline(ms: number): void {
    if (this.#offline) return;
    this.#socket.disconnect();
    this.#offline = setTimeout(() => {
      this.#offline = null;
      if (!this.#closed) this.#socket.connect();
    }, ms);
  }

  /**
   * The app is closed and opened again: a new client that starts from
   * nothing but the stored outbox, as a reloaded page does.
   */
  restartApp(): void {
    this.#clearOffline();
    this.client.close();
    this.#open();
  }

  /** Back online for good, for the test to settle. */
  reconnect(): void {
    this.#clearOffline();
    if (!this.#socket.active) this.#socket.connect();
  }

  /** Every command the server answered, in any session. */
  answered(): CommandStatus[] {
    return this.#statuses().filter(
      (s) => s.state === "confirmed" || s.state === "failed",
    );
  }

  /** Ids of commands a newer one replaced before they went out. */
  superseded(): Set<string> {
    return new Set(
      this.#statuses()
        .filter((s) => s.state === "superseded")
        .map((s) => s.command.commandId),
    );
  }

  close(): void {
    this.#closed = true;
    this.#clearOffline();
    for (const client of this.sessions) client.close();
  }

  #open(): void {
    this.#socket = io(this.#url, {
      forceNew: true,
      auth: { token: this.#token },
      ...(this.#transport === "websocket" ? { transports: ["websocket"] } : {}),
      reconnectionDelay: 250,
      reconnectionDelayMax: 2_000,
    });
    const client = new MusterClient({
      outbox: this.outbox,
      ackTimeoutMs: 4_000,
      backoff: { initialMs: 200, maxMs: 2_000 },
      // The answers are the evidence; the log must keep them all.
      keepSettled: 100_000,
    });
    this.sessions.push(client.connect({ socket: this.#socket }));
  }

  #statuses(): CommandStatus[] {
    return this.sessions.flatMap((client) => [
      ...client.getSnapshot().commands.values(),
    ]);
  }

  #clearOffline(): void {
    if (this.#offline) clearTimeout(this.#offline);
    this.#offline = null;
  }
}
