import { expect, test } from "vitest";
import { useE2e } from "./e2eHarness.ts";

const e2e = useE2e();

/** Request options that carry the commander's sign-in. */
const signedIn = () => ({
  headers: { authorization: `Bearer ${e2e.commander.token}` },
});

test("a step ticked off on the console shows on the wall; the closed incident's report is served", async () => {
  const reported = await e2e.operator.send({
    type: "incident.report",
    commandId: "e2e-playbook-000001",
    place: { name: "工业园区门口", position: { lat: 30.548, lon: 120.995 } },
    incidentType: "labour-wage",
    headcount: 35,
    conduct: "tendency",
  });
  expect(reported.ok).toBe(true);
  if (!reported.ok) return;
  const id = reported.incidentId;

  const desk = await e2e.browser.newContext({
    viewport: { width: 1600, height: 1000 },
  });
  const consolePage = await desk.newPage();
  // Signed in as a person does: the console sends them to the sign-in
  // page, and back once the name and password are right.
  await consolePage.goto(`${e2e.server.url}/console`);
  await consolePage.waitForURL(/\/login\?next=%2Fconsole$/);
  await consolePage.getByTestId("sign-in-name").fill(e2e.commander.name);
  await consolePage
    .getByTestId("sign-in-password")
    .fill(e2e.commander.password);
  await consolePage.getByTestId("sign-in-submit").click();
  await consolePage.waitForURL(`${e2e.server.url}/console`);
  await consolePage.getByTestId("console-playbook").waitFor();
  const step = consolePage.getByTestId("console-step-confirm-facts");
  expect(await step.getAttribute("data-status")).toBe("open");
  await consolePage.getByTestId("step-complete-confirm-facts").click();
  await expect.poll(() => step.getAttribute("data-status")).toBe("done");

  const wall = await e2e.newPage(
    { wall: true },
    { viewport: { width: 1920, height: 1080 } },
  );
  await wall.goto(`${e2e.server.url}/wall`);
  await expect
    .poll(() => wall.getByTestId("wall-steps-done").textContent())
    .toContain("1/7");

  // Before closing there is no report; after, in three formats.
  const early = await fetch(
    `${e2e.server.url}/api/incidents/${id}/report.json`,
    signedIn(),
  );
  expect(early.status).toBe(409);
  for (const type of ["incident.resolve", "incident.close"]) {
    const r = await e2e.operator.send({
      type,
      commandId: `e2e-playbook-${type.replace(".", "-")}`,
      incidentId: id,
    });
    expect(r.ok).toBe(true);
  }
  const json = (await (
    await fetch(`${e2e.server.url}/api/incidents/${id}/report.json`, signedIn())
  ).json()) as { exercise: boolean; steps: { step: string; result: string }[] };
  expect(json.exercise).toBe(false);
  expect(json.steps.find((s) => s.step === "confirm-facts")?.result).toBe(
    "done",
  );
  const csv = await (
    await fetch(`${e2e.server.url}/api/incidents/${id}/report.csv`, signedIn())
  ).text();
  expect(csv.split("\r\n")[0]).toBe(
    "exercise,incident,seq,position,utc,local,type,details",
  );
  expect(csv).toContain(",step.completed,");
  const html = await fetch(
    `${e2e.server.url}/api/incidents/${id}/report.html?lang=en`,
    signedIn(),
  );
  expect(html.headers.get("content-type")).toContain("text/html");
  expect(await html.text()).toContain("Incident evaluation");
  await desk.close();
}, 120_000);
