import { expect, test } from "vitest";
import { useE2e } from "./e2eHarness.ts";

const e2e = useE2e();

test(
  "the drill console starts, pauses, speeds up and ends a drill, " +
    "and a tablet sees its EXERCISE dispatch",
  async () => {
    // Only a drill coordinator may start, steer and end a drill.
    const coordinator = await e2e.people.person("drillCoordinator");
    const page = await e2e.newPage(
      { person: coordinator },
      { viewport: { width: 1600, height: 1000 } },
    );
    await page.goto(`${e2e.server.url}/drill?lang=en`);
    await page.getByTestId("drill-page").waitFor();
    await page
      .getByTestId("drill-scenario")
      .selectOption("level-i-public-safety.yaml");
    await page.getByTestId("drill-start").click();

    await expect
      .poll(() => page.getByTestId("drill-status").textContent())
      .toMatch(/running|进行中/);
    expect(await page.getByTestId("exercise-banner").textContent()).toContain(
      "EXERCISE",
    );
    await page.getByTestId("drill-tier-police").waitFor();

    // A unit played live sees its drill dispatch, marked EXERCISE.
    const tablet = await e2e.newPage({ tablet: "WH-S2" });
    await tablet.goto(`${e2e.server.url}/unit/WH-S2`);
    const banner = tablet.getByTestId("drill-dispatch-banner");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain("EXERCISE");
    await tablet.getByTestId("drill-unit.acknowledge").click();
    await tablet.getByTestId("drill-unit.enRoute").waitFor({ timeout: 10_000 });

    await page.getByTestId("drill-pause").click();
    await expect
      .poll(() => page.getByTestId("drill-status").textContent())
      .toMatch(/paused|已暂停/);
    await page.getByTestId("drill-resume").click();
    await page.getByTestId("drill-speed-30").click();
    await expect
      .poll(() => page.getByTestId("drill-current-speed").textContent())
      .toBe("30×");

    await page.getByTestId("drill-end").click();
    await expect
      .poll(() => page.getByTestId("drill-status").textContent())
      .toMatch(/ended|已结束/);
    const report = await page.request.get(
      `${e2e.server.url}/api/drill/report.json`,
    );
    const json = (await report.json()) as {
      exercise: boolean;
      units: { callsign: string; live: boolean; answer: string }[];
    };
    expect(json.exercise).toBe(true);
    expect(json.units.find((u) => u.callsign === "WH-S2")).toMatchObject({
      live: true,
      answer: "inTime",
    });
  },
  120_000,
);
