import {
  MusterError,
  type Command,
  type CommandOf,
  type NewEvent,
} from "@muster/protocol";
import {
  classify,
  districtAt,
  isInPlanArea,
  tierById,
  type Classification,
} from "@muster/plan";
import { Draft } from "./draft.ts";
import { findUnit, initialIncidentState } from "./evolve.ts";
import { grade, type EngineContext, type Grading } from "./grading.ts";
import {
  dispatchReplacement,
  findCandidate,
  offerReplacement,
} from "./replacement.ts";
import type { IncidentState, UnitAssignment } from "./state.ts";
import { statusTimes } from "./statusTime.ts";
import { completeTier } from "./tiers.ts";

export type { EngineContext } from "./grading.ts";

/**
 * Extra facts for opening an incident. No incident id: none of the
 * opening events carries it, so the caller numbers the incident only
 * once the report is accepted.
 */
export interface ReportContext extends EngineContext {
  drillRunId?: string | undefined;
}

/**
 * Turns an `incident.report` command into the events that open, grade and
 * (for a graded level) stand up the response to a new incident.
 *
 * @example
 * const events = decideReport(cmd, { plan, nowMs, isBusy });
 */
export function decideReport(
  cmd: CommandOf<"incident.report">,
  ctx: ReportContext,
): NewEvent[] {
  const { plan } = ctx;
  if (
    cmd.incidentType !== "other" &&
    !plan.playbooks.some((p) => p.id === cmd.incidentType)
  ) {
    throw new MusterError(
      "BAD_REQUEST",
      `incidentType: no playbook "${cmd.incidentType}" in plan ${plan.id}`,
      { path: "incidentType" },
    );
  }
  if (cmd.district && !plan.districts.some((d) => d.id === cmd.district)) {
    throw new MusterError(
      "BAD_REQUEST",
      `district: no district "${cmd.district}" in plan ${plan.id}`,
      { path: "district" },
    );
  }
  if (!isInPlanArea(plan, cmd.place.position)) {
    const { lat, lon } = cmd.place.position;
    throw new MusterError(
      "BAD_REQUEST",
      `place.position: ${lat}, ${lon} lies outside the districts of plan ` +
        `${plan.id}; check the coordinates`,
      { path: "place.position" },
    );
  }
  const grading = toGrading(classify(plan, cmd));
  const at = new Date(ctx.nowMs).toISOString();
  const reported = {
    type: "incident.reported" as const,
    at,
    data: {
      place: cmd.place,
      incidentType: cmd.incidentType,
      headcount: cmd.headcount,
      conduct: cmd.conduct,
      district: cmd.district ?? districtAt(plan, cmd.place.position).id,
      planId: plan.id,
      planVersion: plan.version,
      escalateToCounty: cmd.escalateToCounty ?? false,
      ...(ctx.drillRunId ? { drillRunId: ctx.drillRunId } : {}),
    },
  };
  const draft = new Draft(initialIncidentState("", reported), at);
  grade(draft, grading, ctx);
  return [reported, ...draft.events];
}

type IncidentCommand = Exclude<Command, { type: "incident.report" }>;

/**
 * Turns a command on an existing incident into events. Throws NOT_FOUND or
 * BAD_REQUEST for commands that name things the incident does not have;
 * whether the state allows the events is the machine's call.
 */
export function decide(
  cmd: IncidentCommand,
  state: IncidentState,
  ctx: EngineContext,
): NewEvent[] {
  const draft = new Draft(state, new Date(ctx.nowMs).toISOString());
  const { plan } = ctx;

  switch (cmd.type) {
    case "incident.update":
      draft.emit("incident.updated", {
        headcount: cmd.headcount,
        conduct: cmd.conduct,
      });
      grade(draft, toGrading(classify(plan, cmd)), ctx);
      break;
    case "group.acknowledge":
      if (!state.groups.some((g) => g.group === cmd.group)) {
        throw notOnIncident(`group ${cmd.group}`, state, "group");
      }
      draft.emit("group.acknowledged", { group: cmd.group });
      break;
    case "unit.acknowledge": {
      const unit = requireUnit(state, cmd.callsign);
      draft.emit(
        "unit.acknowledged",
        statusTimes(plan, cmd, ctx.nowMs, unit.dispatchedAt),
      );
      break;
    }
    case "unit.decline":
      requireUnit(state, cmd.callsign);
      draft.emit("unit.declined", {
        callsign: cmd.callsign,
        reason: cmd.reason,
      });
      offerReplacement(draft, cmd.callsign, ctx);
      break;
    case "unit.reportPosition": {
      requireUnit(state, cmd.callsign);
      const times = statusTimes(plan, cmd, ctx.nowMs);
      draft.emit("unit.moved", {
        callsign: cmd.callsign,
        position: cmd.position,
        deviceAt: times.deviceAt,
        receivedAt: times.receivedAt,
      });
      break;
    }
    case "unit.enRoute": {
      const unit = requireUnit(state, cmd.callsign);
      draft.emit(
        "unit.enRoute",
        statusTimes(plan, cmd, ctx.nowMs, lastStep(unit)),
      );
      break;
    }
    case "unit.assemble": {
      const unit = requireUnit(state, cmd.callsign);
      const times = statusTimes(plan, cmd, ctx.nowMs, lastStep(unit));
      const tier = state.tiers.find((t) => t.tier === unit.tier);
      const onTime = tier !== undefined && times.countedAt <= tier.deadline;
      draft.emit("unit.assembled", { ...times, onTime });
      completeTier(draft, unit.tier);
      break;
    }
    case "replacement.accept":
      acceptReplacement(draft, cmd.replaces, ctx);
      break;
    case "unit.release":
      requireUnit(state, cmd.callsign);
      draft.emit("unit.released", { callsign: cmd.callsign });
      break;
    case "step.complete": {
      const step = state.playbook?.steps.find((s) => s.step === cmd.step);
      if (!step)
        throw notOnIncident(`playbook step ${cmd.step}`, state, "step");
      draft.emit("step.completed", { step: step.step, group: step.group });
      break;
    }
    case "incident.resolve":
      draft.emit("incident.resolved", { note: cmd.note ?? null });
      break;
    case "incident.handToFollowUp":
      draft.emit("incident.handedToFollowUp", {
        leadUnit: cmd.leadUnit,
        responsiblePerson: cmd.responsiblePerson,
        measures: cmd.measures,
        // Domain brief §6: a case handed over is not yet resolved: red.
        colour: "red",
      });
      break;
    case "incident.close":
      // Closing stands down whatever still works the incident, so that no
      // unit stays busy on a closed incident.
      if (state.phase === "resolved" || state.phase === "followUp") {
        for (const u of state.units) {
          if (u.status !== "replaced" && u.status !== "released") {
            draft.emit("unit.released", { callsign: u.callsign });
          }
        }
      }
      draft.emit("incident.closed", {});
      break;
    case "alert.acknowledge":
      if (!state.alerts.some((a) => a.alertId === cmd.alertId)) {
        throw notOnIncident(`alert ${cmd.alertId}`, state, "alertId");
      }
      draft.emit("alert.acknowledged", { alertId: cmd.alertId });
      break;
  }
  return draft.events;
}

function acceptReplacement(
  draft: Draft,
  replaces: string,
  ctx: EngineContext,
): void {
  const offer = draft.state.offers.find((o) => o.replaces === replaces);
  if (!offer) {
    throw new MusterError(
      "COMMAND_REJECTED",
      `no replacement is offered for ${replaces} on incident ` +
        draft.state.incidentId,
      { path: "replaces" },
    );
  }
  // The offered unit may have been sent elsewhere since the offer.
  const free = offer.candidate !== null && !ctx.isBusy(offer.candidate);
  const candidate = free
    ? offer.candidate
    : findCandidate(draft, offer.tier, ctx);
  if (!candidate) {
    const name = tierById(ctx.plan, offer.tier)?.name.en ?? offer.tier;
    throw new MusterError(
      "COMMAND_REJECTED",
      `no free unit of tier ${name} to replace ${replaces}`,
      { path: "replaces" },
    );
  }
  dispatchReplacement(draft, replaces, candidate, ctx);
}

function requireUnit(state: IncidentState, callsign: string) {
  const unit = findUnit(state, callsign);
  if (!unit) throw notOnIncident(`unit ${callsign}`, state, "callsign");
  return unit;
}

function notOnIncident(what: string, state: IncidentState, path: string) {
  return new MusterError(
    "NOT_FOUND",
    `no ${what} on incident ${state.incidentId}`,
    { path },
  );
}

function toGrading(c: Classification): Grading {
  return { level: c.level, band: c.band.id, reason: c.reason };
}

/** The time of the unit's latest step so far. */
function lastStep(unit: UnitAssignment): string {
  return unit.enRouteAt ?? unit.acknowledgedAt ?? unit.dispatchedAt;
}
