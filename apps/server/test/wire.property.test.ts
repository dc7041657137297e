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
/** Every role, in and out of the home district, and both kinds of device. */
const attackers = new Map<string, string>();
/** An incident reported before the attacks, for commands to aim at. */
let firstIncident = "";

beforeAll(async () => {
  // The flood limit has its own test; here every message must be parsed.
  server = await startServer({
    dataDir,
    env: { MUSTER_SOCKET_RATE: "100000" },
  });
  const people = await People.open(server);
  commander = await people.commander();
  attackers.set("admin", people.admin.token);
  for (const role of [
    "deputy",
    "groupLead",
    "dispatcher",
    "drillCoordinator",
    "observer",
  ] as const) {
    attackers.set(role, (await people.person(role)).token);
  }
  attackers.set(
    "unitLeader",
    (await people.person("unitLeader", { unit: "WH-P1" })).token,
  );
  attackers.set(
    "commander@wuyuan",
    (await people.person("commander", { districts: ["wuyuan"] })).token,
  );
  attackers.set("tablet", await people.tablet("WH-P1"));
  attackers.set("display", await people.display());
  const client = new TestClient(server.url, commander.token);
  const reported = await client.send({
    ...valid,
    commandId: "wire-first-0001",
  });
  client.close();
  if (!reported.ok) throw new Error(JSON.stringify(reported));
  firstIncident = reported.incidentId;
}, 60_000);

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
  let last = 0;
  for (;;) {
    const res = await fetch(
      `${server.url}/api/events?after=${last}&limit=1000`,
      {
        headers: { authorization: `Bearer ${commander.token}` },
      },
    );
    const body = (await res.json()) as { events: { position: number }[] };
    const next = body.events.at(-1)?.position;
    if (next === undefined) return last;
    last = next;
  }
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

/**
 * Well-formed commands of every kind, aimed at the first incident or at
 * none, for any unit: what a role may or may not send is the server's
 * to decide, and a refusal must change nothing.
 */
const wellFormed = fc
  .record({
    type: fc.constantFrom(
      "incident.update",
      "group.acknowledge",
      "unit.acknowledge",
      "unit.enRoute",
      "unit.reportPosition",
      "unit.release",
      "incident.resolve",
      "alert.acknowledge",
      "step.complete",
    ),
    real: fc.boolean(),
    callsign: fc.constantFrom("WH-P1", "WH-P2", "WY-P1"),
    n: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ type, real, callsign, n }) => {
    const incidentId = real ? firstIncident : "2026-0999";
    const base = { type, incidentId, commandId: `wire-any-${n}` };
    const at = new Date().toISOString();
    switch (type) {
      case "incident.update":
        return { ...base, headcount: 40, conduct: "tendency" };
      case "group.acknowledge":
        return { ...base, group: "intel" };
      case "unit.reportPosition":
        return {
          ...base,
          callsign,
          deviceAt: at,
          position: { lat: 30.55, lon: 120.99 },
        };
      case "unit.acknowledge":
      case "unit.enRoute":
        return { ...base, callsign, deviceAt: at };
      case "unit.release":
        return { ...base, callsign };
      case "alert.acknowledge":
        return { ...base, alertId: "no-such-alert" };
      case "step.complete":
        return { ...base, step: "no-such-step" };
      default:
        return base;
    }
  });

const message = fc.oneof(
  fc.record({
    event: fc.constant(socketEvents.command),
    payload: fc.oneof(fc.anything(), mutated, wellFormed),
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
}, 120_000);

test("from every role and device: a refusal changes nothing and crashes nothing", async () => {
  for (const [who, token] of attackers) {
    await attack(token, 60);
    // Whatever the random messages happened to be, one that none of them
    // may send — a position for WH-P2 — is refused and changes nothing.
    const before = await head();
    const client = new TestClient(server.url, token);
    const answer = await client.send({
      type: "unit.reportPosition",
      commandId: `wire-forbidden-${who.replace(/[^a-zA-Z0-9]/g, "-")}`,
      incidentId: firstIncident,
      callsign: "WH-P2",
      position: { lat: 30.55, lon: 120.99 },
    });
    client.close();
    expect(!answer.ok && answer.error.code, who).toBe("NOT_AUTHORISED");
    expect(await head(), who).toBe(before);
  }
}, 300_000);
