import type { Conduct, Level, LocalisedText } from "@muster/protocol";

/** One tier's clock on the drill incident, with the verdict. */
export interface TierFigures {
  tier: string;
  name: LocalisedText;
  clockMinutes: number;
  dispatchedAt: string;
  deadline: string;
  /** When the last required unit assembled; null if never. */
  assembledAt: string | null;
  /** Exact milliseconds from dispatch to assembled. */
  msToAssembled: number | null;
  /** The same in minutes, rounded to 2 decimals. */
  minutesToAssembled: number | null;
  /** At or before the deadline, after it, or not by the end of the run. */
  result: "onTime" | "late" | "never";
  /** Minutes past the deadline, rounded to 2 decimals; null unless late. */
  minutesLate: number | null;
  /** When the engine marked the tier late, if it did. */
  markedLateAt: string | null;
  /** The units the tier waited for, replacements in place of the replaced. */
  requiredUnits: string[];
}

/** One command-post group: when it stood up and when its lead answered. */
export interface GroupFigures {
  group: string;
  name: LocalisedText;
  activatedAt: string;
  acknowledgedAt: string | null;
  minutesToAcknowledge: number | null;
}

/** One unit's dispatch to the drill incident and how it went. */
export interface UnitFigures {
  callsign: string;
  name: LocalisedText;
  tier: string;
  district: string;
  /** From a partner district, through mutual aid. */
  partner: boolean;
  /** Played on a tablet in a hosted drill (simulated by the CLI). */
  live: boolean;
  dispatchedAt: string;
  ackDeadline: string;
  acknowledgedAt: string | null;
  assembledAt: string | null;
  minutesToAssembled: number | null;
  /** How the unit answered its dispatch. */
  answer: "inTime" | "late" | "declined" | "never";
  /** Against its tier's deadline; null when it never set out. */
  arrival: "onTime" | "late" | "never" | null;
  declineReason: string | null;
  replaces: string | null;
  replacedBy: string | null;
}

/** One checklist step of the incident's playbook and how it went. */
export interface StepFigures {
  step: string;
  title: LocalisedText;
  group: string;
  required: boolean;
  dueAt: string;
  completedAt: string | null;
  /** Done by its due time, after it, or not done (skipped if required). */
  result: "done" | "late" | "skipped" | "notDone";
  /** Minutes past the due time when done late; null otherwise. */
  minutesLate: number | null;
}

/** One replacement offer and the dispatch that took it up, if any. */
export interface ReplacementFigures {
  tier: string;
  replaces: string;
  offeredAt: string;
  /** The unit offered; null when no unit of the tier was free. */
  candidate: string | null;
  /** When a replacement was dispatched; null if never. */
  dispatchedAt: string | null;
  callsign: string | null;
  minutesToDispatch: number | null;
}

/** One grading, with the facts it was made on. */
export interface LevelStep {
  at: string;
  level: Level;
  headcount: number;
  conduct: Conduct;
}

/** The drill incident as a whole: its levels and its first minutes. */
export interface IncidentFigures {
  incidentId: string;
  reportedAt: string;
  expectedLevel: Level;
  /** The gravest level the incident reached. */
  levelReached: Level;
  levelMatched: boolean;
  levels: LevelStep[];
  /** First grading above watch; null if it stayed at watch. */
  gradedAt: string | null;
  minutesToGrading: number | null;
  commandPostActivatedAt: string | null;
  minutesToCommandPost: number | null;
  /** County-led at any point; a later, lower grading may hand it back. */
  countyLed: boolean;
  mutualAidRequested: boolean;
  resolvedAt: string | null;
  handedToFollowUpAt: string | null;
  closedAt: string | null;
}

/** One line of the evaluation, with the rule that produced it. */
export interface Finding {
  rule: string;
  text: LocalisedText;
}

/** Everything the evaluation computes from a run. */
export interface Evaluation {
  incident: IncidentFigures | null;
  tiers: TierFigures[];
  groups: GroupFigures[];
  units: UnitFigures[];
  replacements: ReplacementFigures[];
  /** The playbook's steps; empty when the incident has no playbook. */
  steps: StepFigures[];
  strengths: Finding[];
  improvements: Finding[];
}
