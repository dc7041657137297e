import { describe, expect, test } from "vitest";
import { evaluateDrill, rules, runScenario } from "../src/index.ts";
import { levelIIIUnits, plan, scenarioWith, scriptAll } from "./helpers.ts";

describe("evaluateDrill", () => {
  test("gives the same evaluation for the same events", async () => {
    const scenario = scenarioWith([]);
    const run = await runScenario({ plan, scenario });
    const once = evaluateDrill({ plan, scenario, events: run.events });
    const twice = evaluateDrill({ plan, scenario, events: [...run.events] });

    expect(twice).toEqual(once);
  });

  test("states how late a tier was, in minutes from its deadline", async () => {
    const scenario = scenarioWith(
      scriptAll(levelIIIUnits.police, "20s", "8m12s"),
    );
    const run = await runScenario({ plan, scenario });
    const { tiers, improvements } = evaluateDrill({
      plan,
      scenario,
      events: run.events,
    });

    expect(tiers[0]).toMatchObject({
      tier: "police",
      minutesToAssembled: 8.2,
      minutesLate: 3.2,
      result: "late",
    });
    expect(improvements[0]).toEqual({
      rule: "tier.late",
      text: {
        zh: "派出所民警超时3.2分钟（用时8.2分钟，时限5分钟）",
        en: "Police officers late by 3.2 min (8.2 min against a 5 min clock)",
      },
    });
  });

  test("times grading and the command post from the first report", async () => {
    const scenario = scenarioWith([], {
      injects: [
        { at: "0s", report: { headcount: 12, conduct: "none" } },
        { at: "4m30s", update: { headcount: 12, conduct: "tendency" } },
      ],
    });
    const run = await runScenario({ plan, scenario });
    const { incident } = evaluateDrill({ plan, scenario, events: run.events });

    expect(incident).toMatchObject({
      levelReached: "III",
      minutesToGrading: 4.5,
      minutesToCommandPost: 4.5,
    });
    expect(incident?.levels.map((l) => l.level)).toEqual(["watch", "III"]);
  });

  test("judges the level reached against the scenario's expectation", async () => {
    const scenario = scenarioWith([], { expectedLevel: "II" });
    const run = await runScenario({ plan, scenario });
    const { improvements } = evaluateDrill({
      plan,
      scenario,
      events: run.events,
    });

    expect(improvements[0]?.text.en).toBe(
      "reached level III; the scenario expects II",
    );
  });

  test("has rules with unique ids, each a strength or an item to improve", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.every((r) => r.statement.length > 0)).toBe(true);
  });

  test("evaluates a run that never opened an incident as empty", () => {
    const scenario = scenarioWith([]);
    expect(evaluateDrill({ plan, scenario, events: [] })).toMatchObject({
      incident: null,
      tiers: [],
      strengths: [],
      improvements: [],
    });
  });
});
