import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server, type Socket } from "socket.io";
import type {
  ClockReply,
  Command,
  CommandResult,
  EventData,
  StoredEvent,
  SubscribeResult,
} from "@muster/protocol";

/** What the fake does with a command; by default it says ok. */
export type CommandHandler = (
  command: Command,
  server: FakeServer,
) => CommandResult | "noAnswer";

/**
 * A stand-in for the Muster server speaking the real socket protocol
 * over a real Socket.IO server on a free port. The event log outlives
 * `stop()`, so a test can restart the server and find its events there.
 */
export class FakeServer {
  readonly log: StoredEvent[] = [];
  /** Every `after` asked by a subscribe, in order. */
  readonly subscribes: number[] = [];
  /** Every command received, retries included. */
  readonly commands: Command[] = [];
  batchSize = 100;
  clockOffsetMs = 0;
  onCommand: CommandHandler = (command) => ({
    ok: true,
    incidentId: "incidentId" in command ? command.incidentId : "",
    positions: [],
    duplicate: false,
  });

  #io: Server | null = null;
  #port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Listens on the same port as before, or a free one the first time. */
  async start(): Promise<void> {
    const http = createServer();
    const io = new Server(http);
    io.on("connection", (socket) => this.#wire(socket));
    await new Promise<void>((resolve) => {
      http.listen(this.#port, "127.0.0.1", resolve);
    });
    this.#port = (http.address() as AddressInfo).port;
    this.#io = io;
  }

  async stop(): Promise<void> {
    const io = this.#io;
    this.#io = null;
    if (!io) return;
    io.disconnectSockets(true);
    await io.close();
  }

  /** Appends an event to the log; pushes it live unless `silently`. */
  append<T extends keyof EventData>(
    incidentId: string,
    type: T,
    data: EventData[T],
    options: { silently?: boolean } = {},
  ): StoredEvent {
    const seq = this.log.filter((e) => e.incidentId === incidentId).length;
    const event = {
      type,
      data,
      at: new Date(Date.UTC(2026, 0, 1, 8, 0, this.log.length)).toISOString(),
      position: this.log.length + 1,
      incidentId,
      seq: seq + 1,
      commandId: null,
    } as StoredEvent;
    this.log.push(event);
    if (!options.silently) this.push(event);
    return event;
  }

  /** Pushes any event to every subscribed socket, as the server would. */
  push(event: StoredEvent): void {
    this.#io?.to("live").emit("event", event);
  }

  #wire(socket: Socket): void {
    socket.on("subscribe", (request: { after: number }, ack) => {
      this.subscribes.push(request.after);
      const events = this.log.slice(
        request.after,
        request.after + this.batchSize,
      );
      void socket.join("live");
      const result: SubscribeResult = {
        ok: true,
        events,
        head: this.log.length,
        more: request.after + events.length < this.log.length,
      };
      (ack as (r: SubscribeResult) => void)(result);
    });
    socket.on("clock", (ack: (reply: ClockReply) => void) => {
      const now = new Date(Date.now() + this.clockOffsetMs).toISOString();
      ack({ ok: true, now });
    });
    socket.on("command", (command: Command, ack) => {
      this.commands.push(command);
      const result = this.onCommand(command, this);
      if (result !== "noAnswer") (ack as (r: CommandResult) => void)(result);
    });
  }
}

/** The data of a plain `incident.reported` for tests. */
export function reportedData(): EventData["incident.reported"] {
  return {
    place: { name: "Harbour gate", position: { lat: 30.55, lon: 120.99 } },
    incidentType: "other",
    headcount: 12,
    conduct: "none",
    district: "wanghai",
    planId: "wanghai",
    planVersion: "1",
    escalateToCounty: false,
  };
}
