/**
 * Drills: the scenario format, a virtual clock, the runner that plays a
 * scenario through the incident engine, the evaluation and its reports.
 * Reading scenario files from disk lives in `@muster/drill/load`.
 */
export {
  Scenario,
  isCommandInject,
  type Inject,
  type ScenarioInput,
  type UnitAnswer,
} from "./scenario.ts";
export { parseScenario, checkScenario } from "./parse.ts";
export type { Problem } from "./zodMessages.ts";
export { parseDuration, formatDuration } from "./duration.ts";
export { VirtualClock } from "./virtualClock.ts";
export {
  mulberry32,
  streamFor,
  drawMs,
  hashText,
  type Random,
} from "./random.ts";
export type { RunNote } from "./simulator.ts";
export {
  runScenario,
  defaultDrillRunId,
  DEFAULT_CAP_MS,
  type DrillRun,
  type EndReason,
  type RunScenarioOptions,
  type Speed,
} from "./runner.ts";
export { evaluateDrill, type EvaluateInput } from "./evaluate.ts";
export type * from "./figures.ts";
export {
  rules,
  applyRules,
  GROUP_ACK_MINUTES,
  COMMAND_POST_MINUTES,
  REPLACEMENT_MINUTES,
  QUICK_SHARE,
  type Rule,
  type Figures,
} from "./rules.ts";
export { round2, minutesBetween } from "./minutes.ts";
export {
  buildReport,
  reportJson,
  REPORT_FORMAT,
  type BuildReportInput,
  type DrillReport,
  type ReportEvent,
} from "./report.ts";
export { reportHtml, type ReportHtmlOptions } from "./html.ts";
export { reportCsv } from "./csv.ts";
export { incidentReport } from "./incidentReport.ts";
export {
  importCad,
  parseCsv,
  parseLocalTime,
  nearestRank,
  type CadStatistics,
  type ReplayScenario,
} from "./cad.ts";
export {
  programme,
  DRILLS_PER_YEAR,
  type DrillRecordInput,
  type Programme,
} from "./programme.ts";
export { reportLangs, type ReportLang } from "./i18n.ts";
export { drillReport, type DrillOutcome } from "./drill.ts";
export {
  DrillSession,
  type DrillSessionOptions,
  type SessionStatus,
} from "./session.ts";
