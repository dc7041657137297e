import { describe, expect, it } from "vitest";
import { IncidentService } from "@muster/engine";
import { MemoryEventStore } from "@muster/store";
import {
  incidentReport,
  reportCsv,
  reportHtml,
  runScenario,
  VirtualClock,
} from "../src/index.ts";
import { gate, plan, scenarioWith, startMs } from "./helpers.ts";

/** A live incident, opened and closed on a virtual clock, as stored. */
async function liveIncident() {
  const store = new MemoryEventStore();
  const clock = new VirtualClock(startMs);
  const service = new IncidentService({ plan, store, clock });
  await service.start();
  let n = 0;
  const run = async (body: Record<string, unknown>) => {
    n += 1;
    const r = await service.execute({
      ...body,
      commandId: `live-cmd-${n}`,
    } as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.incidentId;
  };
  const id = await run({
    type: "incident.report",
    place: gate,
    incidentType: "labour-wage",
    headcount: 30,
    conduct: "tendency",
  });
  clock.advanceTo(startMs + 4 * 60_000);
  await run({ type: "step.complete", incidentId: id, step: "confirm-facts" });
  clock.advanceTo(startMs + 40 * 60_000);
  await run({ type: "incident.resolve", incidentId: id });
  await run({ type: "incident.close", incidentId: id });
  service.stop();
  return { id, events: await store.readIncident(id) };
}

describe("the report of a live incident", () => {
  it("is built from the stored events, without the EXERCISE mark", async () => {
    const { id, events } = await liveIncident();
    const report = incidentReport({ plan, events });

    expect(report.exercise).toBe(false);
    expect(report.incident?.incidentId).toBe(id);
    expect(report.run.endReason).toBe("closed");
    expect(report.tiers.map((t) => t.tier)).toEqual([
      "police",
      "standby",
      "departments",
      "volunteers",
    ]);
    expect(
      [...report.strengths, ...report.improvements].some((f) =>
        f.rule.startsWith("level."),
      ),
    ).toBe(false);
    const html = reportHtml(report, plan, { lang: "en" });
    expect(html).not.toContain("EXERCISE");
    expect(html).toContain("Incident evaluation");
  });

  it("scores playbook steps done, late and skipped", async () => {
    const { events } = await liveIncident();
    const report = incidentReport({ plan, events });
    const by = Object.fromEntries(report.steps.map((s) => [s.step, s]));

    // confirm-facts was due 10 min after grading and ticked at 4 min.
    expect(by["confirm-facts"]?.result).toBe("done");
    expect(by["secure-access"]?.result).toBe("skipped");
    expect(by["water-shade"]?.result).toBe("notDone");
    expect(report.improvements.map((f) => f.rule)).toContain("step.skipped");
  });
});

describe("the CSV timeline", () => {
  it("has one row per event, each of a drill marked EXERCISE, times in UTC and in the plan's zone", async () => {
    const run = await runScenario({
      plan,
      scenario: scenarioWith([
        { at: "2m", completeStep: "confirm-facts" },
        { at: "30m", resolve: { note: 'said "done", went home' } },
        { at: "31m", close: {} },
      ]),
    });
    const events = run.events;
    const report = incidentReport({ plan, events });
    const lines = reportCsv(report).split("\r\n");

    expect(lines[0]).toBe(
      "exercise,incident,seq,position,utc,local,type,details",
    );
    expect(lines).toHaveLength(events.length + 2); // header, final CRLF
    expect(lines[1]).toBe(
      `EXERCISE,${run.incidentId},1,1,2026-03-12T01:30:00.000Z,` +
        "2026-03-12 09:30:00,incident.reported,headcount 30 · conduct tendency",
    );
    expect(lines.find((l) => l.includes(",step.completed,"))).toContain(
      "group intel · step confirm-facts",
    );
    expect(lines.find((l) => l.includes("incident.resolved"))).toContain(
      '"note said ""done"", went home"',
    );
    expect(lines.slice(1, -1).every((l) => l.startsWith("EXERCISE,"))).toBe(
      true,
    );
  });
});
