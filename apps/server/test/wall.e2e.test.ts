import { expect, test } from "vitest";
import type { StoredEvent } from "@muster/protocol";
import { useE2e } from "./e2eHarness.ts";

const e2e = useE2e();

test("a unit acknowledged on its tablet changes on the wall without a reload", async () => {
  const wall = await e2e.newPage(
    { wall: true },
    { viewport: { width: 1920, height: 1080 } },
  );
  await wall.goto(`${e2e.server.url}/wall`);
  await wall.getByTestId("wall").waitFor();

  const reported = await e2e.operator.send({
    type: "incident.report",
    commandId: "e2e-report-000001",
    place: {
      name: "海滨路 工业园区门口",
      position: { lat: 30.548, lon: 120.995 },
    },
    incidentType: "labour-wage",
    headcount: 35,
    conduct: "tendency",
  });
  expect(reported.ok).toBe(true);
  if (!reported.ok) return;
  const dispatched = (await e2e.operator.waitFor(
    (e) => e.type === "unit.dispatched" && e.data.tier === "police",
  )) as Extract<StoredEvent, { type: "unit.dispatched" }>;
  const callsign = dispatched.data.callsign;

  // The wall shows the incident graded, its police tier and the unit.
  await wall.getByTestId(`wall-incident-${reported.incidentId}`).waitFor();
  await expect
    .poll(() =>
      wall
        .getByTestId(`wall-incident-${reported.incidentId}`)
        .getAttribute("data-level"),
    )
    .toBe("III");
  await expect
    .poll(() => wall.getByTestId("tier-police").getAttribute("data-status"))
    .toBe("running");
  // Units are drawn on a canvas; the map element says what it drew.
  const unitStatus = () =>
    wall.evaluate(
      (cs) =>
        document
          .querySelector<
            HTMLElement & { musterUnits?: Map<string, { status: string }> }
          >('[data-testid="wall-map"] .map-canvas')
          ?.musterUnits?.get(cs)?.status,
      callsign,
    );
  await expect.poll(unitStatus).toBe("dispatched");

  const tablet = await e2e.newPage(
    { tablet: callsign },
    { viewport: { width: 1280, height: 800 }, hasTouch: true },
  );
  await tablet.goto(`${e2e.server.url}/unit/${callsign}`);
  await tablet.getByTestId("dispatch").waitFor();
  await tablet.getByTestId("btn-acknowledge").tap();

  await expect.poll(unitStatus, { timeout: 15_000 }).toBe("acknowledged");
  await expect
    .poll(() =>
      tablet
        .getByTestId("unit-command-status")
        .first()
        .getAttribute("data-state"),
    )
    .toBe("confirmed");
  const acks = (await e2e.operator.waitFor(
    (e) => e.type === "unit.acknowledged",
  )) as Extract<StoredEvent, { type: "unit.acknowledged" }>;
  expect(acks.data.callsign).toBe(callsign);
  // The tablet measured its clock at connection, so the tap's time counts.
  expect(acks.data.deviceAt).not.toBeNull();
  expect(acks.data.countedAt).toBe(acks.data.deviceAt);
});
