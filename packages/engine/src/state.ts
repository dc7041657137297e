import type {
  AlertKind,
  Conduct,
  LatLon,
  Level,
  Place,
  PostRef,
} from "@muster/protocol";

/** Where one dispatched unit stands, from dispatch to release. */
export type UnitStatusName =
  | "dispatched"
  | "acknowledged"
  | "enRoute"
  | "assembled"
  | "declined"
  | "ackOverdue"
  | "replaced"
  | "released";

/** One unit's dispatch to an incident. */
export interface UnitAssignment {
  callsign: string;
  tier: string;
  status: UnitStatusName;
  dispatchedAt: string;
  ackDeadline: string;
  acknowledgedAt: string | null;
  enRouteAt: string | null;
  assembledAt: string | null;
  /** At or before the tier's deadline; null until assembled. */
  onTime: boolean | null;
  /** The unit this one replaces, if any. */
  replaces: string | null;
  /** The unit that replaced this one, once accepted. */
  replacedBy: string | null;
  declineReason: string | null;
  releasedAt: string | null;
  /** The latest position reported by the unit's tablet, if any. */
  position: { lat: number; lon: number; at: string } | null;
}

/** One tier's clock on an incident. */
export interface TierState {
  tier: string;
  clockMinutes: number;
  dispatchedAt: string;
  deadline: string;
  assemblyPoint: LatLon;
  /** `running` until assembled or late; `late` may later assemble. */
  status: "running" | "assembled" | "late";
  lateAt: string | null;
  assembledAt: string | null;
  /** Minutes from dispatch to assembled, kept for the report. */
  minutes: number | null;
  onTime: boolean | null;
}

export interface GroupState {
  group: string;
  activatedAt: string;
  /** Absent in logs written before groups had an acknowledgement time. */
  ackDeadline: string | null;
  acknowledgedAt: string | null;
}

export interface ReplacementOffer {
  tier: string;
  replaces: string;
  candidate: string | null;
  offeredAt: string;
}

export interface AlertState {
  alertId: string;
  kind: AlertKind;
  subject: string;
  raisedAt: string;
  acknowledgedAt: string | null;
}

export interface CommandPostState {
  level: Level;
  commander: PostRef;
  firstDeputy: PostRef | null;
  activatedAt: string;
  notifyCounty: boolean;
  mutualAidRequested: boolean;
}

/** One checklist step of the incident's playbook. */
export interface StepState {
  step: string;
  group: string;
  required: boolean;
  dueAt: string;
  completedAt: string | null;
}

export interface PlaybookState {
  playbook: string;
  attachedAt: string;
  steps: StepState[];
}

export type IncidentPhase =
  "watch" | "responding" | "resolved" | "followUp" | "closed";

/** Everything known about one incident: a fold of its events. */
export interface IncidentState {
  incidentId: string;
  /** Sequence number of the last event applied. */
  seq: number;
  phase: IncidentPhase;
  reportedAt: string;
  place: Place;
  incidentType: string;
  headcount: number;
  conduct: Conduct;
  district: string;
  planId: string;
  planVersion: string;
  drillRunId: string | null;
  escalateToCounty: boolean;
  countyLed: boolean;
  level: Level;
  band: string;
  reason: string;
  firstGradedAt: string;
  gradedAt: string;
  commandPost: CommandPostState | null;
  groups: GroupState[];
  /** The checklist attached at the first grading; null for `other`. */
  playbook: PlaybookState | null;
  tiers: TierState[];
  units: UnitAssignment[];
  offers: ReplacementOffer[];
  alerts: AlertState[];
  resolvedAt: string | null;
  followUp: {
    leadUnit: string;
    responsiblePerson: string;
    measures: string;
    colour: "red" | "orange" | "yellow";
    at: string;
  } | null;
  closedAt: string | null;
}
