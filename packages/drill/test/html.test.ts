import { describe, expect, test } from "vitest";
import { drillReport, reportHtml } from "../src/index.ts";
import { levelIIIUnits, plan, scenarioWith, scriptAll } from "./helpers.ts";

const scenario = scenarioWith([
  ...scriptAll(levelIIIUnits.police, "20s", "8m12s"),
  { at: "40m", resolve: {} },
  { at: "45m", close: {} },
]);
const { report } = await drillReport({ plan, scenario });

describe("reportHtml", () => {
  test("is self-contained: no scripts, links or external resources", () => {
    const html = reportHtml(report, plan);
    const withoutSvgNamespace = html.replaceAll(
      'xmlns="http://www.w3.org/2000/svg"',
      "",
    );

    expect(withoutSvgNamespace).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import/i);
    expect(html).toContain("<style>");
    expect(html).toContain("<svg");
  });

  test("is marked EXERCISE at the top and prints on A4", () => {
    const html = reportHtml(report, plan);
    const body = html.slice(html.indexOf("<body>"));

    expect(body.split("\n")[1]).toContain("演练 EXERCISE");
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain('<html lang="zh-CN">');
  });

  test("shows times in the plan's time zone", () => {
    // 01:30 UTC is 09:30 in Asia/Shanghai.
    const html = reportHtml(report, plan);
    expect(html).toContain(
      "<td>09:30:00</td><td>09:35:00</td><td>09:38:12</td>",
    );
  });

  test("labels a late segment in words as well as by its hatching", () => {
    const html = reportHtml(report, plan);
    expect(html).toContain('fill="url(#late-hatch)"');
    expect(html).toContain("✗ 超时 +3.2′");
    expect(reportHtml(report, plan, { lang: "en" })).toContain("✗ late +3.2′");
  });

  test("writes English when asked", () => {
    const html = reportHtml(report, plan, { lang: "en" });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("EXERCISE 演练");
    expect(html).toContain("Police officers late by 3.2 min");
  });
});
