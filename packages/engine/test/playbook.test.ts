import { describe, expect, test } from "vitest";
import { foldIncidents } from "../src/fold.ts";
import { playbookProgress, stepStatus } from "../src/playbook.ts";
import { iso, minutes, plan, T0 } from "./fixtures.ts";
import { startHarness } from "./harness.ts";

const wage = plan.playbooks.find((p) => p.id === "labour-wage")!.steps!;

describe("playbook checklist", () => {
  test("attaches the incident type's steps at the first grading, due at their offsets", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const s = h.service.incident(incidentId)!;

    expect(s.playbook?.playbook).toBe("labour-wage");
    expect(s.playbook?.steps.map((x) => [x.step, x.dueAt])).toEqual(
      wage.map((x) => [x.id, iso(T0 + minutes(x.dueMinutes))]),
    );
  });

  test("a re-grade keeps the due times of the first grading", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const before = h.service.incident(incidentId)!.playbook;
    await h.advance(minutes(12));
    await h.ok({
      type: "incident.update",
      incidentId,
      headcount: 150,
      conduct: "tendency",
    });
    const s = h.service.incident(incidentId)!;

    expect(s.level).toBe("I");
    expect(s.playbook).toEqual(before);
  });

  test("an incident of type other gets no playbook", async () => {
    const h = await startHarness();
    const { incidentId } = await h.ok({
      type: "incident.report",
      place: { name: "Pier", position: { lat: 30.548, lon: 120.995 } },
      incidentType: "other",
      headcount: 30,
      conduct: "tendency",
    });

    expect(h.service.incident(incidentId)!.playbook).toBeNull();
  });

  test("a group lead ticks a step off once; the event names its group", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    await h.advance(minutes(4));
    const done = await h.ok({
      type: "step.complete",
      incidentId,
      step: "confirm-facts",
    });
    const again = await h.run({
      type: "step.complete",
      incidentId,
      step: "confirm-facts",
    });
    const events = await h.store.readAfter(0, 1000);
    const completed = events.find((e) => e.position === done.positions[0]);

    expect(completed).toMatchObject({
      type: "step.completed",
      at: iso(T0 + minutes(4)),
      data: { step: "confirm-facts", group: "intel" },
    });
    expect(again.ok ? null : again.error.code).toBe("COMMAND_REJECTED");
    expect(again.ok ? "" : again.error.message).toMatch(
      /step confirm-facts is already done/,
    );
  });

  test("refuses a step the playbook does not have, naming it", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    const result = await h.run({
      type: "step.complete",
      incidentId,
      step: "no-such-step",
    });

    expect(result.ok ? null : result.error).toMatchObject({
      code: "NOT_FOUND",
      path: "step",
      message: `no playbook step no-such-step on incident ${incidentId}`,
    });
  });

  test("steps read done, late and done late from due times, and clients fold the same state", async () => {
    const h = await startHarness();
    const { incidentId } = await h.report(30, "tendency");
    await h.advance(minutes(8));
    await h.ok({ type: "step.complete", incidentId, step: "confirm-facts" });
    await h.advance(minutes(12)); // 20 min: secure-access (15) is late
    await h.ok({ type: "step.complete", incidentId, step: "secure-access" });
    const s = h.service.incident(incidentId)!;
    const at31 = playbookProgress(s, T0 + minutes(31))!;
    const status = Object.fromEntries(
      at31.steps.map((x) => [x.step, x.status]),
    );

    expect(status).toMatchObject({
      "confirm-facts": "done",
      "secure-access": "doneLate",
      "bring-employer": "late", // due at 30 min
      "elect-delegates": "open", // due at 40 min
    });
    expect([at31.done, at31.late, at31.total]).toEqual([2, 2, 7]);
    const step = s.playbook!.steps[0]!;
    expect(stepStatus(step, Date.parse(step.dueAt))).toBe("done");

    const folded = foldIncidents(await h.store.readAfter(0, 1000));
    expect(folded.get(incidentId)?.playbook).toEqual(s.playbook);
  });
});
