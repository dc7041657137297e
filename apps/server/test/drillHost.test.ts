import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { IncidentService, silentLogger } from "@muster/engine";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import { MemoryEventStore } from "@muster/store";
import { DrillHost } from "../src/drills/drillHost.ts";
import { repoRoot } from "../src/config.ts";

const plan = loadPlan(defaultPlanFile);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), "muster-drill-"));
  dirs.push(dataDir);
  const live = new IncidentService({ plan, store: new MemoryEventStore() });
  await live.start();
  const host = new DrillHost({
    plan,
    live,
    scenarioDir: join(repoRoot, "scenarios", "drills"),
    dataDir,
    log: silentLogger,
  });
  return { live, host, dataDir };
}

async function until<T>(probe: () => Promise<T | null | undefined | false>) {
  for (let i = 0; i < 400; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("timed out waiting");
}

describe("hosted drills", () => {
  test("a drill waits for its tablet units, marks its incident, and can be paused, sped up and ended", async () => {
    const { host, live, dataDir } = await setUp();
    host.start({ scenario: "level-i-public-safety.yaml", speed: 1 });

    const drillUnit = await until(async () => {
      const s = await host.status();
      return s.active && s.incident?.units.find((u) => u.callsign === "WH-S2");
    });
    const status = await host.status();
    expect(status.active && status.incident?.drillRunId).toMatch(
      /^drill-\d{4}-001$/,
    );
    expect(status.active && status.incident?.incidentId).toMatch(/^D\d+-0001$/);
    // Drill incidents never enter the live service.
    expect(live.incidents()).toEqual([]);
    expect(drillUnit.status).toBe("dispatched");

    // The tablet's view of its drill dispatch, marked as an exercise.
    const view = await host.unitView("WH-S2");
    expect(view?.exercise).toBe(true);
    // A simulated unit's tablet is left out of the drill.
    const simulated = status.active
      ? status.incident?.units.find(
          (u) => !["WH-S2", "WH-V2"].includes(u.callsign),
        )
      : undefined;
    expect(simulated).toBeDefined();
    expect(await host.unitView(simulated!.callsign)).toBeNull();

    host.pause();
    expect((await host.status()).active && (await host.status())).toMatchObject(
      { status: "paused" },
    );
    host.setSpeed(30);
    host.resume();
    expect(await host.status()).toMatchObject({ status: "running", speed: 30 });

    await host.end();
    const ended = await host.status();
    expect(ended).toMatchObject({ status: "ended", endReason: "aborted" });
    const record = JSON.parse(
      readFileSync(
        join(
          dataDir,
          "drills",
          ended.active ? ended.drillRunId : "",
          "record.json",
        ),
        "utf8",
      ),
    ) as { counts: boolean; playbook: string };
    expect(record).toMatchObject({ counts: true, playbook: "public-safety" });
    expect(
      existsSync(
        join(
          dataDir,
          "drills",
          ended.active ? ended.drillRunId : "",
          "report.csv",
        ),
      ),
    ).toBe(true);
  });

  test("a unit enlisted in a drill is released from it at once when a live incident needs it", async () => {
    const { host, live } = await setUp();
    host.start({ scenario: "level-i-public-safety.yaml", speed: 1 });
    const unit = await until(async () => {
      const s = await host.status();
      return s.active && s.incident?.units.find((u) => u.callsign === "WH-S2");
    });
    const home = plan.units.find((u) => u.callsign === unit.callsign)!.home;

    // A live Level I incident at the unit's own home needs its tier.
    const result = await live.execute({
      type: "incident.report",
      commandId: "live-report-0001",
      place: { name: "live gate", position: home },
      incidentType: "public-safety",
      headcount: 150,
      conduct: "tendency",
    });
    expect(result.ok).toBe(true);
    const liveState = live.incidents()[0]!;
    expect(liveState.drillRunId).toBeNull();
    expect(liveState.units.map((u) => u.callsign)).toContain("WH-S2");

    const released = await until(async () => {
      const s = await host.status();
      const u =
        s.active && s.incident?.units.findLast((x) => x.callsign === "WH-S2");
      return u && u.status === "released" ? s : null;
    });
    expect(released.active && released.withdrawn).toContainEqual(
      expect.objectContaining({
        callsign: "WH-S2",
        liveIncident: liveState.incidentId,
      }),
    );
    expect(host.registry.isEnlisted("WH-S2")).toBe(false);
    expect(host.registry.drillMayNotSend("WH-S2")).toBe(true);
    expect(await host.unitView("WH-S2")).toBeNull();
    await host.end();
  });

  test("refuses a second drill while one runs", async () => {
    const { host } = await setUp();
    host.start({ scenario: "level-i-public-safety.yaml", speed: 1 });
    expect(() =>
      host.start({ scenario: "level-iii-wage-dispute.yaml", speed: 1 }),
    ).toThrow(/still running/);
    await host.end();
  });
});
