import {
  MusterError,
  type Command,
  type CommandResult,
  type StoredEvent,
} from "@muster/protocol";
import {
  authorise,
  commandAnswer,
  type Action,
  type AuditRecord,
  type AuditTrail,
  type Identity,
  type Target,
} from "@muster/auth";
import type { IncidentService } from "@muster/engine";
import type { Plan } from "@muster/plan";

/** Where a request came from, for the audit trail. */
export interface Caller {
  identity: Identity | null;
  from: string;
}

/**
 * Applies the role table to this server's incidents and records every
 * decision that matters in the audit trail. All live incidents belong to
 * the plan's home district; an incident that asked for mutual aid is also
 * visible to the home district's partners.
 */
export class Guard {
  readonly #plan: Plan;
  readonly #service: IncidentService;
  readonly audit: AuditTrail;
  readonly #partners: readonly string[];
  /** Refusals of nobody in particular are capped per address (a flood). */
  readonly #strangers = new StrangerBudget((from, dropped) =>
    this.audit.record({
      at: Date.now(),
      actor: null,
      from,
      action: "refusals dropped",
      outcome: "refused",
      code: "RATE_LIMITED",
      message: `${dropped} more refusals of unsigned requests from ${from} in the last minute were not recorded one by one`,
    }),
  );

  constructor(plan: Plan, service: IncidentService, audit: AuditTrail) {
    this.#plan = plan;
    this.#service = service;
    this.audit = audit;
    this.#partners =
      plan.districts.find((d) => d.id === plan.homeDistrict)?.partners ?? [];
  }

  get homeDistrict(): string {
    return this.#plan.homeDistrict;
  }

  /**
   * Allows an action or throws NOT_AUTHORISED with the reason; a refusal
   * leaves a line in the audit trail.
   */
  require(
    caller: Caller,
    action: Action,
    target: Target = {},
    what: { auditAs?: string; incidentId?: string; commandId?: string } = {},
  ): Identity {
    const identity = caller.identity;
    const decision = identity
      ? authorise(identity, action, target)
      : { ok: false as const, reason: "not signed in" };
    if (identity && decision.ok) return identity;
    const error = new MusterError(
      identity ? "NOT_AUTHORISED" : "UNAUTHENTICATED",
      decision.ok ? "not signed in" : decision.reason,
    );
    this.refused(caller, what.auditAs ?? action, error, what);
    throw error;
  }

  /** What a live command is about: its district and, for a unit, the unit. */
  targetOf(command: Command): Target {
    const target: Target = { district: this.#plan.homeDistrict };
    if ("callsign" in command) target.unit = command.callsign;
    if ("incidentId" in command) {
      target.aidDistricts = this.#aidDistricts(command.incidentId);
    }
    return target;
  }

  /** The scope of reading one incident. */
  incidentTarget(incidentId: string): Target {
    return {
      district: this.#plan.homeDistrict,
      aidDistricts: this.#aidDistricts(incidentId),
    };
  }

  /** The scope of reading a past incident, from its events. */
  historyTarget(events: readonly StoredEvent[]): Target {
    const askedAid = events.some(
      (e) => e.type === "commandPost.activated" && e.data.mutualAidRequested,
    );
    return {
      district: this.#plan.homeDistrict,
      aidDistricts: askedAid ? [...this.#partners] : [],
    };
  }

  /** True when the identity may read every live incident of this server. */
  seesAll(identity: Identity): boolean {
    return authorise(identity, "live.read", {
      district: this.#plan.homeDistrict,
    }).ok;
  }

  /**
   * Whether an identity that does not see everything may see one
   * incident: mutual aid asked of its district, or its unit sent there.
   */
  sees(identity: Identity, incidentId: string): boolean {
    const state = this.#service.incident(incidentId);
    if (!state) return false;
    if (
      identity.unit &&
      state.units.some((u) => u.callsign === identity.unit)
    ) {
      return true;
    }
    return authorise(identity, "live.read", this.incidentTarget(incidentId)).ok;
  }

  /** Records the answer to a command that passed the role check. */
  commandAnswered(
    caller: Caller,
    command: Command,
    result: CommandResult,
    action: string = command.type,
  ): void {
    this.#record(caller, action, commandAnswer(command, result));
  }

  /** Records an accepted action that is not a live command. */
  accepted(
    caller: Caller,
    action: string,
    details: { incidentId?: string; message?: string } = {},
  ): void {
    this.#record(caller, action, { outcome: "accepted", ...details });
  }

  /** Records a refusal; `detail` adds what was tried to the reason. */
  refused(
    caller: Caller,
    action: string,
    error: MusterError,
    what: { incidentId?: string; commandId?: string; detail?: string } = {},
  ): void {
    const { detail, ...about } = what;
    if (!caller.identity && !this.#strangers.admit(caller.from)) return;
    this.#record(caller, action, {
      outcome: "refused",
      code: error.code,
      message: detail ? `${error.message} (${detail})` : error.message,
      ...about,
    });
  }

  #record(
    caller: Caller,
    action: string,
    fields: Omit<AuditRecord, "at" | "actor" | "from" | "action">,
  ): void {
    this.audit.record({
      at: Date.now(),
      actor: caller.identity,
      from: caller.from,
      action,
      ...fields,
    });
  }

  #aidDistricts(incidentId: string): string[] {
    const state = this.#service.incident(incidentId);
    return state?.commandPost?.mutualAidRequested ? [...this.#partners] : [];
  }
}

/** Unsigned refusals recorded per address and minute, at the most. */
const STRANGER_LINES_PER_MINUTE = 60;

/**
 * Lets through the first refusals of unsigned requests from an address
 * each minute, and counts the rest into one summary line, written when
 * that address is next refused after its minute: anyone can knock, and
 * knocking must not push real lines out of the trail.
 */
class StrangerBudget {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #summarise: (from: string, dropped: number) => void;

  constructor(summarise: (from: string, dropped: number) => void) {
    this.#summarise = summarise;
  }

  admit(from: string, now = Date.now()): boolean {
    let window = this.#windows.get(from);
    if (!window || now - window.start >= 60_000) {
      if (window && window.count > STRANGER_LINES_PER_MINUTE) {
        this.#summarise(from, window.count - STRANGER_LINES_PER_MINUTE);
      }
      window = { start: now, count: 0 };
      this.#windows.set(from, window);
      this.#forgetOld(now);
    }
    window.count++;
    return window.count <= STRANGER_LINES_PER_MINUTE;
  }

  #forgetOld(now: number): void {
    if (this.#windows.size < 10_000) return;
    for (const [from, window] of this.#windows) {
      if (now - window.start >= 60_000) this.#windows.delete(from);
    }
  }
}
