import {
  foldIncidents,
  requiredUnits,
  type IncidentState,
} from "@muster/engine";
import {
  groupById,
  playbookSteps,
  tierById,
  unitByCallsign,
  type Plan,
} from "@muster/plan";
import {
  compareLevels,
  type Conduct,
  type Level,
  type LocalisedText,
  type StoredEvent,
} from "@muster/protocol";
import type {
  Evaluation,
  GroupFigures,
  IncidentFigures,
  LevelStep,
  ReplacementFigures,
  StepFigures,
  TierFigures,
  UnitFigures,
} from "./figures.ts";
import { minutesBetween, round2 } from "./minutes.ts";
import { applyRules } from "./rules.ts";
import type { Scenario } from "./scenario.ts";

function nameOf(found: { name: LocalisedText } | undefined, id: string) {
  return found?.name ?? { zh: id, en: id };
}

/** What the evaluation reads: nothing but the plan, scenario and events. */
export interface EvaluateInput {
  plan: Plan;
  scenario: Scenario;
  /** The run's events, in store order. */
  events: readonly StoredEvent[];
}

/**
 * Scores a drill from its events alone: every clock against its deadline
 * to the millisecond, the answers of groups and units, replacements, the
 * level reached, and the strengths and items to improve that the rules
 * of `rules.ts` derive from those figures. Pure: the same events give the
 * same evaluation anywhere.
 *
 * @example
 * const evaluation = evaluateDrill({ plan, scenario, events: run.events });
 * evaluation.tiers[0]; // { tier: "police", result: "onTime", ... }
 */
export function evaluateDrill(input: EvaluateInput): Evaluation {
  const { plan, scenario, events } = input;
  const first = events.find((e) => e.type === "incident.reported");
  const state = first
    ? foldIncidents(
        events.filter((e) => e.incidentId === first.incidentId),
      ).get(first.incidentId)
    : undefined;
  if (!first || !state) {
    return {
      incident: null,
      tiers: [],
      groups: [],
      units: [],
      replacements: [],
      steps: [],
      strengths: [],
      improvements: [],
    };
  }
  const mine = events.filter((e) => e.incidentId === first.incidentId);
  const figures = {
    incident: incidentFigures(state, mine, scenario),
    tiers: state.tiers.map((t) => tierFigures(plan, state, t.tier)),
    groups: state.groups.map((g): GroupFigures => ({
      group: g.group,
      name: nameOf(groupById(plan, g.group), g.group),
      activatedAt: g.activatedAt,
      acknowledgedAt: g.acknowledgedAt,
      minutesToAcknowledge:
        g.acknowledgedAt === null
          ? null
          : minutesBetween(g.activatedAt, g.acknowledgedAt),
    })),
    units: state.units.map((u) => unitFigures(plan, scenario, state, u)),
    replacements: replacementFigures(mine),
    steps: stepFigures(plan, state),
  };
  return { ...figures, ...applyRules(figures) };
}

function stepFigures(plan: Plan, state: IncidentState): StepFigures[] {
  const playbook = state.playbook;
  if (!playbook) return [];
  const titles = new Map(
    playbookSteps(plan, playbook.playbook).map((s) => [s.id, s.title]),
  );
  return playbook.steps.map((s): StepFigures => {
    const late =
      s.completedAt !== null && s.completedAt > s.dueAt
        ? minutesBetween(s.dueAt, s.completedAt)
        : null;
    return {
      step: s.step,
      title: titles.get(s.step) ?? { zh: s.step, en: s.step },
      group: s.group,
      required: s.required,
      dueAt: s.dueAt,
      completedAt: s.completedAt,
      result:
        s.completedAt === null
          ? s.required
            ? "skipped"
            : "notDone"
          : late === null
            ? "done"
            : "late",
      minutesLate: late,
    };
  });
}

function incidentFigures(
  state: IncidentState,
  events: readonly StoredEvent[],
  scenario: Scenario,
): IncidentFigures {
  const levels: LevelStep[] = [];
  let headcount = 0;
  let conduct: Conduct = "none";
  let reached: Level = "watch";
  let gradedAt: string | null = null;
  let handedAt: string | null = null;
  let countyLed = false;

  for (const e of events) {
    if (e.type === "incident.reported" || e.type === "incident.updated") {
      ({ headcount, conduct } = e.data);
    } else if (e.type === "incident.graded") {
      levels.push({ at: e.at, level: e.data.level, headcount, conduct });
      if (compareLevels(e.data.level, reached) > 0) reached = e.data.level;
      if (gradedAt === null && e.data.level !== "watch") gradedAt = e.at;
      countyLed ||= e.data.countyLed;
    } else if (e.type === "incident.handedToFollowUp") {
      handedAt = e.at;
    }
  }
  const cpAt = state.commandPost?.activatedAt ?? null;
  return {
    incidentId: state.incidentId,
    reportedAt: state.reportedAt,
    expectedLevel: scenario.expectedLevel,
    levelReached: reached,
    levelMatched: reached === scenario.expectedLevel,
    levels,
    gradedAt,
    minutesToGrading:
      gradedAt === null ? null : minutesBetween(state.reportedAt, gradedAt),
    commandPostActivatedAt: cpAt,
    minutesToCommandPost:
      cpAt === null ? null : minutesBetween(state.reportedAt, cpAt),
    countyLed,
    mutualAidRequested: state.commandPost?.mutualAidRequested ?? false,
    resolvedAt: handedAt === null ? state.resolvedAt : null,
    handedToFollowUpAt: handedAt,
    closedAt: state.closedAt,
  };
}

function tierFigures(
  plan: Plan,
  state: IncidentState,
  tierId: string,
): TierFigures {
  const tier = state.tiers.find((t) => t.tier === tierId)!;
  const required = requiredUnits(state, tierId);
  const arrivals = required
    .map((u) => u.assembledAt)
    .filter((at): at is string => at !== null);
  const complete = required.length > 0 && arrivals.length === required.length;
  // The clock stops when the last required unit is there (§3).
  const lastMs = complete ? Math.max(...arrivals.map(Date.parse)) : null;
  const startMs = Date.parse(tier.dispatchedAt);
  const deadlineMs = Date.parse(tier.deadline);
  const result =
    lastMs === null ? "never" : lastMs <= deadlineMs ? "onTime" : "late";

  return {
    tier: tierId,
    name: nameOf(tierById(plan, tierId), tierId),
    clockMinutes: tier.clockMinutes,
    dispatchedAt: tier.dispatchedAt,
    deadline: tier.deadline,
    assembledAt: lastMs === null ? null : new Date(lastMs).toISOString(),
    msToAssembled: lastMs === null ? null : lastMs - startMs,
    minutesToAssembled:
      lastMs === null ? null : round2((lastMs - startMs) / 60_000),
    result,
    minutesLate:
      result === "late" && lastMs !== null
        ? round2((lastMs - deadlineMs) / 60_000)
        : null,
    markedLateAt: tier.lateAt,
    requiredUnits: required.map((u) => u.callsign),
  };
}

function unitFigures(
  plan: Plan,
  scenario: Scenario,
  state: IncidentState,
  u: IncidentState["units"][number],
): UnitFigures {
  const unit = unitByCallsign(plan, u.callsign);
  const district = unit?.district ?? "";
  const tier = state.tiers.find((t) => t.tier === u.tier);
  const answer: UnitFigures["answer"] =
    u.declineReason !== null
      ? "declined"
      : u.acknowledgedAt === null
        ? "never"
        : u.acknowledgedAt <= u.ackDeadline
          ? "inTime"
          : "late";
  let arrival: UnitFigures["arrival"] = null;
  if (answer === "inTime" || answer === "late") {
    if (u.assembledAt === null) arrival = "never";
    else arrival = tier && u.assembledAt <= tier.deadline ? "onTime" : "late";
  }
  return {
    callsign: u.callsign,
    name: nameOf(unit, u.callsign),
    tier: u.tier,
    district,
    partner: district !== plan.homeDistrict,
    live: scenario.liveUnits.includes(u.callsign),
    dispatchedAt: u.dispatchedAt,
    ackDeadline: u.ackDeadline,
    acknowledgedAt: u.acknowledgedAt,
    assembledAt: u.assembledAt,
    minutesToAssembled:
      u.assembledAt === null
        ? null
        : minutesBetween(u.dispatchedAt, u.assembledAt),
    answer,
    arrival,
    declineReason: u.declineReason,
    replaces: u.replaces,
    replacedBy: u.replacedBy,
  };
}

function replacementFigures(
  events: readonly StoredEvent[],
): ReplacementFigures[] {
  const out: ReplacementFigures[] = [];
  const open = new Map<string, ReplacementFigures>();
  for (const e of events) {
    if (e.type === "replacement.offered") {
      const offer: ReplacementFigures = {
        tier: e.data.tier,
        replaces: e.data.replaces,
        offeredAt: e.at,
        candidate: e.data.candidate,
        dispatchedAt: null,
        callsign: null,
        minutesToDispatch: null,
      };
      out.push(offer);
      open.set(e.data.replaces, offer);
    } else if (e.type === "unit.dispatched" && e.data.replaces !== null) {
      const offer = open.get(e.data.replaces);
      if (!offer) continue;
      offer.dispatchedAt = e.at;
      offer.callsign = e.data.callsign;
      offer.minutesToDispatch = minutesBetween(offer.offeredAt, e.at);
      open.delete(e.data.replaces);
    }
  }
  return out;
}
