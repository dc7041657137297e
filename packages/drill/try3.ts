import { loadPlan, defaultPlanFile } from "@muster/plan/load";
import { runScenario, parseScenario } from "@muster/drill";
const plan = loadPlan(defaultPlanFile);
const quick = ["WH-P1", "WH-S2", "WH-S3", "WH-D1", "WH-V1", "WH-V2"].map((unit) => ({ at: "0s", unit, ackAfter: "5s", assembleAfter: "40s" }));
const scenario = parseScenario({
  title: { zh: "x", en: "x" }, playbook: "labour-wage", expectedLevel: "III",
  place: { name: "gate", position: { lat: 30.5566, lon: 120.9981 } },
  startAt: "2026-03-12T01:30:00Z",
  simulation: { groupAckSeconds: [1, 1] },
  injects: [
    { at: "0s", report: { headcount: 30, conduct: "tendency" } },
    ...quick,
    { at: "0s", unit: "WH-P2", ackAfter: "50s", assembleAfter: "5m" },
  ],
}, "inline", plan);
const run = await runScenario({ plan, scenario });
for (const e of run.events) if (/police|P2|alert/.test(JSON.stringify(e.data))) console.log(e.at.slice(11), e.type, JSON.stringify(e.data).slice(0, 120));
