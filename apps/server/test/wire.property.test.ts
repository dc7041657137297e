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
import { People, type Person } from "./people.ts";

const dataDir = tempDir();
let server: ServerProcess;
/** Reads the store and checks that the server still serves. */
let commander: Person;

beforeAll(async () => {
  // The flood limit has its own test; here every message must be parsed.
  server = await startServer({
    dataDir,
    env: { MUSTER_SOCKET_RATE: "100000" },
  });
  commander = await (await People.open(server)).commander();
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A socket signed in with a person's or a device's token. */
function connect(token: string): Socket {
  return io(server.url, {
    transports: ["websocket"],
    forceNew: true,
    auth: { token },
  });
}

/** The position of the last event in the store, as the commander reads it. */
async function head(): Promise<number> {
  const res = await fetch(`${server.url}/api/events?after=0&limit=1000`, {
    headers: { authorization: `Bearer ${commander.token}` },
  });
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

/**
 * Sends random and mutated messages over a socket signed in with `token`:
 * the store changes by exactly the events of the commands accepted, no
 * answer is INTERNAL, an oversized message is dropped, and afterwards the
 * server still serves the commander.
 */
async function attack(token: string, numRuns = 300): Promise<void> {
  const start = await head();
  const codes = new Set<string>();
  // A mutation may by chance still be a valid command: it may change the
  // store, by exactly the events its answer names, and nothing else may.
  let appended = 0;
  let attacker = connect(token);
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: 1, maxLength: 20 }),
        async (batch) => {
          if (!attacker.connected) {
            attacker.close();
            attacker = connect(token);
          }
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
      { numRuns },
    );
  } finally {
    attacker.close();
  }

  // An oversized message is dropped with its socket, nothing else.
  const big = connect(token);
  await new Promise<void>((r) => big.once("connect", () => r()));
  big.emit(socketEvents.command, { ...valid, padding: "x".repeat(200_000) });
  await new Promise((r) => setTimeout(r, 300));
  big.close();

  expect(await head()).toBe(start + appended);
  expect(codes.has("BAD_REQUEST")).toBe(true);
  const client = new TestClient(server.url, commander.token);
  const served = await client.send(valid);
  client.close();
  expect(served.ok).toBe(true);
}

test("random and mutated messages change nothing, crash nothing, and stall no one", async () => {
  await attack(commander.token);
});
