import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { importCad, type CadStatistics } from "@muster/drill";
import { MusterError } from "@muster/protocol";

const NAMES = {
  callProcessing: "call processing (received → dispatch)",
  turnout: "turnout (dispatch → response)",
  travel: "travel (response → on scene)",
  total: "total (received → on scene)",
} as const;

/**
 * `muster drill import-cad FILE`: a calls-for-service export into replay
 * scenarios (one per call, written to `--out` when given) and per-unit
 * interval statistics, printed as text or, with `--json`, one object.
 */
export function runImportCadCommand(
  file: string,
  flags: { tz: string; out?: string; json?: boolean },
): void {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? "unreadable";
    throw new MusterError("BAD_REQUEST", `cannot read ${file} (${reason})`);
  }
  try {
    new Intl.DateTimeFormat("en", { timeZone: flags.tz });
  } catch {
    throw new MusterError(
      "BAD_REQUEST",
      `--tz: expected an IANA time zone like America/Los_Angeles, got "${flags.tz}"`,
      { path: "tz" },
    );
  }
  const { scenarios, stats } = importCad(text, basename(file), flags.tz);
  if (flags.out) {
    mkdirSync(flags.out, { recursive: true });
    for (const s of scenarios) {
      writeFileSync(
        join(flags.out, `call-${s.call}.replay.json`),
        JSON.stringify(s, null, 2) + "\n",
      );
    }
  }
  if (flags.json) {
    const { calls, units, dirtyRows, intervals } = stats;
    process.stdout.write(
      JSON.stringify({ calls, units, dirtyRows, intervals }) + "\n",
    );
    return;
  }
  process.stdout.write(summary(stats, scenarios.length, flags.out) + "\n");
}

function summary(
  stats: CadStatistics,
  written: number,
  out: string | undefined,
): string {
  const sec = (n: number | null) => (n === null ? "—" : `${n} s`);
  return [
    `${stats.calls} calls, ${stats.units} unit rows, ${stats.dirtyRows} dirty rows left out, ` +
      `${stats.cancelled} units cancelled on the way, ${stats.outliers.length} intervals over 3 h left out`,
    "",
    "interval                                   n   median      p90",
    ...Object.entries(stats.intervals).map(
      ([k, v]) =>
        `${NAMES[k as keyof typeof NAMES].padEnd(40)}${String(v.n).padStart(4)}` +
        `${sec(v.median).padStart(9)}${sec(v.p90).padStart(9)}`,
    ),
    "",
    out ? `${written} replay scenarios written to ${out}` : "",
  ].join("\n");
}
