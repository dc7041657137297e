import { describe, expect, it } from "vitest";
import type { Command, CommandResult } from "@muster/protocol";
import { Outbox, type CommandTransport } from "./outbox.ts";
import { MemoryOutboxStore } from "./outboxStore.ts";
import type { CommandStatus } from "./types.ts";

/** A transport whose answers the test releases one by one. */
class HeldTransport implements CommandTransport {
  connected = true;
  readonly sent: Command[] = [];
  readonly #waiting: (() => void)[] = [];

  isConnected(): boolean {
    return this.connected;
  }

  deliver(command: Command): Promise<CommandResult> {
    this.sent.push(command);
    return new Promise((resolve) => {
      this.#waiting.push(() =>
        resolve({
          ok: true,
          incidentId: "2026-0001",
          positions: [],
          duplicate: false,
        }),
      );
    });
  }

  answerNext(): void {
    this.#waiting.shift()?.();
  }
}

function position(n: number): Command {
  return {
    type: "unit.reportPosition",
    commandId: `pos-0000000${n}`,
    incidentId: "2026-0001",
    callsign: "W-P1",
    position: { lat: 30.5 + n / 1000, lon: 121 },
  };
}

function outboxWith(transport: HeldTransport) {
  const store = new MemoryOutboxStore();
  const states = new Map<string, CommandStatus["state"]>();
  const outbox = new Outbox({
    store,
    transport,
    backoff: { initialMs: 10, maxMs: 50 },
    ackTimeoutMs: 1_000,
    retryCodes: [],
    onChange: (s) => states.set(s.command.commandId, s.state),
  });
  return { outbox, store, states };
}

const at = "2026-01-01T08:00:00.000Z";
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Outbox coalescing", () => {
  it("delivers only the newest of the positions waiting behind one in flight", async () => {
    const transport = new HeldTransport();
    const { outbox, store, states } = outboxWith(transport);

    const first = outbox.enqueue(position(1), at, "pos:W-P1");
    await tick();
    const second = outbox.enqueue(position(2), at, "pos:W-P1");
    const third = outbox.enqueue(position(3), at, "pos:W-P1");
    await tick();

    expect(states.get("pos-00000002")).toBe("superseded");
    expect((await store.load()).map((e) => e.command.commandId)).toEqual([
      "pos-00000001",
      "pos-00000003",
    ]);

    transport.answerNext();
    await first;
    await tick();
    transport.answerNext();
    const [secondResult, thirdResult] = await Promise.all([second, third]);

    expect(transport.sent.map((c) => c.commandId)).toEqual([
      "pos-00000001",
      "pos-00000003",
    ]);
    expect(secondResult).toEqual(thirdResult);
    expect(states.get("pos-00000003")).toBe("confirmed");
    expect(await store.load()).toEqual([]);
  });

  it("never coalesces commands without a key or with another key", async () => {
    const transport = new HeldTransport();
    transport.connected = false;
    const { outbox, store } = outboxWith(transport);

    outbox.enqueue(position(1), at).catch(() => undefined);
    outbox.enqueue(position(2), at).catch(() => undefined);
    outbox.enqueue(position(3), at, "pos:W-P1").catch(() => undefined);
    outbox.enqueue(position(4), at, "pos:W-P2").catch(() => undefined);
    await tick();

    expect(await store.load()).toHaveLength(4);
    outbox.close();
  });

  it("coalesces entries restored from an earlier session", async () => {
    const transport = new HeldTransport();
    transport.connected = false;
    const { outbox, states } = outboxWith(transport);

    outbox.restore([
      { command: position(1), queuedAt: at, coalesce: "pos:W-P1" },
      { command: position(2), queuedAt: at, coalesce: "pos:W-P1" },
    ]);
    await tick();

    expect(states.get("pos-00000001")).toBe("superseded");
    expect(states.get("pos-00000002")).toBe("pending");
    outbox.close();
  });
});
