import { wallClockIn } from "@muster/plan";
import { describe } from "./html.ts";
import type { DrillReport } from "./report.ts";

const HEADER = [
  "exercise",
  "incident",
  "seq",
  "position",
  "utc",
  "local",
  "type",
  "details",
];

/** One field, quoted when it holds a comma, quote or line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `YYYY-MM-DD HH:mm:ss` in `timeZone`, the same on every machine. */
function localTime(iso: string, timeZone: string): string {
  const c = wallClockIn(timeZone, Date.parse(iso));
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${c.year}-${two(c.month)}-${two(c.day)} ` +
    `${two(c.hour)}:${two(c.minute)}:${two(c.second)}`
  );
}

/**
 * The report's timeline as CSV (RFC 4180, CRLF line ends): one row per
 * event with its UTC instant and its time in the plan's zone. Every row
 * of a drill says EXERCISE in its first column, so a row copied out of
 * the file still says what it is.
 *
 * @example
 * writeFileSync("report.csv", reportCsv(report));
 */
export function reportCsv(report: DrillReport): string {
  const mark = report.exercise ? "EXERCISE" : "";
  const incident = report.incident?.incidentId ?? "";
  const rows = report.events.map((e) =>
    [
      mark,
      incident,
      e.seq,
      e.position,
      e.at,
      localTime(e.at, report.timezone),
      e.type,
      describe(e),
    ]
      .map(field)
      .join(","),
  );
  return [HEADER.join(","), ...rows].join("\r\n") + "\r\n";
}
