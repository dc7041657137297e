import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredEvent } from "@muster/protocol";
import { FakeServer, reportedData } from "../test/fakeServer.ts";
import { IndexedDbEventCache } from "./indexedDbEventCache.ts";
import { MusterClient } from "./musterClient.ts";

let dbCount = 0;
const freshName = () => `events-test-${++dbCount}`;

/** An event of the wire's shape; the cache looks at nothing else. */
function event(
  position: number,
  incidentId = "2026-0001",
  type: StoredEvent["type"] = "incident.updated",
): StoredEvent {
  return {
    type,
    data: { headcount: 12, conduct: "none" },
    at: new Date(Date.UTC(2026, 0, 1, 8, 0, position)).toISOString(),
    position,
    incidentId,
    seq: position,
  } as StoredEvent;
}

const positions = (events: readonly { position: number }[]) =>
  events.map((e) => e.position);

describe("IndexedDbEventCache", () => {
  it("keeps batches and the position they run to, across opens", async () => {
    const name = freshName();
    const cache = new IndexedDbEventCache({ name });
    await cache.append({ after: 0, events: [event(1), event(2)] });
    await cache.append({ after: 2, events: [event(3)] });
    await cache.close();

    const again = new IndexedDbEventCache({ name });
    const kept = await again.load();
    expect(kept.position).toBe(3);
    expect(kept.lastEventAt).toBe(event(3).at);
    expect(positions(kept.events)).toEqual([1, 2, 3]);
    await again.close();
  });

  it("skips a batch that would leave a hole, and keeps an overlap once", async () => {
    const cache = new IndexedDbEventCache({ name: freshName() });
    await cache.append({ after: 0, events: [event(1), event(2)] });
    await cache.append({ after: 5, events: [event(6)] });
    await cache.append({ after: 1, events: [event(2), event(3)] });

    const kept = await cache.load();
    expect(kept.position).toBe(3);
    expect(positions(kept.events)).toEqual([1, 2, 3]);
    await cache.close();
  });

  it("forgets a closed incident's events but not its position", async () => {
    const cache = new IndexedDbEventCache({ name: freshName() });
    await cache.append({
      after: 0,
      events: [event(1, "2026-0001"), event(2, "2026-0002")],
    });
    await cache.append({
      after: 2,
      events: [event(3, "2026-0001", "incident.closed")],
    });

    const kept = await cache.load();
    expect(kept.position).toBe(3);
    expect(kept.events.map((e) => e.incidentId)).toEqual(["2026-0002"]);
    await cache.close();
  });

  it("empties itself past its limit and stays empty", async () => {
    const cache = new IndexedDbEventCache({ name: freshName(), maxEvents: 2 });
    await cache.append({ after: 0, events: [event(1), event(2)] });
    await cache.append({ after: 2, events: [event(3)] });
    await cache.append({ after: 3, events: [event(4)] });

    expect(await cache.load()).toEqual({
      position: 0,
      lastEventAt: null,
      events: [],
    });
    await cache.close();
  });
});

describe("a tablet reopened before the network came back", () => {
  const incidentId = "2026-0001";
  let server: FakeServer | null = null;
  const clients: MusterClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.stop();
  });

  function open(name: string): MusterClient {
    const client = new MusterClient({
      cache: new IndexedDbEventCache({ name }),
      backoff: { initialMs: 20, maxMs: 200 },
    });
    clients.push(client);
    return client;
  }

  it("shows the kept incident at once, then resumes after it", async () => {
    const name = freshName();
    server = new FakeServer();
    await server.start();
    server.append(incidentId, "incident.reported", reportedData());
    server.append(incidentId, "incident.updated", {
      headcount: 40,
      conduct: "none",
    });
    const first = open(name).connect({ url: server.url });
    await first.waitFor((s) => s.connection.kind === "live");
    await expect
      .poll(
        async () => (await new IndexedDbEventCache({ name }).load()).position,
      )
      .toBe(2);
    first.close();
    await server.stop();

    // Reopened with no server: what it knew is back, marked as kept.
    const offline = open(name);
    const restored = await offline.waitFor((s) => s.position === 2);
    expect(restored.restored).toBe(true);
    expect(restored.connection.kind).toBe("offline");
    expect(restored.lastEventAt).toBe(server.log[1]?.at);
    expect(restored.incidents.get(incidentId)?.headcount).toBe(40);
    offline.close();

    server.append(incidentId, "incident.updated", {
      headcount: 55,
      conduct: "none",
    });
    await server.start();
    const subscribesBefore = server.subscribes.length;
    const online = open(name).connect({ url: server.url });
    const live = await online.waitFor((s) => s.connection.kind === "live");

    expect(server.subscribes.slice(subscribesBefore)).toEqual([2]);
    expect(live.restored).toBe(false);
    expect(live.position).toBe(3);
    expect(positions([...(live.timelines.get(incidentId) ?? [])])).toEqual([
      1, 2, 3,
    ]);
    expect(live.incidents.get(incidentId)?.headcount).toBe(55);
  });
});
