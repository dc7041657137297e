import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import {
  parseScenario,
  type Scenario,
  type ScenarioInput,
} from "../src/index.ts";

/** The default Wanghai plan, loaded once for the drill's tests. */
export const plan = loadPlan(defaultPlanFile);

/** The gate of a garment works in Wanghai: every standing tier nearby. */
export const gate = {
  name: "garment works gate",
  position: { lat: 30.5566, lon: 120.9981 },
};

/** The instant the test scenarios start at. */
export const START = "2026-03-12T01:30:00.000Z";
export const startMs = Date.parse(START);

type Injects = NonNullable<ScenarioInput["injects"]>;

/** A Level III scenario (30 people, tendency) with extra injects. */
export function scenarioWith(
  injects: Injects,
  extra: Partial<ScenarioInput> = {},
): Scenario {
  return parseScenario(
    {
      title: { zh: "测试", en: "test" },
      playbook: "labour-wage",
      expectedLevel: "III",
      place: gate,
      startAt: START,
      injects: [
        { at: "0s", report: { headcount: 30, conduct: "tendency" } },
        ...injects,
      ],
      ...extra,
    },
    "test.yaml",
    plan,
  );
}

/**
 * Scripts every unit the Level III dispatch sends at the gate to
 * acknowledge after `ackAfter` and assemble `assembleAfter` after dispatch.
 */
export function scriptAll(
  callsigns: readonly string[],
  ackAfter: string,
  assembleAfter: string,
): Injects {
  return callsigns.map((unit) => ({ at: "0s", unit, ackAfter, assembleAfter }));
}

/** The units a Level III dispatch to the gate sends, by tier. */
export const levelIIIUnits = {
  police: ["WH-P1", "WH-P2"],
  standby: ["WH-S2", "WH-S3"],
  departments: ["WH-D1"],
  volunteers: ["WH-V1", "WH-V2"],
} as const;
