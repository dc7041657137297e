/**
 * The response plan: its schema, validation, grading and lookups. Pure and
 * browser-safe; reading a plan file from disk lives in `@muster/plan/load`.
 */
export * from "./schema.ts";
export { parsePlan, planProblems } from "./parse.ts";
export { checkPlan, type PlanProblem } from "./check.ts";
export { parsePlaybookSteps, playbookSteps } from "./playbook.ts";
export { describeRange } from "./bands.ts";
export { describeValue, finishMessage } from "./zodMessages.ts";
export {
  classify,
  type ClassifyInput,
  type Classification,
} from "./classify.ts";
export * from "./lookup.ts";
export { wallClockIn, yearIn, zoneOffsetMs, type WallClock } from "./time.ts";
