import type { NewEvent } from "@muster/protocol";
import type {
  IncidentState,
  TierState,
  UnitAssignment,
  UnitStatusName,
} from "./state.ts";

/**
 * Applies one event to an incident's state and returns the new state.
 * Pure: the same events in the same order always give the same state,
 * on the server, in every client and in a drill replay.
 */
export function evolve(
  state: IncidentState,
  event: NewEvent,
  seq: number = state.seq + 1,
): IncidentState {
  const next = applyData(state, event);
  return next === state ? { ...state, seq } : { ...next, seq };
}

/** The state an incident starts in, from its `incident.reported` event. */
export function initialIncidentState(
  incidentId: string,
  event: Extract<NewEvent, { type: "incident.reported" }>,
): IncidentState {
  const d = event.data;
  return {
    incidentId,
    seq: 1,
    phase: "watch",
    reportedAt: event.at,
    place: d.place,
    incidentType: d.incidentType,
    headcount: d.headcount,
    conduct: d.conduct,
    district: d.district,
    planId: d.planId,
    planVersion: d.planVersion,
    drillRunId: d.drillRunId ?? null,
    escalateToCounty: d.escalateToCounty,
    countyLed: d.escalateToCounty,
    level: "watch",
    band: "",
    reason: "",
    firstGradedAt: event.at,
    gradedAt: event.at,
    commandPost: null,
    groups: [],
    playbook: null,
    tiers: [],
    units: [],
    offers: [],
    alerts: [],
    resolvedAt: null,
    followUp: null,
    closedAt: null,
  };
}

function applyData(s: IncidentState, e: NewEvent): IncidentState {
  switch (e.type) {
    case "incident.reported":
      return s;
    case "incident.updated":
      return { ...s, headcount: e.data.headcount, conduct: e.data.conduct };
    case "incident.graded":
      return {
        ...s,
        level: e.data.level,
        band: e.data.band,
        reason: e.data.reason,
        countyLed: e.data.countyLed,
        gradedAt: e.at,
        // The playbook's offsets run from the first grading; a re-grade
        // does not reset them.
        firstGradedAt: e.data.previousLevel === null ? e.at : s.firstGradedAt,
        phase:
          s.phase === "watch" && e.data.level !== "watch"
            ? "responding"
            : s.phase,
      };
    case "commandPost.activated": {
      const known = new Set(s.groups.map((g) => g.group));
      const added = e.data.groups
        .filter((g) => !known.has(g))
        .map((group) => ({
          group,
          activatedAt: e.at,
          ackDeadline: e.data.groupAckDeadline ?? null,
          acknowledgedAt: null,
        }));
      return {
        ...s,
        commandPost: {
          level: e.data.level,
          commander: e.data.commander,
          firstDeputy: e.data.firstDeputy,
          activatedAt: s.commandPost?.activatedAt ?? e.at,
          notifyCounty: e.data.notifyCounty,
          mutualAidRequested: e.data.mutualAidRequested,
        },
        groups: [...s.groups, ...added],
      };
    }
    case "group.acknowledged":
      return {
        ...s,
        groups: s.groups.map((g) =>
          g.group === e.data.group ? { ...g, acknowledgedAt: e.at } : g,
        ),
      };
    case "playbook.attached":
      return {
        ...s,
        playbook: {
          playbook: e.data.playbook,
          attachedAt: e.at,
          steps: e.data.steps.map((step) => ({ ...step, completedAt: null })),
        },
      };
    case "step.completed":
      return s.playbook === null
        ? s
        : {
            ...s,
            playbook: {
              ...s.playbook,
              steps: s.playbook.steps.map((step) =>
                step.step === e.data.step
                  ? { ...step, completedAt: e.at }
                  : step,
              ),
            },
          };
    case "tier.dispatched": {
      const tier: TierState = {
        tier: e.data.tier,
        clockMinutes: e.data.clockMinutes,
        dispatchedAt: e.at,
        deadline: e.data.deadline,
        assemblyPoint: e.data.assemblyPoint,
        status: "running",
        lateAt: null,
        assembledAt: null,
        minutes: null,
        onTime: null,
      };
      return { ...s, tiers: [...s.tiers, tier] };
    }
    case "unit.dispatched": {
      const unit: UnitAssignment = {
        callsign: e.data.callsign,
        tier: e.data.tier,
        status: "dispatched",
        dispatchedAt: e.at,
        ackDeadline: e.data.ackDeadline,
        acknowledgedAt: null,
        enRouteAt: null,
        assembledAt: null,
        onTime: null,
        replaces: e.data.replaces,
        replacedBy: null,
        declineReason: null,
        releasedAt: null,
        position: null,
      };
      const replaces = e.data.replaces;
      const units = s.units.map((u) =>
        u.callsign === replaces && isCurrent(u)
          ? { ...u, status: "replaced" as const, replacedBy: unit.callsign }
          : u,
      );
      return {
        ...s,
        units: [...units, unit],
        offers: s.offers.filter((o) => o.replaces !== replaces),
      };
    }
    case "unit.acknowledged":
      return withUnit(
        s,
        e.data.callsign,
        (u) => ({
          ...u,
          status: "acknowledged",
          acknowledgedAt: e.data.countedAt,
        }),
        (o) => o.replaces !== e.data.callsign,
      );
    case "unit.declined":
      return withUnit(s, e.data.callsign, (u) => ({
        ...u,
        status: "declined",
        declineReason: e.data.reason,
      }));
    case "unit.ackOverdue":
      return withUnit(s, e.data.callsign, (u) => ({
        ...u,
        status: "ackOverdue",
      }));
    case "replacement.offered":
      return {
        ...s,
        offers: [
          ...s.offers.filter((o) => o.replaces !== e.data.replaces),
          { ...e.data, offeredAt: e.at },
        ],
      };
    case "unit.enRoute":
      return withUnit(s, e.data.callsign, (u) => ({
        ...u,
        status: "enRoute",
        enRouteAt: e.data.countedAt,
      }));
    case "unit.assembled":
      return withUnit(s, e.data.callsign, (u) => ({
        ...u,
        status: "assembled",
        assembledAt: e.data.countedAt,
        onTime: e.data.onTime,
      }));
    case "unit.moved": {
      // A fix is no newer than its receipt: a device clock running ahead
      // (or a forged time) must not pin the unit where that fix put it.
      const { deviceAt, receivedAt } = e.data;
      const at =
        deviceAt !== null && deviceAt < receivedAt ? deviceAt : receivedAt;
      // A fix older than the one held never moves the unit backwards.
      return withUnit(s, e.data.callsign, (u) =>
        u.position && u.position.at >= at
          ? u
          : { ...u, position: { ...e.data.position, at } },
      );
    }
    case "unit.released":
      return withUnit(
        s,
        e.data.callsign,
        (u) => ({
          ...u,
          status: "released",
          releasedAt: e.at,
        }),
        (o) => o.replaces !== e.data.callsign,
      );
    case "tier.late":
      return withTier(s, e.data.tier, (t) => ({
        ...t,
        status: "late",
        lateAt: e.at,
        onTime: false,
      }));
    case "tier.assembled":
      return withTier(s, e.data.tier, (t) => ({
        ...t,
        status: "assembled",
        assembledAt: e.at,
        minutes: e.data.minutes,
        onTime: e.data.onTime,
      }));
    case "alert.raised":
      return {
        ...s,
        alerts: [
          ...s.alerts,
          {
            alertId: e.data.alertId,
            kind: e.data.kind,
            subject: e.data.subject,
            raisedAt: e.at,
            acknowledgedAt: null,
          },
        ],
      };
    case "alert.acknowledged":
      return {
        ...s,
        alerts: s.alerts.map((a) =>
          a.alertId === e.data.alertId ? { ...a, acknowledgedAt: e.at } : a,
        ),
      };
    case "incident.resolved":
      return { ...s, phase: "resolved", resolvedAt: e.at };
    case "incident.handedToFollowUp":
      return {
        ...s,
        phase: "followUp",
        resolvedAt: e.at,
        followUp: {
          leadUnit: e.data.leadUnit,
          responsiblePerson: e.data.responsiblePerson,
          measures: e.data.measures,
          colour: e.data.colour,
          at: e.at,
        },
      };
    case "incident.closed":
      return { ...s, phase: "closed", closedAt: e.at };
  }
}

/** Statuses of a unit still working the incident. */
export const activeStatuses: readonly UnitStatusName[] = [
  "dispatched",
  "acknowledged",
  "enRoute",
  "assembled",
  "ackOverdue",
];

/** A unit's current assignment: not replaced, not released. */
export function isCurrent(u: UnitAssignment): boolean {
  return u.status !== "replaced" && u.status !== "released";
}

/** The unit's latest assignment on this incident, if any. */
export function findUnit(
  s: IncidentState,
  callsign: string,
): UnitAssignment | undefined {
  for (let i = s.units.length - 1; i >= 0; i--) {
    const u = s.units[i];
    if (u?.callsign === callsign) return u;
  }
  return undefined;
}

function withUnit(
  s: IncidentState,
  callsign: string,
  change: (u: UnitAssignment) => UnitAssignment,
  keepOffer: (o: IncidentState["offers"][number]) => boolean = () => true,
): IncidentState {
  const target = findUnit(s, callsign);
  return {
    ...s,
    units: s.units.map((u) => (u === target ? change(u) : u)),
    offers: s.offers.filter(keepOffer),
  };
}

function withTier(
  s: IncidentState,
  tier: string,
  change: (t: TierState) => TierState,
): IncidentState {
  return {
    ...s,
    tiers: s.tiers.map((t) => (t.tier === tier ? change(t) : t)),
  };
}
