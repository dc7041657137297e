import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeServer, reportedData } from "../test/fakeServer.ts";
import { MusterClient, type MusterClientOptions } from "./musterClient.ts";
import { MemoryOutboxStore } from "./outboxStore.ts";

const incidentId = "2026-0001";
let server: FakeServer;
let client: MusterClient;

beforeEach(async () => {
  server = new FakeServer();
  await server.start();
});

afterEach(async () => {
  client.close();
  await server.stop();
});

function connect(options: MusterClientOptions = {}): MusterClient {
  client = new MusterClient({
    ackTimeoutMs: 300,
    backoff: { initialMs: 20, maxMs: 200 },
    ...options,
  });
  return client.connect({
    url: server.url,
    options: { reconnectionDelay: 20, reconnectionDelayMax: 100 },
  });
}

const isLive = () => client.waitFor((s) => s.connection.kind === "live");

function seedLog(count: number): void {
  server.append(incidentId, "incident.reported", reportedData());
  for (let i = 1; i < count; i++) {
    server.append(incidentId, "incident.updated", {
      headcount: 12 + i,
      conduct: "none",
    });
  }
}

describe("MusterClient catch-up", () => {
  it("catches up in batches, then goes live", async () => {
    server.batchSize = 2;
    seedLog(5);
    connect();

    const snapshot = await isLive();
    expect(snapshot.position).toBe(5);
    expect(server.subscribes).toEqual([0, 2, 4]);
    expect(snapshot.timelines.get(incidentId)).toHaveLength(5);
    expect(snapshot.incidents.get(incidentId)?.headcount).toBe(16);
  });

  it("applies live events and notes the time of the last", async () => {
    seedLog(1);
    connect();
    await isLive();

    const pushed = server.append(incidentId, "incident.updated", {
      headcount: 40,
      conduct: "tendency",
    });
    const snapshot = await client.waitFor((s) => s.position === 2);
    expect(snapshot.incidents.get(incidentId)?.headcount).toBe(40);
    expect(snapshot.lastEventAt).toBe(pushed.at);
  });

  it("drops a duplicate event", async () => {
    seedLog(2);
    connect();
    await isLive();

    server.push(server.log[1]!);
    server.append(incidentId, "incident.updated", {
      headcount: 3,
      conduct: "none",
    });
    const snapshot = await client.waitFor((s) => s.position === 3);
    expect(snapshot.timelines.get(incidentId)?.map((e) => e.position)).toEqual([
      1, 2, 3,
    ]);
  });

  it("re-subscribes from its last position on a gap", async () => {
    seedLog(2);
    connect();
    await isLive();

    server.append(
      incidentId,
      "incident.updated",
      {
        headcount: 30,
        conduct: "none",
      },
      { silently: true },
    );
    server.append(incidentId, "incident.updated", {
      headcount: 31,
      conduct: "none",
    });

    const snapshot = await client.waitFor((s) => s.position === 4);
    expect(server.subscribes).toEqual([0, 2]);
    expect(snapshot.timelines.get(incidentId)?.map((e) => e.position)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(snapshot.incidents.get(incidentId)?.headcount).toBe(31);
  });

  it("re-subscribes with its last position after a reconnect", async () => {
    seedLog(3);
    connect();
    await isLive();

    await server.stop();
    await client.waitFor((s) => s.connection.kind === "offline");
    server.append(incidentId, "incident.updated", {
      headcount: 50,
      conduct: "tendency",
    });
    await server.start();

    const snapshot = await client.waitFor(
      (s) => s.position === 4 && s.connection.kind === "live",
    );
    expect(server.subscribes).toEqual([0, 3]);
    expect(snapshot.incidents.get(incidentId)?.headcount).toBe(50);
  });

  it("keeps the snapshot object until something changes", async () => {
    seedLog(1);
    connect();
    const live = await isLive();

    expect(client.getSnapshot()).toBe(live);
    server.append(incidentId, "incident.updated", {
      headcount: 2,
      conduct: "none",
    });
    const next = await client.waitFor((s) => s.position === 2);
    expect(next).not.toBe(live);
    expect(next.commands).toBe(live.commands);
  });

  it("measures the server clock offset", async () => {
    server.clockOffsetMs = 90_000;
    connect();

    const snapshot = await client.waitFor((s) => s.clockOffsetMs !== null);
    expect(Math.abs(snapshot.clockOffsetMs! - 90_000)).toBeLessThan(1_000);
  });
});

describe("MusterClient outbox", () => {
  const close = { type: "incident.close", incidentId } as const;

  it("delivers a command sent while the server is down", async () => {
    connect();
    await isLive();
    await server.stop();
    await client.waitFor((s) => s.connection.kind === "offline");

    const answer = client.send(close);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const [pending] = client.getSnapshot().commands.values();
    expect(pending?.state).toBe("pending");

    await server.start();
    const result = await answer;
    expect(result.ok).toBe(true);
    expect(server.commands.map((c) => c.commandId)).toEqual([
      pending?.command.commandId,
    ]);
    const settled = await client.waitFor(
      (s) => [...s.commands.values()][0]?.state === "confirmed",
    );
    expect(settled.commands.size).toBe(1);
  });

  it("retries with the same id when the ack times out", async () => {
    let calls = 0;
    const fallback = server.onCommand;
    server.onCommand = (command, s) =>
      ++calls === 1 ? "noAnswer" : fallback(command, s);
    connect();

    const result = await client.send(close);
    expect(result.ok).toBe(true);
    expect(server.commands).toHaveLength(2);
    expect(server.commands[0]?.commandId).toBe(server.commands[1]?.commandId);
  });

  it("gives up at once on a definite refusal", async () => {
    server.onCommand = () => ({
      ok: false,
      error: { code: "COMMAND_REJECTED", path: "", message: "closed already" },
    });
    connect();

    const result = await client.send(close);
    expect(result.ok).toBe(false);
    expect(server.commands).toHaveLength(1);
    const status = [...client.getSnapshot().commands.values()][0];
    expect(status?.error?.code).toBe("COMMAND_REJECTED");
  });

  it("retries a passing failure", async () => {
    let calls = 0;
    const fallback = server.onCommand;
    server.onCommand = (command, s) =>
      ++calls === 1
        ? {
            ok: false,
            error: { code: "SEQ_CONFLICT", path: "", message: "raced" },
          }
        : fallback(command, s);
    connect();

    expect((await client.send(close)).ok).toBe(true);
    expect(server.commands).toHaveLength(2);
  });

  it("delivers commands in the order they were sent", async () => {
    connect();
    await isLive();
    await server.stop();

    const first = client.send({ ...close, incidentId: "2026-0002" });
    const second = client.send({ ...close, incidentId: "2026-0003" });
    await server.start();
    await Promise.all([first, second]);
    expect(
      server.commands.map((c) => "incidentId" in c && c.incidentId),
    ).toEqual(["2026-0002", "2026-0003"]);
  });

  it("delivers what an earlier session left in the outbox store", async () => {
    const store = new MemoryOutboxStore();
    await store.put({
      command: { ...close, commandId: "left-over-0001" },
      queuedAt: "2026-01-01T00:00:00.000Z",
    });
    connect({ outbox: store });

    await client.waitFor(
      (s) => s.commands.get("left-over-0001")?.state === "confirmed",
    );
    expect(await store.load()).toEqual([]);
  });
});
