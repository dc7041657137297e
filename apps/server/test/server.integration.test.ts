import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import type { StoredEvent } from "@muster/protocol";
import {
  startServer,
  tempDir,
  TestClient,
  writeFastPlan,
  type ServerProcess,
} from "./serverProcess.ts";
import { People } from "./people.ts";

const dataDir = tempDir();
const planFile = writeFastPlan(dataDir, 4);
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];

afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The commander's token, from the first start on this data folder. */
let token = "";

async function start() {
  const server = await startServer({ dataDir, planFile });
  servers.push(server);
  if (!token) token = (await (await People.open(server)).commander()).token;
  return server;
}

/** Request options that carry the commander's sign-in. */
const signedIn = () => ({ headers: { authorization: `Bearer ${token}` } });

function connect(url: string) {
  const client = new TestClient(url, token);
  clients.push(client);
  return client;
}

const report = {
  type: "incident.report",
  commandId: "itest-report-0001",
  place: { name: "Haibin Road gate", position: { lat: 30.548, lon: 120.995 } },
  incidentType: "labour-wage",
  headcount: 30,
  conduct: "tendency",
};

describe("the real server over real sockets", () => {
  let server: ServerProcess;
  let incidentId = "";
  let before: unknown;

  test("pushes an incident's events in order, positions and seqs gap-free", async () => {
    server = await start();
    const wall = connect(server.url);
    expect(await wall.subscribe(0)).toMatchObject({
      ok: true,
      events: [],
      head: 0,
    });

    const result = await wall.send(report);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    incidentId = result.incidentId;

    await wall.waitFor((e) => e.position === result.positions.at(-1));
    const positions = wall.events.map((e) => e.position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
    expect(wall.events.map((e) => e.seq)).toEqual(positions);
    expect(wall.events[0]!.type).toBe("incident.reported");
  });

  test("a dispatch acknowledged twice with one command id is applied once", async () => {
    const tablet = connect(server.url);
    await tablet.subscribe(0);
    const dispatched = tablet.events.find(
      (e): e is Extract<StoredEvent, { type: "unit.dispatched" }> =>
        e.type === "unit.dispatched" && e.data.tier === "departments",
    )!;
    const ack = {
      type: "unit.acknowledge",
      commandId: "itest-ack-000001",
      incidentId,
      callsign: dispatched.data.callsign,
      deviceAt: new Date().toISOString(),
      clockOffsetMs: 0,
    };
    const first = await tablet.send(ack);
    const second = await tablet.send(ack);

    expect(first.ok && second.ok).toBe(true);
    expect(second).toMatchObject({ duplicate: true });
    expect(first.ok && second.ok && second.positions).toEqual(
      first.ok && first.positions,
    );
    const res = await fetch(`${server.url}/api/events?after=0`, signedIn());
    const { events } = (await res.json()) as { events: StoredEvent[] };
    expect(events.filter((e) => e.type === "unit.acknowledged")).toHaveLength(
      1,
    );
  });

  test("a bad message is answered with code and path and changes nothing", async () => {
    const client = connect(server.url);
    const head = (await client.subscribe(0)).ok ? client.events.length : -1;
    const bad = await client.send({
      ...report,
      commandId: "itest-bad-00001",
      headcount: 2.5,
    });
    const garbage = await client.send("not a command");

    expect(bad).toEqual({
      ok: false,
      error: {
        code: "BAD_REQUEST",
        path: "headcount",
        message: expect.stringContaining("headcount") as string,
      },
    });
    expect(garbage).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    const res = await fetch(`${server.url}/api/events?after=0`, signedIn());
    const { events } = (await res.json()) as { events: StoredEvent[] };
    expect(events).toHaveLength(head);
  });

  test("a restarted server on the same data folder has the state and the deadlines back", async () => {
    const res = await fetch(`${server.url}/api/incidents`, signedIn());
    before = ((await res.json()) as { incidents: unknown[] }).incidents;
    // Killed hard, before the police clock (4 s) runs out.
    await server.stop("SIGKILL");
    await new Promise((r) => setTimeout(r, 4500));

    server = await start();
    const wall = connect(server.url);
    await wall.subscribe(0);
    const late = (await wall.waitFor(
      (e) => e.type === "tier.late" && e.data.tier === "police",
    )) as Extract<StoredEvent, { type: "tier.late" }>;
    const police = (
      before as { tiers: { tier: string; deadline: string }[] }[]
    )[0]!.tiers.find((t) => t.tier === "police")!;

    // The deadline passed while the server was down: it fires at once,
    // carrying its original due time (the millisecond after the deadline).
    expect(late.data.deadline).toBe(police.deadline);
    expect(Date.parse(late.at)).toBe(Date.parse(police.deadline) + 1);
    const after = (await (
      await fetch(`${server.url}/api/incidents`, signedIn())
    ).json()) as {
      incidents: {
        tiers: { tier: string; status: string }[];
        units: unknown[];
      }[];
    };
    const restored = after.incidents[0]!;
    expect(restored.units).toEqual(
      (before as { units: unknown[] }[])[0]!.units,
    );
    expect(restored.tiers.find((t) => t.tier === "police")!.status).toBe(
      "late",
    );
    // Later deadlines are armed again and fire on time.
    await wall.waitFor(
      (e) => e.type === "tier.late" && e.data.tier === "departments",
      20_000,
    );
  });
});
