import { assign, setup } from "xstate";
import type { NewEvent } from "@muster/protocol";
import { evolve, findUnit, initialIncidentState } from "./evolve.ts";
import type { IncidentState, UnitStatusName } from "./state.ts";

type Reported = Extract<NewEvent, { type: "incident.reported" }>;

/** Events the machine takes: the incident's own facts. */
export type IncidentMachineEvent = NewEvent;

function unitIn(
  ctx: IncidentState,
  callsign: string,
  statuses: readonly UnitStatusName[],
): boolean {
  const unit = findUnit(ctx, callsign);
  return unit !== undefined && statuses.includes(unit.status);
}

function callsignOf(event: NewEvent): string {
  return "callsign" in event.data ? event.data.callsign : "";
}

function tierOf(event: NewEvent): string {
  return "tier" in event.data ? event.data.tier : "";
}

/**
 * The life of one incident. The context is the folded state; every
 * accepted event is applied by `evolve`, and the states and guards say
 * which facts may happen when — `snapshot.can(event)` is how the engine
 * decides whether a command is allowed now.
 */
export const incidentMachine = setup({
  types: {
    context: {} as IncidentState,
    events: {} as IncidentMachineEvent,
    input: {} as { incidentId: string; reported: Reported },
  },
  guards: {
    isWatchLevel: ({ event }) =>
      event.type === "incident.graded" && event.data.level === "watch",
    awaitsAcknowledgement: ({ context, event }) =>
      unitIn(context, callsignOf(event), ["dispatched", "ackOverdue"]),
    isAcknowledged: ({ context, event }) =>
      unitIn(context, callsignOf(event), ["acknowledged"]),
    isTravelling: ({ context, event }) =>
      unitIn(context, callsignOf(event), [
        "acknowledged",
        "enRoute",
        "assembled",
      ]),
    canAssemble: ({ context, event }) =>
      unitIn(context, callsignOf(event), ["acknowledged", "enRoute"]),
    isWorking: ({ context, event }) =>
      unitIn(context, callsignOf(event), [
        "dispatched",
        "acknowledged",
        "enRoute",
        "assembled",
        "ackOverdue",
        "declined",
      ]),
    isOverdueOrDeclined: ({ context, event }) =>
      event.type === "replacement.offered" &&
      unitIn(context, event.data.replaces, ["ackOverdue", "declined"]),
    isDispatchable: ({ context, event }) => {
      if (event.type !== "unit.dispatched") return false;
      const replaces = event.data.replaces;
      if (replaces === null) return true;
      return unitIn(context, replaces, ["ackOverdue", "declined"]);
    },
    isGroupAwaiting: ({ context, event }) =>
      event.type === "group.acknowledged" &&
      context.groups.some(
        (g) => g.group === event.data.group && g.acknowledgedAt === null,
      ),
    isTierRunning: ({ context, event }) =>
      context.tiers.some(
        (t) => t.tier === tierOf(event) && t.status === "running",
      ),
    isTierOpen: ({ context, event }) =>
      context.tiers.some(
        (t) => t.tier === tierOf(event) && t.status !== "assembled",
      ),
    isTierNew: ({ context, event }) =>
      event.type === "tier.dispatched" &&
      !context.tiers.some((t) => t.tier === event.data.tier),
    hasNoPlaybook: ({ context }) => context.playbook === null,
    isStepOpen: ({ context, event }) =>
      event.type === "step.completed" &&
      (context.playbook?.steps.some(
        (s) => s.step === event.data.step && s.completedAt === null,
      ) ??
        false),
    isAlertOpen: ({ context, event }) =>
      event.type === "alert.acknowledged" &&
      context.alerts.some(
        (a) => a.alertId === event.data.alertId && a.acknowledgedAt === null,
      ),
  },
  actions: {
    apply: assign(({ context, event }) => evolve(context, event)),
  },
}).createMachine({
  id: "incident",
  context: ({ input }) =>
    initialIncidentState(input.incidentId, input.reported),
  initial: "reported",
  // Facts that may arrive while the response is under way and after it.
  on: {
    "alert.acknowledged": { guard: "isAlertOpen", actions: "apply" },
    "unit.released": { guard: "isWorking", actions: "apply" },
    "unit.moved": { guard: "isTravelling", actions: "apply" },
    // The checklist is attached once and ticked off until the incident
    // closes: some steps (a written reply, a payment plan) come after it.
    "playbook.attached": { guard: "hasNoPlaybook", actions: "apply" },
    "step.completed": { guard: "isStepOpen", actions: "apply" },
  },
  states: {
    reported: {
      on: {
        "incident.graded": [
          { guard: "isWatchLevel", target: "watch", actions: "apply" },
          { target: "responding", actions: "apply" },
        ],
      },
    },
    watch: {
      on: {
        "incident.updated": { actions: "apply" },
        "incident.graded": [
          { guard: "isWatchLevel", actions: "apply" },
          { target: "responding", actions: "apply" },
        ],
        "incident.resolved": { target: "resolved", actions: "apply" },
        "incident.handedToFollowUp": { target: "followUp", actions: "apply" },
      },
    },
    responding: {
      on: {
        "incident.updated": { actions: "apply" },
        "incident.graded": { actions: "apply" },
        "commandPost.activated": { actions: "apply" },
        "group.acknowledged": { guard: "isGroupAwaiting", actions: "apply" },
        "tier.dispatched": { guard: "isTierNew", actions: "apply" },
        "unit.dispatched": { guard: "isDispatchable", actions: "apply" },
        "unit.acknowledged": {
          guard: "awaitsAcknowledgement",
          actions: "apply",
        },
        "unit.declined": { guard: "awaitsAcknowledgement", actions: "apply" },
        "unit.ackOverdue": { guard: "awaitsAcknowledgement", actions: "apply" },
        "replacement.offered": {
          guard: "isOverdueOrDeclined",
          actions: "apply",
        },
        "unit.enRoute": { guard: "isAcknowledged", actions: "apply" },
        "unit.assembled": { guard: "canAssemble", actions: "apply" },
        "tier.late": { guard: "isTierRunning", actions: "apply" },
        "tier.assembled": { guard: "isTierOpen", actions: "apply" },
        "alert.raised": { actions: "apply" },
        "incident.resolved": { target: "resolved", actions: "apply" },
        "incident.handedToFollowUp": { target: "followUp", actions: "apply" },
      },
    },
    // After the scene: units still travelling may report and are stood
    // down by the command post; nothing new is dispatched.
    resolved: {
      on: {
        "unit.enRoute": { guard: "isAcknowledged", actions: "apply" },
        "unit.assembled": { guard: "canAssemble", actions: "apply" },
        "tier.assembled": { guard: "isTierOpen", actions: "apply" },
        "incident.closed": { target: "closed", actions: "apply" },
      },
    },
    followUp: {
      on: {
        "unit.enRoute": { guard: "isAcknowledged", actions: "apply" },
        "unit.assembled": { guard: "canAssemble", actions: "apply" },
        "tier.assembled": { guard: "isTierOpen", actions: "apply" },
        "incident.closed": { target: "closed", actions: "apply" },
      },
    },
    closed: { type: "final" },
  },
});
