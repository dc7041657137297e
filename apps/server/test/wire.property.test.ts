import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import fc from "fast-check";
import { io, type Socket } from "socket.io-client";
import { Command, socketEvents, type CommandResult } from "@muster/protocol";
import {
  startServer,
  tempDir,
  TestClient,
  type ServerProcess,
} from "./serverProcess.ts";

const dataDir = tempDir();
let server: ServerProcess;
let attacker: Socket;

beforeAll(async () => {
  // The flood limit has its own test; here every message must be parsed.
  server = await startServer({
    dataDir,
    env: { MUSTER_SOCKET_RATE: "100000" },
  });
  attacker = connect();
});

afterAll(async () => {
  attacker?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function connect(): Socket {
  return io(server.url, { transports: ["websocket"], forceNew: true });
}

async function head(): Promise<number> {
  const res = await fetch(`${server.url}/api/events?after=0&limit=1000`);
  const body = (await res.json()) as { events: { position: number }[] };
  return body.events.at(-1)?.position ?? 0;
}

const valid = {
  type: "incident.report",
  commandId: "wire-valid-0001",
  place: { name: "gate", position: { lat: 30.548, lon: 120.995 } },
  incidentType: "other",
  headcount: 12,
  conduct: "tendency",
};

/** A valid command with one field broken, dropped or added. */
const mutated = fc.oneof(
  fc
    .record({
      key: fc.constantFrom(...Object.keys(valid)),
      value: fc.oneof(
        fc.anything(),
        fc.string({ maxLength: 2000 }),
        fc.double(),
        fc.constantFrom(
          -1,
          0,
          2.5,
          Number.POSITIVE_INFINITY,
          Number.NaN,
          null,
          [],
          {},
        ),
      ),
    })
    .map(({ key, value }) => ({
      ...valid,
      commandId: "wire-mutant-01",
      [key]: value,
    })),
  fc.constantFrom(...Object.keys(valid)).map((key) => {
    const copy: Record<string, unknown> = {
      ...valid,
      commandId: "wire-mutant-02",
    };
    delete copy[key];
    return copy;
  }),
  fc.string({ maxLength: 20 }).map((extra) => ({
    ...valid,
    commandId: "wire-mutant-03",
    [`x${extra}`]: 1,
  })),
  fc.constantFrom("unit.teleport", "xstate.init", "", "incident.report "),
  fc
    .anything()
    .map((type) => ({ ...valid, commandId: "wire-mutant-04", type })),
);

const message = fc.oneof(
  fc.record({
    event: fc.constant(socketEvents.command),
    payload: fc.oneof(fc.anything(), mutated),
  }),
  fc.record({
    event: fc.constant(socketEvents.subscribe),
    payload: fc.oneof(
      fc.anything(),
      fc.record({
        after: fc.oneof(
          fc.integer(),
          fc.double(),
          fc.string(),
          fc.constant(-1),
        ),
      }),
    ),
  }),
  fc.record({ event: fc.string({ maxLength: 30 }), payload: fc.anything() }),
);

test("random and mutated messages change nothing, crash nothing, and stall no one", async () => {
  const start = await head();
  const codes = new Set<string>();
  // A mutation may by chance still be a valid command: it may change the
  // store, by exactly the events its answer names, and nothing else may.
  let appended = 0;

  await fc.assert(
    fc.asyncProperty(
      fc.array(message, { minLength: 1, maxLength: 20 }),
      async (batch) => {
        if (!attacker.connected) attacker = connect();
        const known = new Set<string>(Object.values(socketEvents));
        const answers = await Promise.all(
          batch.map(({ event, payload }) => {
            // Unknown events get no answer: send them and move on.
            if (!known.has(event)) {
              try {
                attacker.emit(event, payload);
              } catch {
                // socket.io-client refuses its own reserved names.
              }
              return Promise.resolve(null);
            }
            return attacker
              .timeout(5000)
              .emitWithAck(event, payload)
              .catch(() => null) as Promise<CommandResult | null>;
          }),
        );
        for (const [i, a] of answers.entries()) {
          // No answer: an unknown event name, or a message dropped.
          if (!a) continue;
          if (!a.ok) {
            codes.add(a.error.code);
            expect(a.error.code).not.toBe("INTERNAL");
            continue;
          }
          const { event, payload } = batch[i]!;
          if (event === socketEvents.command) {
            expect(Command.safeParse(payload).success).toBe(true);
            if (!a.duplicate) appended += a.positions.length;
          }
        }
      },
    ),
    { numRuns: 300 },
  );

  // An oversized message is dropped with its socket, nothing else.
  const big = connect();
  await new Promise<void>((r) => big.once("connect", () => r()));
  big.emit(socketEvents.command, { ...valid, padding: "x".repeat(200_000) });
  await new Promise((r) => setTimeout(r, 300));
  big.close();

  expect(await head()).toBe(start + appended);
  expect(codes.has("BAD_REQUEST")).toBe(true);
  const client = new TestClient(server.url);
  const served = await client.send(valid);
  client.close();
  expect(served.ok).toBe(true);
});
