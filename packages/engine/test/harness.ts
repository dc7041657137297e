import { MemoryEventStore, type EventStore } from "@muster/store";
import type { Command, CommandResult } from "@muster/protocol";
import { IncidentService } from "../src/service.ts";
import { ManualClock, plan, T0 } from "./fixtures.ts";

type Body = Command extends infer C
  ? C extends Command
    ? Omit<C, "commandId">
    : never
  : never;

let counter = 0;

/** A started service on `store`, its clock moved by hand from `ms`. */
export async function startService(store: EventStore, ms = T0) {
  const clock = new ManualClock(ms);
  const service = new IncidentService({ plan, store, clock });
  await service.start();
  return { clock, service };
}

/** A service on a memory store and a hand-moved clock, for one test. */
export async function startHarness(store = new MemoryEventStore()) {
  const { clock, service } = await startService(store);

  const run = async (body: Body, commandId?: string) => {
    counter += 1;
    const id = commandId ?? `test-cmd-${String(counter).padStart(6, "0")}`;
    const result = await service.execute({ ...body, commandId: id });
    return result;
  };
  const ok = async (
    body: Body,
  ): Promise<Extract<CommandResult, { ok: true }>> => {
    const result = await run(body);
    if (!result.ok) throw new Error(`${body.type}: ${result.error.message}`);
    return result;
  };
  /** Moves the clock and lets the service handle what fell due. */
  const advance = async (ms: number) => {
    clock.advanceTo(clock.ms + ms);
    await service.idle();
  };
  const report = (
    headcount: number,
    conduct: "none" | "tendency" | "serious",
  ) =>
    ok({
      type: "incident.report",
      place: {
        name: "Haibin Road gate",
        position: { lat: 30.548, lon: 120.995 },
      },
      incidentType: "labour-wage",
      headcount,
      conduct,
    });

  return { clock, service, store, run, ok, advance, report };
}
