import { loadPlan, defaultPlanFile } from "@muster/plan/load";
import { loadScenario } from "@muster/drill/load";
import { runScenario } from "@muster/drill";
const plan = loadPlan(defaultPlanFile);
const scenario = loadScenario(process.argv[2]!, plan);
const run = await runScenario({ plan, scenario });
console.log(run.endReason, run.endedAt, run.incidentId);
for (const e of run.events) console.log(e.at.slice(11), e.type, JSON.stringify(e.data).slice(0, 150));
console.log(run.notes);
