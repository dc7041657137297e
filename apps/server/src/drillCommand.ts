import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  drillReport,
  reportCsv,
  reportHtml,
  reportJson,
  reportLangs,
  type DrillReport,
  type ReportLang,
  type Speed,
} from "@muster/drill";
import { loadScenario } from "@muster/drill/load";
import { loadPlan } from "@muster/plan/load";
import { MusterError } from "@muster/protocol";

export interface DrillFlags {
  speed: string;
  /** Absent: the scenario's own seed. */
  seed?: string | undefined;
  out: string;
  plan: string;
  /** Language of report.html; zh-CN unless given. */
  lang?: string;
}

const MAX_SEED = 2 ** 32 - 1;

function badFlag(flag: string, message: string): MusterError {
  return new MusterError("BAD_REQUEST", `--${flag}: ${message}`, {
    path: flag,
  });
}

function parseSpeed(text: string): Speed {
  const value = text.trim();
  if (value === "max") return "max";
  const n = Number(value);
  if (value === "" || !Number.isFinite(n) || n <= 0) {
    throw badFlag(
      "speed",
      `expected a positive number or "max", got "${text}"`,
    );
  }
  return n;
}

function parseSeed(text: string): number {
  const value = text.trim();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > MAX_SEED) {
    throw badFlag(
      "seed",
      `expected a whole number from 0 to ${MAX_SEED}, got "${text}"`,
    );
  }
  return n;
}

function parseLang(text: string): ReportLang {
  const lang = reportLangs.find((l) => l === text);
  if (!lang) {
    throw badFlag(
      "lang",
      `expected ${reportLangs.join(" or ")}, got "${text}"`,
    );
  }
  return lang;
}

const RESULT = { onTime: "on time", late: "late", never: "never" } as const;

const END = {
  closed: "every inject done and the incident closed",
  cap: "hard cap on virtual time reached; the incident was not closed",
  exhausted: "nothing left to happen; the incident was not closed",
  aborted: "aborted",
} as const;

/** The per-tier clocks as a small aligned table for the terminal. */
function clockTable(report: DrillReport): string[] {
  if (report.tiers.length === 0) return ["no tier was dispatched"];
  const rows = [["tier", "clock", "assembled", "result"]];
  for (const t of report.tiers) {
    const late =
      t.minutesLate === null ? "" : ` +${t.minutesLate.toFixed(2)} min`;
    rows.push([
      t.tier,
      `${t.clockMinutes} min`,
      t.minutesToAssembled === null
        ? "—"
        : `${t.minutesToAssembled.toFixed(2)} min`,
      RESULT[t.result] + late,
    ]);
  }
  const widths = [0, 1, 2].map((c) =>
    Math.max(...rows.map((r) => r[c]!.length)),
  );
  return rows.map((r) =>
    [
      r[0]!.padEnd(widths[0]!),
      r[1]!.padStart(widths[1]!),
      r[2]!.padStart(widths[2]!),
      r[3]!,
    ].join("  "),
  );
}

/**
 * `muster drill run SCENARIO`: plays a scenario on the virtual clock,
 * prints each tier's minutes against its clock and writes report.json,
 * report.html and report.csv (the timeline) to the output folder. A dry run from the command line: it
 * keeps nothing in the data folder and does not count as a drill (§8).
 */
export async function runDrillCommand(
  scenarioFile: string,
  flags: DrillFlags,
): Promise<void> {
  const speed = parseSpeed(flags.speed);
  const seed = flags.seed === undefined ? undefined : parseSeed(flags.seed);
  const lang = parseLang(flags.lang ?? "zh-CN");
  const plan = loadPlan(flags.plan);
  const scenario = loadScenario(scenarioFile, plan);

  const { report } = await drillReport({ plan, scenario, seed, speed });
  const used = report.run.seed;

  mkdirSync(flags.out, { recursive: true });
  const jsonPath = join(flags.out, "report.json");
  const htmlPath = join(flags.out, "report.html");
  const csvPath = join(flags.out, "report.csv");
  writeFileSync(jsonPath, reportJson(report));
  writeFileSync(htmlPath, reportHtml(report, plan, { lang }));
  writeFileSync(csvPath, reportCsv(report));

  const i = report.incident;
  const lines = [
    `EXERCISE  ${scenario.title.en}`,
    i
      ? `incident ${i.incidentId} reached level ${i.levelReached} ` +
        `(expected ${i.expectedLevel})  seed ${used}`
      : `no incident was opened  seed ${used}`,
    `ended after ${report.run.virtualMinutes} virtual min: ` +
      END[report.run.endReason],
    "",
    ...clockTable(report),
    "",
    ...report.run.notes.map((n) => `note: ${n.text}`),
    `report.json  ${jsonPath}`,
    `report.html  ${htmlPath}`,
    `report.csv   ${csvPath}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}
