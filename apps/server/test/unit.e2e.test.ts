import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { StoredEvent } from "@muster/protocol";
import { useE2e } from "./e2eHarness.ts";
import { api } from "./people.ts";

type Dispatched = Extract<StoredEvent, { type: "unit.dispatched" }>;
type Acknowledged = Extract<StoredEvent, { type: "unit.acknowledged" }>;

const e2e = useE2e();
let reports = 0;

/** Reports an incident from the command post; its police tier goes out. */
async function reportIncident(headcount = 35): Promise<{ incidentId: string }> {
  reports += 1;
  const result = await e2e.operator.send({
    type: "incident.report",
    commandId: `unit-e2e-report-${reports}`,
    place: {
      name: `海滨路 ${reports} 号门口`,
      position: { lat: 30.548, lon: 120.995 },
    },
    incidentType: "labour-wage",
    headcount,
    conduct: "tendency",
  });
  if (!result.ok) throw new Error(result.error.message);
  return { incidentId: result.incidentId };
}

/** The first police unit dispatched to an incident. */
async function policeUnit(incidentId: string): Promise<string> {
  const event = (await e2e.operator.waitFor(
    (e) =>
      e.type === "unit.dispatched" &&
      e.incidentId === incidentId &&
      e.data.tier === "police",
  )) as Dispatched;
  return event.data.callsign;
}

/** A callsign of the plan's police tier not dispatched yet. */
async function idlePoliceUnit(): Promise<string> {
  const busy = new Set(
    e2e.operator.events
      .filter((e): e is Dispatched => e.type === "unit.dispatched")
      .map((e) => e.data.callsign),
  );
  const plan = (
    await api(e2e.server.url, "GET", "/api/plan", {
      token: e2e.commander.token,
    })
  ).body as unknown as { units: { callsign: string; tier: string }[] };
  const unit = plan.units.find(
    (u) => u.tier === "police" && !busy.has(u.callsign),
  );
  if (!unit) throw new Error("no idle police unit in the plan");
  return unit.callsign;
}

test("a dispatch from the command post takes the tablet's screen without a reload", async () => {
  const context = await e2e.browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
  });
  const tablet = await context.newPage();
  const callsign = await idlePoliceUnit();
  // Enrolled as a unit leader does it: the code the command post gave,
  // typed on the enrolment page, which then opens the unit's screen.
  const code = await e2e.people.enrolmentCode({ kind: "unit", unit: callsign });
  await tablet.goto(`${e2e.server.url}/enrol`);
  await tablet.getByTestId("enrol-code").fill(code);
  await tablet.getByTestId("enrol-submit").tap();
  await tablet.waitForURL(`${e2e.server.url}/unit/${callsign}`);
  await tablet.getByTestId("unit-standing-by").waitFor();
  await tablet.getByTestId("btn-go-on-duty").tap();
  await tablet.getByTestId("on-duty").waitFor();

  const { incidentId } = await reportIncident();
  expect(await policeUnit(incidentId)).toBe(callsign);

  const alert = tablet.getByTestId("dispatch-alert");
  await alert.waitFor({ timeout: 15_000 });
  await expect
    .poll(() => alert.getByTestId("dispatch-place").textContent())
    .toContain("海滨路");
  await alert.getByTestId("unit-map").waitFor();
  const box = await alert.getByTestId("btn-acknowledge").boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(48);

  await alert.getByTestId("btn-acknowledge").tap();
  await alert.waitFor({ state: "detached" });
  await expect
    .poll(
      () =>
        tablet
          .getByTestId("unit-command-status")
          .first()
          .getAttribute("data-state"),
      { timeout: 15_000 },
    )
    .toBe("confirmed");
  await context.close();
});

/** Position up to which the page's device copy of events is complete. */
function cachedPosition(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("muster-events");
        open.onerror = () => reject(open.error ?? new Error("open failed"));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("mark")) return resolve(0);
          const get = db.transaction("mark").objectStore("mark").get("mark");
          get.onsuccess = () => {
            const mark = get.result as { position: number } | undefined;
            db.close();
            resolve(mark?.position ?? 0);
          };
        };
      }),
  );
}

test("a tablet reopened offline shows its dispatch and keeps the tap, once", async () => {
  const context = await e2e.browser.newContext({
    viewport: { width: 800, height: 1280 },
    hasTouch: true,
  });
  const { incidentId } = await reportIncident();
  const callsign = await policeUnit(incidentId);
  await e2e.enrolTablet(context, callsign);
  const dispatched = e2e.operator.events.find(
    (e) =>
      e.type === "unit.dispatched" &&
      e.incidentId === incidentId &&
      e.data.callsign === callsign,
  );

  // The first visit, online: the service worker installs and takes over,
  // and the dispatch is kept on the device.
  const first = await context.newPage();
  await first.goto(`${e2e.server.url}/unit/${callsign}`);
  await first.getByTestId("dispatch-alert").waitFor({ timeout: 15_000 });
  await first.waitForFunction(
    () => document.documentElement.dataset.offlineReady === "true",
    undefined,
    { timeout: 30_000 },
  );
  await expect
    .poll(() => cachedPosition(first))
    .toBeGreaterThanOrEqual(dispatched?.position ?? Infinity);
  await first.close();

  // Reopened without the network: the dispatch is back from the device,
  // marked as such, and takes the tap.
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(`${e2e.server.url}/unit/${callsign}`);
  const alert = offline.getByTestId("dispatch-alert");
  await alert.waitFor({ timeout: 15_000 });
  await expect
    .poll(() =>
      offline.getByTestId("connection-banner").getAttribute("data-restored"),
    )
    .toBe("true");
  const before = Date.now();
  await alert.getByTestId("btn-acknowledge").tap();
  const after = Date.now();
  await alert.waitFor({ state: "detached" });
  await expect
    .poll(() =>
      offline
        .getByTestId("unit-command-status")
        .first()
        .getAttribute("data-state"),
    )
    .toBe("pending");
  // Closed before the network returns: only the outbox can deliver it.
  await offline.close();

  const again = await context.newPage();
  await again.goto(`${e2e.server.url}/unit/${callsign}`);
  await again.getByTestId("unit-page").waitFor({ timeout: 15_000 });
  const press = again.getByTestId("unit-command-status").first();
  await expect.poll(() => press.getAttribute("data-state")).toBe("pending");
  expect(await press.getAttribute("data-command")).toBe("unit.acknowledge");

  await context.setOffline(false);
  await expect
    .poll(() => press.getAttribute("data-state"), { timeout: 30_000 })
    .toBe("confirmed");

  const acks = () =>
    e2e.operator.events.filter(
      (e): e is Acknowledged =>
        e.type === "unit.acknowledged" &&
        e.incidentId === incidentId &&
        e.data.callsign === callsign,
    );
  await expect.poll(() => acks().length).toBe(1);
  // Nothing more arrives: a second delivery would show as a second event.
  await new Promise((r) => setTimeout(r, 1_500));
  expect(acks()).toHaveLength(1);
  const tappedAt = Date.parse(acks()[0]?.data.deviceAt ?? "");
  expect(tappedAt).toBeGreaterThanOrEqual(before);
  expect(tappedAt).toBeLessThanOrEqual(after);
  await context.close();
});

test("a tablet for unit A cannot acknowledge unit B's dispatch, whatever the page sends", async () => {
  // Two units sent to one incident: at Level II fire and traffic go too,
  // whose units the earlier tests left free.
  const { incidentId } = await reportIncident(60);
  const sent = async (not?: string) =>
    (
      (await e2e.operator.waitFor(
        (e) =>
          e.type === "unit.dispatched" &&
          e.incidentId === incidentId &&
          e.data.callsign !== not,
      )) as Dispatched
    ).data.callsign;
  const unitA = await sent();
  const unitB = await sent(unitA);
  const page = await e2e.newPage({ tablet: unitA }, { hasTouch: true });
  await page.goto(`${e2e.server.url}/unit/${unitA}`);
  await page.getByTestId("dispatch-alert").waitFor({ timeout: 15_000 });

  // Opening the other unit's screen: this tablet is not enrolled for it.
  const other = await page.context().newPage();
  await other.goto(`${e2e.server.url}/unit/${unitB}`);
  await other.getByTestId("not-enrolled").waitFor({ timeout: 15_000 });
  await other.close();

  // Sending B's acknowledgement anyway, from inside the page, speaking as
  // A (whose cookie the browser holds) and as B (whose it does not).
  const attempts = await page.evaluate(
    async ({ incidentId, unitA, unitB }) => {
      const send = async (as: string) => {
        const response = await fetch("/api/commands", {
          method: "POST",
          headers: { "content-type": "application/json", "x-muster-as": as },
          body: JSON.stringify({
            type: "unit.acknowledge",
            commandId: `forged-${as.replace(/[^A-Za-z0-9-]/g, "-")}`,
            incidentId,
            callsign: unitB,
            deviceAt: new Date().toISOString(),
          }),
        });
        const body = (await response.json()) as { error?: { code: string } };
        return { status: response.status, code: body.error?.code };
      };
      return [await send(`unit:${unitA}`), await send(`unit:${unitB}`)];
    },
    { incidentId, unitA, unitB },
  );
  expect(attempts).toEqual([
    { status: 403, code: "NOT_AUTHORISED" },
    { status: 401, code: "UNAUTHENTICATED" },
  ]);

  // Its own dispatch it may answer: the refusals were about B only.
  await page.getByTestId("btn-acknowledge").tap();
  await e2e.operator.waitFor(
    (e) =>
      e.type === "unit.acknowledged" &&
      e.incidentId === incidentId &&
      e.data.callsign === unitA,
  );
  expect(
    e2e.operator.events.some(
      (e) =>
        e.type === "unit.acknowledged" &&
        e.incidentId === incidentId &&
        e.data.callsign === unitB,
    ),
  ).toBe(false);
  const audit = await api(
    e2e.server.url,
    "GET",
    `/api/audit?incident=${incidentId}&outcome=refused`,
    { token: e2e.commander.token },
  );
  expect(audit.body.entries).toContainEqual(
    expect.objectContaining({
      action: "unit.acknowledge",
      actorKind: "device",
      code: "NOT_AUTHORISED",
      message: `the tablet of ${unitA} acts only for unit ${unitA}, not ${unitB}`,
    }),
  );
  await page.close();
});
