import { describe, expect, test } from "vitest";
import { MemoryEventStore } from "@muster/store";
import { foldIncidents } from "../src/fold.ts";
import { iso, minutes, plan, T0 } from "./fixtures.ts";
import { startHarness, startService } from "./harness.ts";

describe("grading and dispatch", () => {
  test("a Level III report stands up the III echelon and the four standing tiers", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const s = h.service.incident(incidentId)!;

    expect(s.level).toBe("III");
    expect(s.planVersion).toBe(plan.version);
    expect(s.commandPost?.commander.post).toBe("deputy-stability");
    expect(s.groups.map((g) => g.group)).toEqual([
      "intel",
      "onsite",
      "mediation",
    ]);
    expect(s.tiers.map((t) => [t.tier, t.deadline])).toEqual([
      ["police", iso(T0 + minutes(5))],
      ["standby", iso(T0 + minutes(15))],
      ["departments", iso(T0 + minutes(20))],
      ["volunteers", iso(T0 + minutes(20))],
    ]);
    for (const t of s.tiers) {
      const sent = s.units.filter((u) => u.tier === t.tier);
      expect(sent.length).toBeGreaterThan(0);
    }
  });

  test("a peaceful gathering is logged at watch level with nothing dispatched", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(300, "none");
    const s = h.service.incident(incidentId)!;

    expect(s.level).toBe("watch");
    expect(s.phase).toBe("watch");
    expect(s.commandPost).toBeNull();
    expect(s.units).toEqual([]);
  });

  test("a re-grade to Level II escalates at once: all six groups, fire and traffic, an alert", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    await h.advance(minutes(2));
    await h.ok({
      type: "incident.update",
      incidentId,
      headcount: 60,
      conduct: "tendency",
    });
    const s = h.service.incident(incidentId)!;

    expect(s.level).toBe("II");
    expect(s.commandPost?.commander.post).toBe("party-secretary");
    expect(s.groups).toHaveLength(6);
    const fire = s.tiers.find((t) => t.tier === "x.fire")!;
    expect(fire.deadline).toBe(iso(T0 + minutes(2) + minutes(15)));
    // The police clock keeps running from its own dispatch.
    expect(s.tiers.find((t) => t.tier === "police")!.deadline).toBe(
      iso(T0 + minutes(5)),
    );
    expect(s.alerts.map((a) => a.kind)).toContain("incident.escalated");
  });

  test("a lower re-grade is recorded and stands nothing down", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(60, "tendency");
    const before = h.service.incident(incidentId)!;
    await h.ok({
      type: "incident.update",
      incidentId,
      headcount: 10,
      conduct: "tendency",
    });
    const after = h.service.incident(incidentId)!;

    expect(after.level).toBe("III");
    expect(after.tiers).toEqual(before.tiers);
    expect(after.units).toEqual(before.units);
  });

  test("a unit busy on one incident is not dispatched to another", async () => {
    const h = await startHarness();
    const first = await h.report(30, "tendency");
    const second = await h.report(30, "tendency");
    const a = h.service
      .incident(first.incidentId)!
      .units.map((u) => u.callsign);
    const b = h.service
      .incident(second.incidentId)!
      .units.map((u) => u.callsign);

    expect(a.filter((cs) => b.includes(cs))).toEqual([]);
  });
});

describe("assembly clocks", () => {
  async function dispatched() {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const police = h.service
      .incident(incidentId)!
      .units.filter((u) => u.tier === "police")
      .map((u) => u.callsign);
    return { h, incidentId, police };
  }

  test("marks a tier late the moment its deadline has passed", async () => {
    const { h, incidentId } = await dispatched();
    await h.advance(minutes(5));
    expect(h.service.incident(incidentId)!.tiers[0]!.status).toBe("running");

    await h.advance(1);
    const police = h.service.incident(incidentId)!.tiers[0]!;
    expect(police.status).toBe("late");
    expect(police.lateAt).toBe(iso(T0 + minutes(5) + 1));
  });

  test("a unit assembling in the deadline's own millisecond keeps the tier on time", async () => {
    const { h, incidentId, police } = await dispatched();
    for (const callsign of police) {
      await h.ok({ type: "unit.acknowledge", incidentId, callsign });
    }
    await h.advance(minutes(5));
    for (const callsign of police) {
      await h.ok({ type: "unit.assemble", incidentId, callsign });
    }
    await h.advance(1);
    const s = h.service.incident(incidentId)!;
    expect(s.tiers[0]!.status).toBe("assembled");
    expect(s.alerts.filter((a) => a.kind === "tier.late")).toEqual([]);
  });

  test("raises an alert for each group that has not acknowledged in time", async () => {
    const { h, incidentId } = await dispatched();
    await h.ok({ type: "group.acknowledge", incidentId, group: "intel" });
    await h.advance(minutes(plan.groupAckMinutes));
    expect(h.service.incident(incidentId)!.alerts).toEqual([]);

    await h.advance(1);
    const alerts = h.service.incident(incidentId)!.alerts;
    expect(alerts.map((a) => [a.kind, a.subject])).toEqual([
      ["group.unacknowledged", "onsite"],
      ["group.unacknowledged", "mediation"],
    ]);
    expect(alerts[0]!.raisedAt).toBe(
      iso(T0 + minutes(plan.groupAckMinutes) + 1),
    );
  });

  test("once county-led, a lower re-grade keeps the incident county-led", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(150, "tendency");
    expect(h.service.incident(incidentId)!.countyLed).toBe(true);
    await h.ok({
      type: "incident.update",
      incidentId,
      headcount: 60,
      conduct: "tendency",
    });
    expect(h.service.incident(incidentId)!.countyLed).toBe(true);
  });

  test("a unit assembled exactly at the deadline is on time", async () => {
    const { h, incidentId, police } = await dispatched();
    for (const callsign of police) {
      await h.ok({ type: "unit.acknowledge", incidentId, callsign });
    }
    await h.advance(minutes(5));
    // The device tapped at the deadline; the status arrives 2 s later.
    await h.advance(2000);
    for (const callsign of police) {
      await h.ok({
        type: "unit.assemble",
        incidentId,
        callsign,
        deviceAt: iso(T0 + minutes(5)),
        clockOffsetMs: 0,
      });
    }
    const s = h.service.incident(incidentId)!;
    const tier = s.tiers.find((t) => t.tier === "police")!;
    expect(
      s.units.filter((u) => u.tier === "police").every((u) => u.onTime),
    ).toBe(true);
    expect(tier.status).toBe("assembled");
    expect(tier.onTime).toBe(true);
    expect(tier.minutes).toBe(5);
  });

  test("a device time counts only when its clock offset is known and small", async () => {
    const { h, incidentId, police } = await dispatched();
    const [callsign] = police;
    await h.advance(30_000);
    await h.ok({
      type: "unit.acknowledge",
      incidentId,
      callsign: callsign!,
      deviceAt: iso(T0 + 10_000),
      clockOffsetMs: 45_000,
    });
    const unit = h.service
      .incident(incidentId)!
      .units.find((u) => u.callsign === callsign)!;
    expect(unit.acknowledgedAt).toBe(iso(T0 + 30_000));
  });

  test("a device time from before the dispatch never counts before it", async () => {
    const { h, incidentId, police } = await dispatched();
    const callsign = police[0]!;
    const past = { deviceAt: "2000-01-01T00:00:00.000Z", clockOffsetMs: 0 };
    await h.advance(60_000);
    await h.ok({ type: "unit.acknowledge", incidentId, callsign, ...past });
    await h.ok({ type: "unit.enRoute", incidentId, callsign, ...past });
    await h.ok({ type: "unit.assemble", incidentId, callsign, ...past });
    const unit = h.service
      .incident(incidentId)!
      .units.find((u) => u.callsign === callsign)!;

    // Each step counts from no earlier than the one before it.
    expect(unit.acknowledgedAt).toBe(iso(T0));
    expect(unit.assembledAt).toBe(iso(T0));
    expect(unit.onTime).toBe(true);
  });

  test("a unit that does not acknowledge in time is offered for replacement", async () => {
    const { h, incidentId, police } = await dispatched();
    const [silent, other] = police;
    await h.ok({ type: "unit.acknowledge", incidentId, callsign: other! });
    await h.advance(minutes(1));
    expect(h.service.incident(incidentId)!.offers).toEqual([]);
    await h.advance(1);
    let s = h.service.incident(incidentId)!;
    const offer = s.offers.find((o) => o.replaces === silent)!;

    expect(s.units.find((u) => u.callsign === silent)!.status).toBe(
      "ackOverdue",
    );
    expect(offer.candidate).not.toBeNull();

    await h.ok({ type: "replacement.accept", incidentId, replaces: silent! });
    s = h.service.incident(incidentId)!;
    const replacement = s.units.find((u) => u.callsign === offer.candidate)!;
    expect(replacement.replaces).toBe(silent);
    expect(s.units.find((u) => u.callsign === silent)!.status).toBe("replaced");
  });

  test("a decline needs no timer: the replacement is offered at once", async () => {
    const { h, incidentId, police } = await dispatched();
    await h.ok({
      type: "unit.decline",
      incidentId,
      callsign: police[0]!,
      reason: "vehicle breakdown",
    });
    const s = h.service.incident(incidentId)!;
    expect(s.offers.map((o) => o.replaces)).toEqual([police[0]]);
  });

  test("the replacement assembles in place of the unit it replaced", async () => {
    const { h, incidentId, police } = await dispatched();
    const [declining, other] = police;
    await h.ok({
      type: "unit.decline",
      incidentId,
      callsign: declining!,
      reason: "off road",
    });
    await h.ok({
      type: "replacement.accept",
      incidentId,
      replaces: declining!,
    });
    const replacement = h.service.incident(incidentId)!.units.at(-1)!.callsign;
    for (const callsign of [other!, replacement]) {
      await h.ok({ type: "unit.acknowledge", incidentId, callsign });
      await h.ok({ type: "unit.enRoute", incidentId, callsign });
    }
    await h.advance(minutes(4));
    for (const callsign of [other!, replacement]) {
      await h.ok({ type: "unit.assemble", incidentId, callsign });
    }
    const tier = h.service.incident(incidentId)!.tiers[0]!;
    expect(tier.status).toBe("assembled");
    expect(tier.minutes).toBe(4);
  });
});

describe("commands", () => {
  test("a retried command id is applied once and answered with the first result", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const callsign = h.service.incident(incidentId)!.units[0]!.callsign;
    const body = { type: "unit.acknowledge" as const, incidentId, callsign };

    const first = await h.run(body, "retry-0000001");
    const again = await h.run(body, "retry-0000001");
    const events = await h.store.readIncident(incidentId);

    expect(first.ok && again.ok).toBe(true);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(events.filter((e) => e.type === "unit.acknowledged")).toHaveLength(
      1,
    );
  });

  test("a command id reused for another command is refused", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const [a, b] = h.service.incident(incidentId)!.units;
    await h.run(
      { type: "unit.acknowledge", incidentId, callsign: a!.callsign },
      "reuse-000001",
    );
    const reused = await h.run(
      { type: "unit.acknowledge", incidentId, callsign: b!.callsign },
      "reuse-000001",
    );
    expect(reused.ok).toBe(false);
    expect(!reused.ok && reused.error.code).toBe("COMMAND_ID_REUSED");
  });

  test("a command the state does not allow is rejected and changes nothing", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const callsign = h.service.incident(incidentId)!.units[0]!.callsign;
    const head = await h.store.head();
    const result = await h.run({ type: "unit.assemble", incidentId, callsign });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe("COMMAND_REJECTED");
    expect(!result.ok && result.error.message).toContain(
      `unit ${callsign} is dispatched`,
    );
    expect(await h.store.head()).toBe(head);
  });

  test("a refused report leaves no gap in the incident numbers", async () => {
    const h = await startHarness();
    const refused = await h.run({
      type: "incident.report",
      place: { name: "x", position: { lat: 30.55, lon: 120.99 } },
      incidentType: "no-such-playbook",
      headcount: 5,
      conduct: "tendency",
    });
    const { incidentId } = await h.report(5, "tendency");

    expect(!refused.ok && refused.error.path).toBe("incidentType");
    expect(incidentId).toBe("2026-0001");
  });

  test("a unit not on the incident is named in the error", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const result = await h.run({
      type: "unit.acknowledge",
      incidentId,
      callsign: "ZZ-9",
    });
    expect(!result.ok && result.error).toMatchObject({
      code: "NOT_FOUND",
      path: "callsign",
      message: `no unit ZZ-9 on incident ${incidentId}`,
    });
  });
});

describe("replay", () => {
  test("the same event log rebuilds the same state, in the service and in a client fold", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const units = h.service.incident(incidentId)!.units;
    await h.ok({
      type: "unit.acknowledge",
      incidentId,
      callsign: units[0]!.callsign,
    });
    await h.ok({
      type: "incident.update",
      incidentId,
      headcount: 120,
      conduct: "tendency",
    });
    await h.advance(minutes(6));

    const { service: rebuilt } = await startService(h.store, h.clock.ms);
    rebuilt.stop();
    const folded = foldIncidents(await h.store.readAfter(0, 10_000));

    expect(rebuilt.incident(incidentId)).toEqual(
      h.service.incident(incidentId),
    );
    expect(folded.get(incidentId)).toEqual(h.service.incident(incidentId));
  });

  test("after a restart a deadline that passed fires at once with its original time", async () => {
    const store = new MemoryEventStore();
    const h = await startHarness(store);
    const { incidentId } = await h.report(30, "tendency");
    h.service.stop();

    // Down for 10 minutes: the police deadline (5 min) passed meanwhile.
    const { clock, service: restarted } = await startService(
      store,
      T0 + minutes(10),
    );
    clock.advanceTo(clock.ms);
    await restarted.idle();
    const police = restarted.incident(incidentId)!.tiers[0]!;

    expect(police.status).toBe("late");
    expect(police.lateAt).toBe(iso(T0 + minutes(5) + 1));
    expect(restarted.incident(incidentId)!.tiers[1]!.status).toBe("running");
  });

  test("start-up resumes from the latest snapshot plus the events after it", async () => {
    const store = new MemoryEventStore();
    const h = await startHarness(store);
    const first = await h.report(30, "tendency");
    await h.service.saveSnapshot();
    const snapshotAt = await store.head();
    const second = await h.report(60, "tendency");
    const callsign = h.service.incident(first.incidentId)!.units[0]!.callsign;
    await h.ok({
      type: "unit.acknowledge",
      incidentId: first.incidentId,
      callsign,
    });

    // A log that no longer holds the events before the snapshot would
    // still rebuild: start-up reads only what follows the snapshot.
    const readFrom: number[] = [];
    const spy = Object.create(store) as MemoryEventStore;
    spy.readAfter = (after, limit) => {
      readFrom.push(after);
      return store.readAfter(after, limit);
    };
    const { service: restarted } = await startService(spy, h.clock.ms);
    restarted.stop();

    expect(readFrom[0]).toBe(snapshotAt);
    expect(restarted.incident(first.incidentId)).toEqual(
      h.service.incident(first.incidentId),
    );
    expect(restarted.incident(second.incidentId)).toEqual(
      h.service.incident(second.incidentId),
    );
  });

  test("a closed incident leaves memory and refuses further commands", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    await h.ok({ type: "incident.resolve", incidentId });
    await h.ok({ type: "incident.close", incidentId });
    const events = await h.store.readIncident(incidentId);
    const result = await h.run({ type: "incident.resolve", incidentId });

    expect(h.service.incident(incidentId)).toBeUndefined();
    expect(
      events.filter((e) => e.type === "unit.released").length,
    ).toBeGreaterThan(0);
    expect(!result.ok && result.error.code).toBe("NOT_FOUND");
  });
});

describe("positions", () => {
  test("a late-arriving older position never moves a unit backwards", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const callsign = h.service.incident(incidentId)!.units[0]!.callsign;
    await h.ok({ type: "unit.acknowledge", incidentId, callsign });
    const fix = (lat: number, at: number) => ({
      type: "unit.reportPosition" as const,
      incidentId,
      callsign,
      position: { lat, lon: 120.99 },
      deviceAt: iso(T0 + at),
      clockOffsetMs: 0,
    });
    await h.advance(30_000);
    await h.ok(fix(30.52, 20_000));
    await h.ok(fix(30.51, 10_000));
    const unit = h.service
      .incident(incidentId)!
      .units.find((u) => u.callsign === callsign)!;

    expect(unit.position).toEqual({
      lat: 30.52,
      lon: 120.99,
      at: iso(T0 + 20_000),
    });
  });

  test("a fix dated in the future does not pin the unit: later fixes still move it", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const callsign = h.service.incident(incidentId)!.units[0]!.callsign;
    await h.ok({ type: "unit.acknowledge", incidentId, callsign });
    await h.advance(30_000);
    await h.ok({
      type: "unit.reportPosition",
      incidentId,
      callsign,
      position: { lat: 30.56, lon: 121 },
      deviceAt: "2099-12-31T00:00:00.000Z",
      clockOffsetMs: 0,
    });
    await h.advance(5_000);
    await h.ok({
      type: "unit.reportPosition",
      incidentId,
      callsign,
      position: { lat: 30.53, lon: 120.99 },
    });
    const unit = h.service
      .incident(incidentId)!
      .units.find((u) => u.callsign === callsign)!;
    expect(unit.position).toMatchObject({ lat: 30.53, lon: 120.99 });
  });

  test("a unit not yet acknowledged cannot report a position", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const callsign = h.service.incident(incidentId)!.units[0]!.callsign;
    const result = await h.run({
      type: "unit.reportPosition",
      incidentId,
      callsign,
      position: { lat: 30.5, lon: 120.9 },
    });
    expect(!result.ok && result.error.code).toBe("COMMAND_REJECTED");
  });
});

test("a report far outside the plan's districts is refused", async () => {
  const h = await startHarness();
  const result = await h.run({
    type: "incident.report",
    place: { name: "typo", position: { lat: -89, lon: 0 } },
    incidentType: "other",
    headcount: 5,
    conduct: "tendency",
  });
  expect(!result.ok && result.error).toMatchObject({
    code: "BAD_REQUEST",
    path: "place.position",
  });
  expect(h.service.incidents()).toEqual([]);
});
