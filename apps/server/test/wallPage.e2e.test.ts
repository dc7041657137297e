import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { StoredEvent } from "@muster/protocol";
import { useE2e } from "./e2eHarness.ts";
import { tempDir, writeFastPlan } from "./serverProcess.ts";

// Screenshots of both layouts in both languages land here on every run;
// the README shows copies of them.
const shots = fileURLToPath(
  new URL("../../../test-results/wall", import.meta.url),
);
const dataDir = tempDir();
// Tier n's clock is 20·n seconds: the police tier goes late within the
// test while the others still run, as on a real wall mid-response.
const planFile = writeFastPlan(dataDir, 20);
const e2e = useE2e({ dataDir, planFile });
let levelOne: string;

const sizes = [
  { name: "1080p", width: 1920, height: 1080 },
  { name: "4k", width: 3840, height: 2160 },
] as const;

let reports = 0;

async function report(headcount: number, conduct: string, name: string) {
  reports += 1;
  const result = await e2e.operator.send({
    type: "incident.report",
    commandId: `wall-report-${String(reports).padStart(6, "0")}`,
    place: { name, position: { lat: 30.552, lon: 120.985 } },
    incidentType: "labour-wage",
    headcount,
    conduct,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.incidentId;
}

async function openWall(
  size: { width: number; height: number },
  language = "zh-CN",
): Promise<Page> {
  const page = await e2e.newPage({ wall: true }, { viewport: size });
  await page.addInitScript((lang) => {
    localStorage.setItem("muster.language", lang);
  }, language);
  await page.goto(`${e2e.server.url}/wall`);
  await page.getByTestId("wall").waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  await report(30, "tendency", "海滨路 工业园区门口");
  levelOne = await report(150, "tendency", "望海广场 县政府门前");
});

describe("the wall", () => {
  test("a tier's countdown turns late at its deadline, with an alert", async () => {
    const wall = await openWall(sizes[0]);
    const police = wall.getByTestId("tier-police");
    const deadline = (await e2e.operator.waitFor(
      (e) =>
        e.type === "tier.dispatched" &&
        e.incidentId === levelOne &&
        e.data.tier === "police",
    )) as Extract<StoredEvent, { type: "tier.dispatched" }>;

    await wall.getByTestId(`wall-incident-${levelOne}`).click();
    await expect
      .poll(() => police.getAttribute("data-status"))
      .not.toBe("assembled");
    await expect
      .poll(() => police.getAttribute("data-status"), { timeout: 30_000 })
      .toBe("late");
    // The wall turns late from the deadline and its own clock: within
    // its one-second tick of the deadline, not when the event arrives.
    const lateSeen = Date.now();
    expect(lateSeen - Date.parse(deadline.data.deadline)).toBeLessThan(2_500);
    await expect
      .poll(() => wall.getByTestId("tier-clock-police").textContent())
      .toMatch(/超时 \+1 分/);

    const alert = wall.getByTestId(`wall-alert-${levelOne}-tier.late-police`);
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain("梯次超时");
    await wall.close();
  });

  test("an alert stays until an operator acknowledges it at the console", async () => {
    const wall = await openWall(sizes[0]);
    const alert = wall.getByTestId(`wall-alert-${levelOne}-incident.levelI`);
    await alert.waitFor();

    const desk = await e2e.newPage(
      {},
      { viewport: { width: 1600, height: 1000 } },
    );
    await desk.goto(`${e2e.server.url}/console`);
    await desk.getByTestId(`console-incident-${levelOne}`).click();
    await desk.getByTestId("alert-ack-incident.levelI").click();

    await alert.waitFor({ state: "detached", timeout: 10_000 });
    await desk.close();
    await wall.close();
  });

  test("the language switch names the plan's tiers in English", async () => {
    const wall = await openWall(sizes[0]);
    await wall.getByTestId(`wall-incident-${levelOne}`).click();
    const name = wall.getByTestId("tier-police").locator(".tier-name");
    expect(await name.textContent()).toContain("派出所");

    await wall.getByTestId("lang-en").click();
    await expect.poll(() => name.textContent()).toContain("Police");
    expect(await wall.locator(".app-title").textContent()).toBe("Wall");
    await wall.close();
  });

  for (const size of sizes) {
    for (const language of ["zh-CN", "en"]) {
      test(`shows every panel at ${size.name} in ${language} without page scroll`, async () => {
        const wall = await openWall(size, language);
        await wall.getByTestId(`wall-incident-${levelOne}`).click();
        await wall.getByTestId("tier-x.publicinfo").waitFor();

        const layout = await wall.evaluate(() => {
          const box = (id: string) => {
            const el = document.querySelector(`[data-testid="${id}"]`);
            const r = el?.getBoundingClientRect();
            return r
              ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
              : null;
          };
          const ladder = document.querySelector(".force-ladder");
          const page = document.scrollingElement ?? document.documentElement;
          return {
            scrollHeight: page.scrollHeight,
            scrollWidth: page.scrollWidth,
            panels: [
              "wall-map",
              "wall-incidents",
              "wall-selected",
              "command-post",
              "force-ladder",
              "timeline",
            ].map((id) => ({ id, box: box(id) })),
            ladderFits: ladder
              ? ladder.scrollHeight <= ladder.clientHeight + 1
              : false,
            tiers: document.querySelectorAll(".force-ladder li.tier").length,
          };
        });

        // Kept even when the checks below fail: the picture says why.
        await wall.screenshot({
          path: join(shots, `wall-${size.name}-${language}.png`),
        });
        expect(layout.scrollHeight).toBeLessThanOrEqual(size.height);
        expect(layout.scrollWidth).toBeLessThanOrEqual(size.width);
        for (const { id, box } of layout.panels) {
          expect(box, id).not.toBeNull();
          expect(box!.top, id).toBeGreaterThanOrEqual(0);
          expect(box!.bottom, id).toBeLessThanOrEqual(size.height);
          expect(box!.right, id).toBeLessThanOrEqual(size.width);
        }
        // Level I dispatches all eight tiers, and all eight show in full.
        expect(layout.tiers).toBe(8);
        expect(layout.ladderFits).toBe(true);

        await wall.close();
      });
    }
  }
});
