import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { Command } from "@muster/protocol";
import { FakeServer } from "../test/fakeServer.ts";
import { IndexedDbOutboxStore } from "./indexedDbOutboxStore.ts";
import { MusterClient } from "./musterClient.ts";
import type { OutboxEntry } from "./outboxStore.ts";

let dbCount = 0;
const freshName = () => `outbox-test-${++dbCount}`;

function ack(id: string, at = "2026-01-01T08:00:00.000Z"): OutboxEntry {
  const command: Command = {
    type: "unit.acknowledge",
    commandId: id,
    incidentId: "2026-0001",
    callsign: "W-P1",
    deviceAt: at,
  };
  return { command, queuedAt: at };
}

const ids = (entries: OutboxEntry[]) => entries.map((e) => e.command.commandId);

describe("IndexedDbOutboxStore", () => {
  it("keeps entries in the order they were put, across opens", async () => {
    const name = freshName();
    const store = new IndexedDbOutboxStore(name);
    await store.put(ack("cmd-00000003"));
    await store.put(ack("cmd-00000001"));
    await store.put(ack("cmd-00000002"));
    await store.close();

    const again = new IndexedDbOutboxStore(name);
    expect(ids(await again.load())).toEqual([
      "cmd-00000003",
      "cmd-00000001",
      "cmd-00000002",
    ]);
    await again.close();
  });

  it("keeps one entry, in its first place, when a command is put twice", async () => {
    const store = new IndexedDbOutboxStore(freshName());
    await store.put(ack("cmd-0000000a"));
    await store.put(ack("cmd-0000000b"));
    await store.put(ack("cmd-0000000a", "2026-01-01T08:05:00.000Z"));

    const entries = await store.load();
    expect(ids(entries)).toEqual(["cmd-0000000a", "cmd-0000000b"]);
    expect(entries[0]?.queuedAt).toBe("2026-01-01T08:05:00.000Z");
    await store.close();
  });

  it("forgets a removed entry and ignores an unknown id", async () => {
    const store = new IndexedDbOutboxStore(freshName());
    await store.put(ack("cmd-0000000a"));
    await store.put(ack("cmd-0000000b"));
    await store.remove("cmd-0000000a");
    await store.remove("cmd-unknown1");

    expect(ids(await store.load())).toEqual(["cmd-0000000b"]);
    await store.close();
  });
});

describe("a tablet closed before the network came back", () => {
  let server: FakeServer | null = null;
  const clients: MusterClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.stop();
  });

  it("delivers the stored tap once, with its id and body unchanged", async () => {
    const name = freshName();
    // The first session never reaches a server: the tap only gets stored.
    const offline = new MusterClient({
      outbox: new IndexedDbOutboxStore(name),
    });
    clients.push(offline);
    const tappedAt = "2026-01-01T08:00:07.000Z";
    void offline
      .send({
        type: "unit.acknowledge",
        incidentId: "2026-0001",
        callsign: "W-P1",
        deviceAt: tappedAt,
      })
      .catch(() => undefined);
    await offline.waitFor((s) => s.commands.size === 1);
    const stored = await new IndexedDbOutboxStore(name).load();
    expect(stored).toHaveLength(1);
    offline.close();

    server = new FakeServer();
    await server.start();
    const store = new IndexedDbOutboxStore(name);
    const reopened = new MusterClient({ outbox: store, ackTimeoutMs: 300 });
    clients.push(reopened);
    reopened.connect({ url: server.url });

    await reopened.waitFor((s) =>
      [...s.commands.values()].some((c) => c.state === "confirmed"),
    );
    expect(server.commands).toEqual([stored[0]?.command]);
    expect(server.commands[0]).toMatchObject({ deviceAt: tappedAt });
    await expect.poll(() => store.load()).toEqual([]);
  });
});
