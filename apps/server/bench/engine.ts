import { transition, initialTransition } from "xstate";
import {
  IncidentService,
  foldIncidents,
  incidentMachine,
} from "@muster/engine";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import type { StoredEvent } from "@muster/protocol";
import { MemoryEventStore } from "@muster/store";
import { nowMs, round } from "./stats.ts";

export interface EngineResult {
  incidents: number;
  events: number;
  engine_events_per_s: number;
  fold_events_per_s: number;
}

/** Builds a realistic log: incidents graded, dispatched, acknowledged. */
async function makeLog(incidents: number): Promise<StoredEvent[]> {
  const plan = loadPlan(defaultPlanFile);
  // A plan with many more units, so that every incident gets a full ladder.
  const units = Array.from({ length: 40 }, (_, copy) =>
    plan.units.map((u) => ({
      ...u,
      callsign: `${u.callsign}-${copy}`.slice(0, 16),
    })),
  ).flat();
  const big = { ...plan, units };
  const store = new MemoryEventStore();
  let ms = Date.parse("2026-12-04T00:00:00Z");
  const service = new IncidentService({
    plan: big,
    store,
    clock: { now: () => ms, setTimer: () => () => undefined },
  });
  await service.start();
  for (let i = 0; i < incidents; i++) {
    ms += 1000;
    const opened = await service.execute({
      type: "incident.report",
      commandId: `bench-engine-${i}-report`,
      place: { name: `incident ${i}`, position: { lat: 30.55, lon: 120.99 } },
      incidentType: "other",
      headcount: 30 + (i % 90),
      conduct: "tendency",
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const state = service.incident(opened.incidentId)!;
    for (const [j, unit] of state.units.entries()) {
      for (const type of [
        "unit.acknowledge",
        "unit.enRoute",
        "unit.assemble",
      ] as const) {
        await service.execute({
          type,
          commandId: `bench-engine-${i}-${j}-${type}`,
          incidentId: opened.incidentId,
          callsign: unit.callsign,
        });
      }
    }
  }
  service.stop();
  return store.readAfter(0, 10_000_000);
}

/** Events per second applied in memory: machine transitions and the fold. */
export async function benchEngine(incidents: number): Promise<EngineResult> {
  const log = await makeLog(incidents);
  const machine = (): number => {
    const snapshots = new Map<
      string,
      ReturnType<typeof initialTransition<typeof incidentMachine>>[0]
    >();
    const start = nowMs();
    for (const e of log) {
      if (e.type === "incident.reported") {
        snapshots.set(
          e.incidentId,
          initialTransition(incidentMachine, {
            incidentId: e.incidentId,
            reported: e,
          })[0],
        );
      } else {
        const snap = snapshots.get(e.incidentId)!;
        snapshots.set(e.incidentId, transition(incidentMachine, snap, e)[0]);
      }
    }
    return log.length / ((nowMs() - start) / 1000);
  };
  const fold = (): number => {
    const start = nowMs();
    foldIncidents(log);
    return log.length / ((nowMs() - start) / 1000);
  };
  // The first pass warms the JIT; the best of three counts.
  machine();
  fold();
  return {
    incidents,
    events: log.length,
    engine_events_per_s: round(Math.max(machine(), machine(), machine()), 0),
    fold_events_per_s: round(Math.max(fold(), fold(), fold()), 0),
  };
}
