/**
 * The incident engine: an XState machine per incident, the decisions that
 * turn commands into events, the pure fold clients share, deadlines, and
 * the service that runs it all on an injected clock.
 */
export * from "./state.ts";
export { evolve, initialIncidentState, findUnit, isCurrent } from "./evolve.ts";
export { applyEvent, foldIncidents } from "./fold.ts";
export { incidentMachine } from "./incidentMachine.ts";
export { advance, openIncident, type IncidentSnapshot } from "./step.ts";
export { decide, decideReport, type EngineContext } from "./decide.ts";
export { dueTimers, fireTimer, type DueTimer } from "./timers.ts";
export { requiredUnits } from "./tiers.ts";
export {
  playbookProgress,
  stepStatus,
  type PlaybookProgress,
  type StepProgress,
  type StepStatus,
} from "./playbook.ts";
export { statusTimes } from "./statusTime.ts";
export { systemClock, type Clock } from "./clock.ts";
export { silentLogger, type Logger } from "./logger.ts";
export { canonicalJson } from "./canonicalJson.ts";
export { IncidentService, type IncidentServiceOptions } from "./service.ts";
