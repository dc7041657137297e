import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { NewEvent } from "@muster/protocol";
import type { EventStore } from "../src/eventStore.ts";
import { MemoryEventStore } from "../src/memoryStore.ts";
import { SqliteEventStore } from "../src/sqliteStore.ts";

const at = "2026-12-04T02:00:00.000Z";
const graded = (level: "III" | "II"): NewEvent => ({
  type: "incident.graded",
  at,
  data: {
    level,
    previousLevel: null,
    band: "b",
    reason: "r",
    countyLed: false,
  },
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const stores: [string, () => EventStore][] = [
  ["memory", () => new MemoryEventStore()],
  [
    "sqlite",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "muster-store-"));
      dirs.push(dir);
      return new SqliteEventStore(join(dir, "muster.db"));
    },
  ],
];

describe.each(stores)("%s event store", (_name, open) => {
  test("numbers positions globally and seqs per incident, both gap-free", async () => {
    const store = open();
    await store.append({
      incidentId: "A",
      expectedSeq: 0,
      events: [graded("III")],
      command: null,
    });
    await store.append({
      incidentId: "B",
      expectedSeq: 0,
      events: [graded("III")],
      command: null,
    });
    const more = await store.append({
      incidentId: "A",
      expectedSeq: 1,
      events: [graded("II"), graded("II")],
      command: null,
    });

    expect(more.map((e) => [e.position, e.seq])).toEqual([
      [3, 2],
      [4, 3],
    ]);
    expect((await store.readAfter(1, 2)).map((e) => e.position)).toEqual([
      2, 3,
    ]);
    expect((await store.readIncident("A")).map((e) => e.seq)).toEqual([
      1, 2, 3,
    ]);
    expect(await store.head()).toBe(4);
    await store.close();
  });

  test("refuses an append made on a stale seq and writes nothing", async () => {
    const store = open();
    await store.append({
      incidentId: "A",
      expectedSeq: 0,
      events: [graded("III")],
      command: null,
    });
    await expect(
      store.append({
        incidentId: "A",
        expectedSeq: 0,
        events: [graded("II")],
        command: null,
      }),
    ).rejects.toMatchObject({ code: "SEQ_CONFLICT" });
    expect(await store.head()).toBe(1);
    await store.close();
  });

  test("remembers a command with its positions and refuses its id twice", async () => {
    const store = open();
    const command = { commandId: "cmd-0000001", body: "{}" };
    await store.append({
      incidentId: "A",
      expectedSeq: 0,
      events: [graded("III")],
      command,
    });

    expect(await store.findCommand("cmd-0000001")).toEqual({
      commandId: "cmd-0000001",
      body: "{}",
      incidentId: "A",
      positions: [1],
      error: null,
    });
    await expect(
      store.append({
        incidentId: "A",
        expectedSeq: 1,
        events: [graded("II")],
        command,
      }),
    ).rejects.toMatchObject({ code: "COMMAND_ID_REUSED" });
    expect(await store.head()).toBe(1);
    await store.close();
  });

  test("remembers a rejected command with its error", async () => {
    const store = open();
    const error = {
      code: "COMMAND_REJECTED" as const,
      path: "",
      message: "no",
    };
    await store.recordRejection({
      commandId: "cmd-0000002",
      body: "{}",
      incidentId: null,
      positions: [],
      error,
    });
    expect((await store.findCommand("cmd-0000002"))?.error).toEqual(error);
    await store.close();
  });
});

test("the sqlite store keeps its events across reopening the file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "muster-store-"));
  dirs.push(dir);
  const file = join(dir, "muster.db");
  const first = new SqliteEventStore(file);
  await first.append({
    incidentId: "A",
    expectedSeq: 0,
    events: [graded("III")],
    command: null,
  });
  await first.close();

  const second = new SqliteEventStore(file);
  expect(await second.readIncident("A")).toHaveLength(1);
  await second.close();
});

describe.each(stores)("%s snapshots", (_name, open) => {
  test("keeps the latest snapshot and never an older one over it", async () => {
    const store = open();
    expect(await store.loadSnapshot()).toBeUndefined();
    await store.saveSnapshot({ position: 10, body: "ten" });
    await store.saveSnapshot({ position: 5, body: "five" });
    expect(await store.loadSnapshot()).toEqual({ position: 10, body: "ten" });
    await store.saveSnapshot({ position: 20, body: "twenty" });
    expect(await store.loadSnapshot()).toEqual({
      position: 20,
      body: "twenty",
    });
    await store.close();
  });
});
