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
  /** Refusals are capped per identity or address and minute (a flood). */
  readonly #refusals = new RefusalBudget((who, dropped) =>
    this.audit.record({
      at: Date.now(),
      actor: null,
      from: who,
      action: "refusals counted",
      outcome: "refused",
      code: "RATE_LIMITED",
      message: `${dropped} more refusals of ${who} in that minute were counted, not recorded one by one`,
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
    // Anyone may knock, and a signed-in device may be stolen: either way,
    // refusals past a budget a minute are counted, not written one by one.
    const who = caller.identity
      ? `${caller.identity.kind} ${caller.identity.name}`
      : `address ${caller.from}`;
    if (!this.#refusals.admit(who)) return;
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

/** Refusals recorded one by one per identity or address and minute. */
const REFUSAL_LINES_PER_MINUTE = 60;

/**
 * Lets through the first refusals of one identity (or, unsigned, one
 * address) each minute, and counts the rest into one summary line,
 * written when it is next refused after its minute: a flood must not
 * push real lines out of the trail.
 */
class RefusalBudget {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #summarise: (who: string, dropped: number) => void;

  constructor(summarise: (who: string, dropped: number) => void) {
    this.#summarise = summarise;
  }

  admit(who: string, now = Date.now()): boolean {
    let window = this.#windows.get(who);
    if (!window || now - window.start >= 60_000) {
      if (window && window.count > REFUSAL_LINES_PER_MINUTE) {
        this.#summarise(who, window.count - REFUSAL_LINES_PER_MINUTE);
      }
      window = { start: now, count: 0 };
      this.#windows.set(who, window);
      this.#forgetOld(now);
    }
    window.count++;
    return window.count <= REFUSAL_LINES_PER_MINUTE;
  }

  #forgetOld(now: number): void {
    if (this.#windows.size < 10_000) return;
    for (const [who, window] of this.#windows) {
      if (now - window.start >= 60_000) this.#windows.delete(who);
    }
  }
}
