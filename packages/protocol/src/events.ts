import type { Conduct, LatLon, Level, LocalisedText } from "./domain.ts";
import type { Place } from "./commands.ts";

/** Who commands, as the plan names the post (and the person on duty). */
export interface PostRef {
  post: string;
  name: LocalisedText;
  onDuty?: LocalisedText;
}

/** What an alert is about; the subject names the tier, level or group. */
export type AlertKind =
  | "tier.late"
  | "incident.escalated"
  | "incident.levelI"
  | "group.unacknowledged";

/** The payload of each incident event, by type (past tense). */
export interface EventData {
  "incident.reported": {
    place: Place;
    incidentType: string;
    headcount: number;
    conduct: Conduct;
    district: string;
    planId: string;
    planVersion: string;
    escalateToCounty: boolean;
    /** Drill incidents carry their run id; live incidents none. */
    drillRunId?: string;
  };
  "incident.updated": { headcount: number; conduct: Conduct };
  "incident.graded": {
    level: Level;
    previousLevel: Level | null;
    band: string;
    reason: string;
    countyLed: boolean;
  };
  "commandPost.activated": {
    level: Level;
    commander: PostRef;
    firstDeputy: PostRef | null;
    /** Every group now standing, old and new. */
    groups: string[];
    /** When groups first standing up now must have acknowledged. */
    groupAckDeadline?: string;
    notifyCounty: boolean;
    mutualAidRequested: boolean;
  };
  "group.acknowledged": { group: string };
  /** The incident's checklist, fixed at its first grading (§7). */
  "playbook.attached": {
    playbook: string;
    steps: {
      step: string;
      group: string;
      required: boolean;
      /** First grading plus the step's offset; re-grading keeps it. */
      dueAt: string;
    }[];
  };
  "step.completed": { step: string; group: string };
  "tier.dispatched": {
    tier: string;
    clockMinutes: number;
    deadline: string;
    assemblyPoint: LatLon;
  };
  "unit.dispatched": {
    callsign: string;
    tier: string;
    ackDeadline: string;
    /** Set when this unit replaces one that declined or did not answer. */
    replaces: string | null;
  };
  "unit.acknowledged": UnitStatus;
  "unit.declined": { callsign: string; reason: string };
  "unit.ackOverdue": { callsign: string; ackDeadline: string };
  "replacement.offered": {
    tier: string;
    replaces: string;
    /** Null when no unit of the tier is free. */
    candidate: string | null;
  };
  "unit.enRoute": UnitStatus;
  "unit.assembled": UnitStatus & { onTime: boolean };
  "unit.released": { callsign: string };
  "unit.moved": {
    callsign: string;
    position: LatLon;
    /** When the device took the fix; orders positions that arrive late. */
    deviceAt: string | null;
    receivedAt: string;
  };
  "tier.late": { tier: string; deadline: string; missing: string[] };
  "tier.assembled": {
    tier: string;
    onTime: boolean;
    minutes: number;
  };
  "alert.raised": {
    alertId: string;
    kind: AlertKind;
    subject: string;
  };
  "alert.acknowledged": { alertId: string };
  "incident.resolved": { note: string | null };
  "incident.handedToFollowUp": {
    leadUnit: string;
    responsiblePerson: string;
    measures: string;
    colour: "red";
  };
  "incident.closed": Record<string, never>;
}

/** A unit's status with the two times of domain brief §3. */
export interface UnitStatus {
  callsign: string;
  /** When the leader tapped, by the device's clock; null if not sent. */
  deviceAt: string | null;
  /** When the server received it. */
  receivedAt: string;
  /** The time that counts for the clocks. */
  countedAt: string;
  /** True when the status arrived long after the tap. */
  deliveredLate: boolean;
}

export type EventType = keyof EventData;

/** An event as the engine produces it, before it is stored. */
export type NewEvent = {
  [T in EventType]: { type: T; at: string; data: EventData[T] };
}[EventType];

/** An event as stored and sent on the wire. */
export type StoredEvent = NewEvent & {
  /** Global position in the store, gap-free from 1. */
  position: number;
  incidentId: string;
  /** The incident's own sequence number, gap-free from 1. */
  seq: number;
  commandId: string | null;
};

export type EventOf<T extends EventType> = Extract<StoredEvent, { type: T }>;
