import { loadPlan, defaultPlanFile } from "@muster/plan/load";
import { runScenario, parseScenario } from "@muster/drill";
const plan = loadPlan(defaultPlanFile);
const extra = Number(process.argv[2] ?? 0);
const scenario = parseScenario({
  title: { zh: "x", en: "x" }, playbook: "labour-wage", expectedLevel: "III",
  place: { name: "gate", position: { lat: 30.5566, lon: 120.9981 } },
  startAt: "2026-03-12T01:30:00Z",
  injects: [
    { at: "0s", report: { headcount: 30, conduct: "tendency" } },
    { at: "0s", unit: "WH-P1", ackAfter: "10s", assembleAfter: `5m${extra}ms` },
    { at: "0s", unit: "WH-P2", ackAfter: "20s", assembleAfter: "5m" },
  ],
}, "inline", plan);
const run = await runScenario({ plan, scenario });
console.log(run.endReason, run.endedAt);
for (const e of run.events) if (/tier|P1|P2|alert/.test(e.type + JSON.stringify(e.data))) console.log(e.at.slice(11), e.type, JSON.stringify(e.data).slice(0, 120));
