import { describe, expect, test } from "vitest";
import i18next from "i18next";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import type { IncidentState } from "@muster/engine";
import en from "../locales/en.json";
import zh from "../locales/zh-CN.json";
import { gradingReason } from "./gradingReason.ts";

const plan = loadPlan(defaultPlanFile);

async function translator(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, "zh-CN": { translation: zh } },
  });
  return i18n.t;
}

const graded = (band: string, reason = "engine text") =>
  ({ band, reason }) as IncidentState;

describe("the grading reason on screen", () => {
  test("reads in Chinese from the plan's band", async () => {
    const t = await translator("zh-CN");
    expect(gradingReason(graded("tendency-medium"), plan, t)).toBe(
      "违法犯罪倾向，50–99 人 → Ⅱ级（橙色）",
    );
  });

  test("reads in English, open-ended bands included", async () => {
    const t = await translator("en");
    expect(gradingReason(graded("tendency-large"), plan, t)).toBe(
      "unlawful tendency, 100 or more people → Level I (red)",
    );
  });

  test("falls back to the engine's line for a band the plan lacks", async () => {
    const t = await translator("en");
    expect(gradingReason(graded("no-such-band"), plan, t)).toBe("engine text");
  });
});
