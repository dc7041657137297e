import { describe, expect, test } from "vitest";
import { MemoryEventStore, type CommitBatch } from "@muster/store";
import type { Command } from "@muster/protocol";
import { startService } from "./harness.ts";

const report = (commandId: string, headcount = 30): Command => ({
  type: "incident.report",
  commandId,
  place: { name: "gate", position: { lat: 30.548, lon: 120.995 } },
  incidentType: "labour-wage",
  headcount,
  conduct: "tendency",
});

/** A memory store that counts its commits and can be made to fail. */
class CountingStore extends MemoryEventStore {
  commits = 0;
  failNext = false;

  override commit(batch: CommitBatch) {
    this.commits += 1;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error("disk full"));
    }
    return super.commit(batch);
  }
}

async function start() {
  const store = new CountingStore();
  const { service } = await startService(store);
  return { store, service };
}

describe("group commit", () => {
  test("commands in flight together are written in one transaction", async () => {
    const { store, service } = await start();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        service.execute(report(`gc-report-${i}00`, 5)),
      ),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    expect(store.commits).toBeLessThanOrEqual(2);
    const ids = results.map((r) => (r.ok ? r.incidentId : ""));
    expect(new Set(ids).size).toBe(20);
  });

  test("a decision sees the earlier decisions of its batch: no unit is sent twice", async () => {
    const { service } = await start();
    const [a, b] = await Promise.all([
      service.execute(report("gc-busy-0001")),
      service.execute(report("gc-busy-0002")),
    ]);
    const units = (r: typeof a) =>
      r.ok ? service.incident(r.incidentId)!.units.map((u) => u.callsign) : [];

    expect(units(a).filter((cs) => units(b).includes(cs))).toEqual([]);
  });

  test("the same command id twice in one batch is applied once", async () => {
    const { store, service } = await start();
    const [first, second] = await Promise.all([
      service.execute(report("gc-twice-0001")),
      service.execute(report("gc-twice-0001")),
    ]);

    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual({ ...first, duplicate: true });
    const events = await store.readAfter(0, 1000);
    expect(events.filter((e) => e.type === "incident.reported")).toHaveLength(
      1,
    );
  });

  test("a failed write changes nothing in memory and a retry succeeds", async () => {
    const { store, service } = await start();
    store.failNext = true;
    const failed = await service.execute(report("gc-fail-0001"));

    expect(!failed.ok && failed.error.code).toBe("INTERNAL");
    expect(service.incidents()).toEqual([]);
    expect(await store.head()).toBe(0);

    const retried = await service.execute(report("gc-fail-0001"));
    expect(retried.ok && retried.incidentId).toBe("2026-0001");
  });
});
