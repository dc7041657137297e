import { z } from "zod";
import {
  Callsign,
  Conduct,
  Headcount,
  LatLon,
  Level,
  PlanId,
} from "@muster/protocol";
import { describeValue } from "@muster/plan";
import { parseDuration } from "./duration.ts";

const OFFSET_HINT = 'an offset like "0s", "90s", "4m" or "1m30s"';

/** A time offset from the start of the drill, as whole milliseconds. */
const Offset = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? `missing: expected ${OFFSET_HINT}`
        : `expected ${OFFSET_HINT}, got ${describeValue(issue.input)}`,
  })
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === null) {
      ctx.addIssue({
        code: "custom",
        message: `expected ${OFFSET_HINT}, got ${describeValue(text)}`,
      });
      return z.NEVER;
    }
    return ms;
  });

const RANGE_HINT = "a list of two numbers of seconds like [10, 40]";

/** A range of seconds [min, max] that simulated delays are drawn from. */
const SecondsRange = z
  .tuple([z.number().min(0).max(86_400), z.number().min(0).max(86_400)], {
    error: (issue) =>
      issue.code === "invalid_type"
        ? `expected ${RANGE_HINT}, got ${describeValue(issue.input)}`
        : undefined,
  })
  .refine(([min, max]) => min <= max, {
    message: "expected the smaller number first, like [10, 40]",
  })
  .transform(([min, max]) => ({
    minMs: Math.round(min * 1000),
    maxMs: Math.round(max * 1000),
  }));

const Text = z.string().trim().min(1);

const LocalisedTitle = z.strictObject({ zh: Text, en: Text });

const Report = z.strictObject({
  headcount: Headcount,
  conduct: Conduct,
  escalateToCounty: z.boolean().optional(),
});

const Update = z.strictObject({ headcount: Headcount, conduct: Conduct });

const FollowUp = z.strictObject({
  leadUnit: Text.max(120),
  responsiblePerson: Text.max(120),
  measures: Text.max(500),
});

/** How simulated units of one tier respond; unset fields use the defaults. */
const TierSimulation = z.strictObject({
  ackSeconds: SecondsRange.optional(),
  /** A fixed travel range instead of the computed travel time. */
  travelSeconds: SecondsRange.optional(),
  jitterSeconds: SecondsRange.optional(),
});

const Simulation = z.strictObject({
  /** From dispatch to acknowledgement. */
  ackSeconds: SecondsRange.prefault([10, 45]),
  /** Added to the computed travel time: turnout, traffic, parking. */
  jitterSeconds: SecondsRange.prefault([30, 120]),
  tiers: z.record(PlanId, TierSimulation).prefault({}),
  /** From activation to a group lead's acknowledgement. */
  groupAckSeconds: SecondsRange.prefault([20, 120]),
  /** With autoAcceptReplacements: from offer to acceptance. */
  replacementAcceptSeconds: z.number().min(0).max(3600).default(30),
});

/** The injects' action fields: each inject has exactly one. */
const ACTIONS = [
  "report",
  "update",
  "unit",
  "group",
  "acceptReplacement",
  "resolve",
  "handToFollowUp",
  "completeStep",
  "close",
] as const;

const BEHAVIOURS = [
  "ackAfter",
  "declines",
  "neverAnswers",
  "travel",
  "assembleAfter",
] as const;

const InjectInput = z
  .strictObject({
    at: Offset,
    report: Report.optional(),
    update: Update.optional(),
    unit: Callsign.optional(),
    group: PlanId.optional(),
    ackAfter: Offset.optional(),
    declines: Text.max(200).optional(),
    neverAnswers: z.literal(true).optional(),
    travel: Offset.optional(),
    assembleAfter: Offset.optional(),
    acceptReplacement: Callsign.optional(),
    resolve: z.strictObject({ note: Text.max(500).optional() }).optional(),
    handToFollowUp: FollowUp.optional(),
    /** A group lead ticks off this step of the incident's playbook. */
    completeStep: PlanId.optional(),
    close: z.strictObject({}).optional(),
  })
  .superRefine((inject, ctx) => {
    const actions = ACTIONS.filter((key) => inject[key] !== undefined);
    if (actions.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          `expected exactly one of ${ACTIONS.join(", ")}, ` +
          `got ${actions.length === 0 ? "none" : actions.join(" and ")}`,
      });
      return;
    }
    checkBehaviour(inject, actions[0]!, ctx);
  });

type InjectInput = z.infer<typeof InjectInput>;

function checkBehaviour(
  inject: InjectInput,
  action: (typeof ACTIONS)[number],
  ctx: z.RefinementCtx,
): void {
  const given = BEHAVIOURS.filter((key) => inject[key] !== undefined);
  const problem = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });

  if (action !== "unit" && action !== "group") {
    for (const key of given)
      problem(key, `only a unit or group inject has ${key}`);
    return;
  }
  if (given.length === 0) {
    problem(action, `expected ${BEHAVIOURS.join(", ")} with the ${action}`);
    return;
  }
  if (action === "group") {
    for (const key of given) {
      if (key !== "ackAfter" && key !== "neverAnswers") {
        problem(key, "a group takes only ackAfter or neverAnswers");
      }
    }
  }
  const answers = given.filter(
    (k) => k === "ackAfter" || k === "declines" || k === "neverAnswers",
  );
  if (answers.length > 1) {
    problem(answers[1]!, `expected only one of ${answers.join(", ")}`);
  }
  const silent = inject.declines !== undefined || inject.neverAnswers;
  for (const key of ["travel", "assembleAfter"] as const) {
    if (silent && inject[key] !== undefined) {
      problem(key, `a unit that never acknowledges cannot have ${key}`);
    }
  }
  if (inject.travel !== undefined && inject.assembleAfter !== undefined) {
    problem("assembleAfter", "expected travel or assembleAfter, not both");
  }
  if (
    inject.assembleAfter !== undefined &&
    inject.assembleAfter < (inject.ackAfter ?? 0)
  ) {
    problem("assembleAfter", "expected assembleAfter ≥ ackAfter");
  }
}

/** How a unit answers its dispatch, as the scenario scripts it. */
export type UnitAnswer =
  | { mode: "acknowledge"; afterMs: number | null }
  | { mode: "decline"; reason: string }
  | { mode: "never" };

/** One timed entry of a scenario, after validation. */
export type Inject = { atMs: number; index: number } & (
  | {
      kind: "report";
      headcount: number;
      conduct: Conduct;
      escalateToCounty: boolean;
    }
  | { kind: "update"; headcount: number; conduct: Conduct }
  | {
      kind: "unit";
      callsign: string;
      answer: UnitAnswer;
      /** Fixed travel time, overriding the simulated one. */
      travelMs: number | null;
      /** Assembles exactly this long after dispatch. */
      assembleAfterMs: number | null;
    }
  | { kind: "group"; group: string; ackAfterMs: number | null; never: boolean }
  | { kind: "acceptReplacement"; replaces: string }
  | { kind: "resolve"; note: string | null }
  | {
      kind: "handToFollowUp";
      leadUnit: string;
      responsiblePerson: string;
      measures: string;
    }
  | { kind: "completeStep"; step: string }
  | { kind: "close" }
);

function toInject(input: InjectInput, index: number): Inject {
  const base = { atMs: input.at, index };
  if (input.report) {
    return {
      ...base,
      kind: "report",
      headcount: input.report.headcount,
      conduct: input.report.conduct,
      escalateToCounty: input.report.escalateToCounty ?? false,
    };
  }
  if (input.update) return { ...base, kind: "update", ...input.update };
  if (input.unit !== undefined) {
    const answer: UnitAnswer =
      input.declines !== undefined
        ? { mode: "decline", reason: input.declines }
        : input.neverAnswers
          ? { mode: "never" }
          : { mode: "acknowledge", afterMs: input.ackAfter ?? null };
    return {
      ...base,
      kind: "unit",
      callsign: input.unit,
      answer,
      travelMs: input.travel ?? null,
      assembleAfterMs: input.assembleAfter ?? null,
    };
  }
  if (input.group !== undefined) {
    return {
      ...base,
      kind: "group",
      group: input.group,
      ackAfterMs: input.ackAfter ?? null,
      never: input.neverAnswers ?? false,
    };
  }
  if (input.acceptReplacement !== undefined) {
    return {
      ...base,
      kind: "acceptReplacement",
      replaces: input.acceptReplacement,
    };
  }
  if (input.resolve) {
    return { ...base, kind: "resolve", note: input.resolve.note ?? null };
  }
  if (input.handToFollowUp) {
    return { ...base, kind: "handToFollowUp", ...input.handToFollowUp };
  }
  if (input.completeStep !== undefined) {
    return { ...base, kind: "completeStep", step: input.completeStep };
  }
  return { ...base, kind: "close" };
}

/** Injects that act on the incident, as opposed to scripting behaviour. */
export function isCommandInject(inject: Inject): boolean {
  return inject.kind !== "unit" && inject.kind !== "group";
}

/**
 * A drill scenario: where and when, what is reported, how simulated units
 * behave. Offsets are milliseconds from `startAt`.
 */
export const Scenario = z
  .strictObject({
    title: LocalisedTitle,
    /** A playbook id of the plan, or `other`. */
    playbook: PlanId,
    expectedLevel: Level,
    place: z.strictObject({
      name: Text.max(120),
      position: LatLon,
    }),
    /** The instant the virtual clock starts at, so runs are repeatable. */
    startAt: z.iso.datetime({
      offset: false,
      error: "expected a UTC instant like 2026-03-12T01:30:00Z",
    }),
    /** The seed used when the runner is given none. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    /** The simulated command post accepts every replacement offered. */
    autoAcceptReplacements: z.boolean().default(false),
    /** Units played on tablets in a server-hosted drill. */
    liveUnits: z.array(Callsign).default([]),
    simulation: Simulation.prefault({}),
    injects: z.array(InjectInput).min(1, "expected at least one inject"),
  })
  .transform((s, ctx) => {
    const injects = s.injects.map(toInject);
    checkOrder(injects, ctx);
    return { ...s, injects: sortInjects(injects) };
  });
/** A validated scenario, offsets in milliseconds. */
export type Scenario = z.output<typeof Scenario>;
/** A scenario as written in its file, before validation. */
export type ScenarioInput = z.input<typeof Scenario>;

/** Injects by time; at the same time, in the order the file lists them. */
function sortInjects(injects: Inject[]): Inject[] {
  return [...injects].sort((a, b) => a.atMs - b.atMs || a.index - b.index);
}

function checkOrder(injects: Inject[], ctx: z.RefinementCtx): void {
  const sorted = sortInjects(injects);
  const first = sorted.find(isCommandInject);
  if (first?.kind !== "report") {
    ctx.addIssue({
      code: "custom",
      path: ["injects", first?.index ?? 0],
      message:
        "expected a report before any other action: the first report " +
        "opens the incident",
    });
  }
  // The engine closes only an incident resolved or handed to follow-up.
  let settled = false;
  for (const inject of sorted) {
    if (inject.kind === "resolve" || inject.kind === "handToFollowUp") {
      settled = true;
    }
    if (inject.kind === "close" && !settled) {
      ctx.addIssue({
        code: "custom",
        path: ["injects", inject.index],
        message:
          "expected a resolve or handToFollowUp before close: only a " +
          "settled incident can be closed",
      });
    }
  }
}
