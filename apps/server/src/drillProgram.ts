import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { programme, type DrillRecordInput } from "@muster/drill";
import { loadPlan } from "@muster/plan/load";
import { MusterError } from "@muster/protocol";
import { yearIn } from "@muster/plan";

/** Reads every `drills/<run>/record.json` the server wrote. */
export function readDrillRecords(dataDir: string): DrillRecordInput[] {
  const dir = join(dataDir, "drills");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((run) => join(dir, run, "record.json"))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")) as DrillRecordInput);
}

/**
 * `muster drill program --year YYYY`: the drills completed on the server
 * that year against the plan's minimum, and when each playbook and level
 * was last drilled. Runs of `drill run` leave no record and never count.
 */
export function runProgramCommand(flags: {
  year?: string;
  data: string;
  plan: string;
  json?: boolean;
}): void {
  const plan = loadPlan(flags.plan);
  const year =
    flags.year === undefined
      ? yearIn(plan.timezone, Date.now())
      : Number(flags.year);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new MusterError(
      "BAD_REQUEST",
      `--year: expected a year like 2026, got "${flags.year}"`,
      { path: "year" },
    );
  }
  const p = programme(plan, readDrillRecords(flags.data), year);
  if (flags.json) {
    process.stdout.write(JSON.stringify(p) + "\n");
    return;
  }
  const name = (id: string) =>
    plan.playbooks.find((b) => b.id === id)?.name.en ?? id;
  const day = (at: string | null) => (at ? at.slice(0, 10) : "never");
  const lines = [
    `${year}: ${p.completed.length} of at least ${p.minimum} drills ` +
      `completed on the server${p.met ? "" : " — NOT MET"}`,
    ...p.completed.map(
      (d) =>
        `  ${day(d.startedAt)}  ${d.drillRunId}  ${name(d.playbook)}  ${d.level}`,
    ),
    "",
    "playbook / level                   last drilled  this year",
    ...p.playbooks.map(
      (b) =>
        `  ${name(b.id).padEnd(33)}${day(b.lastDrilled).padEnd(14)}${b.thisYear ? "yes" : "TO COVER"}`,
    ),
    ...p.levels.map(
      (l) =>
        `  ${`Level ${l.level}`.padEnd(33)}${day(l.lastDrilled).padEnd(14)}${l.thisYear ? "yes" : "TO COVER"}`,
    ),
  ];
  process.stdout.write(lines.join("\n") + "\n");
}
