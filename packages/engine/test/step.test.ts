import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { initialTransition, transition } from "xstate";
import type { StoredEvent } from "@muster/protocol";
import { incidentMachine } from "../src/incidentMachine.ts";
import { advance, openIncident, type IncidentSnapshot } from "../src/step.ts";
import { startHarness } from "./harness.ts";

type Op =
  | {
      op: "report";
      headcount: number;
      conduct: "none" | "tendency" | "serious";
    }
  | {
      op: "update";
      headcount: number;
      conduct: "none" | "tendency" | "serious";
    }
  | {
      op: "unit";
      type:
        "unit.acknowledge" | "unit.enRoute" | "unit.assemble" | "unit.release";
      pick: number;
    }
  | { op: "decline"; pick: number }
  | { op: "accept"; pick: number }
  | { op: "group"; pick: number }
  | { op: "alert"; pick: number }
  | { op: "wait"; seconds: number }
  | { op: "resolve" }
  | { op: "close" };

const conduct = fc.constantFrom(
  "none" as const,
  "tendency" as const,
  "serious" as const,
);
const pick = fc.nat({ max: 40 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("report" as const),
    headcount: fc.integer({ min: 1, max: 150 }),
    conduct,
  }),
  fc.record({
    op: fc.constant("update" as const),
    headcount: fc.integer({ min: 1, max: 150 }),
    conduct,
  }),
  fc.record({
    op: fc.constant("unit" as const),
    type: fc.constantFrom(
      "unit.acknowledge" as const,
      "unit.enRoute" as const,
      "unit.assemble" as const,
      "unit.release" as const,
    ),
    pick,
  }),
  fc.record({ op: fc.constant("decline" as const), pick }),
  fc.record({ op: fc.constant("accept" as const), pick }),
  fc.record({ op: fc.constant("group" as const), pick }),
  fc.record({ op: fc.constant("alert" as const), pick }),
  fc.record({
    op: fc.constant("wait" as const),
    seconds: fc.integer({ min: 1, max: 600 }),
  }),
  fc.record({ op: fc.constant("resolve" as const) }),
  fc.record({ op: fc.constant("close" as const) }),
);

/** Plays random operations on a service and returns its event log. */
async function play(ops: Op[]): Promise<StoredEvent[]> {
  const h = await startHarness();
  let current = "";
  for (const o of ops) {
    const s = current ? h.service.incident(current) : undefined;
    const at = <T>(list: T[], n: number) => list[n % Math.max(1, list.length)];
    switch (o.op) {
      case "report": {
        const r = await h.run({
          type: "incident.report",
          place: { name: "gate", position: { lat: 30.548, lon: 120.995 } },
          incidentType: "other",
          headcount: o.headcount,
          conduct: o.conduct,
        });
        if (r.ok) current = r.incidentId;
        break;
      }
      case "update":
        if (s)
          await h.run({
            type: "incident.update",
            incidentId: current,
            headcount: o.headcount,
            conduct: o.conduct,
          });
        break;
      case "unit": {
        const u = s && at(s.units, o.pick);
        if (u)
          await h.run({
            type: o.type,
            incidentId: current,
            callsign: u.callsign,
          });
        break;
      }
      case "decline": {
        const u = s && at(s.units, o.pick);
        if (u)
          await h.run({
            type: "unit.decline",
            incidentId: current,
            callsign: u.callsign,
            reason: "busy",
          });
        break;
      }
      case "accept": {
        const offer = s && at(s.offers, o.pick);
        if (offer)
          await h.run({
            type: "replacement.accept",
            incidentId: current,
            replaces: offer.replaces,
          });
        break;
      }
      case "group": {
        const g = s && at(s.groups, o.pick);
        if (g)
          await h.run({
            type: "group.acknowledge",
            incidentId: current,
            group: g.group,
          });
        break;
      }
      case "alert": {
        const a = s && at(s.alerts, o.pick);
        if (a)
          await h.run({
            type: "alert.acknowledge",
            incidentId: current,
            alertId: a.alertId,
          });
        break;
      }
      case "wait":
        await h.advance(o.seconds * 1000);
        break;
      case "resolve":
        if (s) await h.run({ type: "incident.resolve", incidentId: current });
        break;
      case "close":
        if (s) await h.run({ type: "incident.close", incidentId: current });
        break;
    }
  }
  h.service.stop();
  return h.store.readAfter(0, 100_000);
}

describe("the fast step", () => {
  test("gives the same snapshots as XState's own transition, event by event", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 5, maxLength: 60 }),
        async (ops) => {
          const log = await play(ops);
          const fast = new Map<string, IncidentSnapshot>();
          const full = new Map<string, IncidentSnapshot>();
          for (const e of log) {
            if (e.type === "incident.reported") {
              fast.set(e.incidentId, openIncident(e.incidentId, e));
              full.set(
                e.incidentId,
                initialTransition(incidentMachine, {
                  incidentId: e.incidentId,
                  reported: e,
                })[0],
              );
              continue;
            }
            const a = advance(fast.get(e.incidentId)!, e);
            const [b] = transition(incidentMachine, full.get(e.incidentId)!, e);
            // Every stored event was admitted, so both must take it.
            expect(a).not.toBeNull();
            expect(b).not.toBe(full.get(e.incidentId));
            expect(a!.value).toEqual(b.value);
            expect(a!.context).toEqual(b.context);
            fast.set(e.incidentId, a!);
            full.set(e.incidentId, b);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
