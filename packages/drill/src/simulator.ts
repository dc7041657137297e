import type { IncidentService } from "@muster/engine";
import { travelMinutes, unitByCallsign, type Plan } from "@muster/plan";
import type { Command, StoredEvent } from "@muster/protocol";
import { drawMs, streamFor, type Random } from "./random.ts";
import type { Inject, Scenario } from "./scenario.ts";
import type { VirtualClock } from "./virtualClock.ts";

/** Something the run noticed that the events alone do not say. */
export interface RunNote {
  at: string;
  kind: "commandRejected" | "liveUnitSimulated" | "noReplacement";
  text: string;
}

type UnitInject = Extract<Inject, { kind: "unit" }>;
type GroupInject = Extract<Inject, { kind: "group" }>;
type CommandInject = Exclude<Inject, UnitInject | GroupInject>;

/** What a simulated unit will do on one dispatch, drawn when dispatched. */
interface Reaction {
  /** Exact assembly time scripted by the scenario, else null. */
  assembleAtMs: number | null;
  travelMs: number;
}

/** What the simulator plays against. */
export interface SimulatorOptions {
  plan: Plan;
  scenario: Scenario;
  seed: number;
  service: IncidentService;
  clock: VirtualClock;
  /** Play the scenario's live units too (the CLI has no tablets). */
  simulateLiveUnits: boolean;
}

/**
 * Plays everyone who is not at the console: the scenario's injects, the
 * simulated units and group leads answering dispatches, and the command
 * post accepting replacements. Every action is a timer on the virtual
 * clock and every change a command to the engine, exactly as a tablet or
 * an operator would send it.
 */
export class Simulator {
  readonly notes: RunNote[] = [];
  incidentId: string | null = null;
  /** Seen from the events: the engine lets go of a closed incident. */
  closed = false;
  private readonly opts: SimulatorOptions;
  private readonly startMs: number;
  private readonly pending = new Set<Promise<void>>();
  private readonly dispatches = new Map<string, number>();
  private readonly reactions = new Map<string, Reaction>();
  private readonly groupsScheduled = new Set<string>();
  private readonly liveNoted = new Set<string>();
  private commandsSent = 0;
  private injectsDone = 0;

  constructor(options: SimulatorOptions) {
    this.opts = options;
    this.startMs = options.clock.now();
  }

  /** Arms a timer for every inject that acts on the incident. */
  scheduleInjects(): void {
    for (const inject of this.commandInjects()) {
      this.at(this.startMs + inject.atMs, () => {
        this.inject(inject);
        this.injectsDone++;
      });
    }
  }

  /** True once every inject has run and its time has passed. */
  injectsFinished(): boolean {
    const last = this.opts.scenario.injects.at(-1)?.atMs ?? 0;
    return (
      this.injectsDone === this.commandInjects().length &&
      this.opts.clock.now() >= this.startMs + last
    );
  }

  /** Resolves once the engine and every command sent have settled. */
  async settle(): Promise<void> {
    for (;;) {
      await this.opts.service.idle();
      if (this.pending.size === 0) return;
      await Promise.all([...this.pending]);
    }
  }

  /** Reacts to the events of one append, in order. */
  react(events: readonly StoredEvent[]): void {
    for (const event of events) this.reactTo(event);
  }

  private reactTo(event: StoredEvent): void {
    switch (event.type) {
      case "incident.reported":
        this.incidentId = event.incidentId;
        break;
      case "incident.closed":
        this.closed = true;
        break;
      case "unit.dispatched":
        this.onDispatched(event.data.callsign, event.data.tier);
        break;
      case "unit.acknowledged": {
        // "Then en route right after": the same instant, after the ack.
        const callsign = event.data.callsign;
        if (this.reactions.has(callsign)) {
          this.at(this.now(), () => this.sendUnit("unit.enRoute", callsign));
        }
        break;
      }
      case "unit.enRoute":
        this.onEnRoute(event.data.callsign);
        break;
      case "commandPost.activated":
        for (const group of event.data.groups) this.onGroupActivated(group);
        break;
      case "replacement.offered":
        this.onOffer(
          event.data.replaces,
          event.data.tier,
          event.data.candidate,
        );
        break;
      default:
        break;
    }
  }

  private commandInjects(): CommandInject[] {
    return this.opts.scenario.injects.filter(
      (i): i is CommandInject => i.kind !== "unit" && i.kind !== "group",
    );
  }

  private inject(inject: CommandInject): void {
    const { scenario } = this.opts;
    const incidentId = this.incidentId;
    if (inject.kind === "report" && incidentId === null) {
      this.send({
        type: "incident.report",
        commandId: this.nextCommandId(),
        place: scenario.place,
        incidentType: scenario.playbook,
        headcount: inject.headcount,
        conduct: inject.conduct,
        ...(inject.escalateToCounty ? { escalateToCounty: true } : {}),
      });
      return;
    }
    // The scenario check puts a report first, so the incident exists.
    if (incidentId === null) return;
    const on = { commandId: this.nextCommandId(), incidentId };
    switch (inject.kind) {
      case "report":
      case "update":
        this.send({
          type: "incident.update",
          ...on,
          headcount: inject.headcount,
          conduct: inject.conduct,
        });
        break;
      case "acceptReplacement":
        this.send({
          type: "replacement.accept",
          ...on,
          replaces: inject.replaces,
        });
        break;
      case "resolve":
        this.send({
          type: "incident.resolve",
          ...on,
          ...(inject.note === null ? {} : { note: inject.note }),
        });
        break;
      case "handToFollowUp":
        this.send({
          type: "incident.handToFollowUp",
          ...on,
          leadUnit: inject.leadUnit,
          responsiblePerson: inject.responsiblePerson,
          measures: inject.measures,
        });
        break;
      case "completeStep":
        this.send({ type: "step.complete", ...on, step: inject.step });
        break;
      case "close":
        this.send({ type: "incident.close", ...on });
        break;
    }
  }

  private onDispatched(callsign: string, tierId: string): void {
    const { scenario, seed } = this.opts;
    if (!this.isSimulated(callsign)) return;
    const n = (this.dispatches.get(callsign) ?? 0) + 1;
    this.dispatches.set(callsign, n);

    // One stream per dispatch, drawn in a fixed order: ack, then travel.
    const random = streamFor(seed, `unit:${callsign}:${n}`);
    const tierSim = scenario.simulation.tiers[tierId];
    const ackRange = tierSim?.ackSeconds ?? scenario.simulation.ackSeconds;
    const drawnAckMs = drawMs(random, ackRange.minMs, ackRange.maxMs);
    const drawnTravelMs = this.drawTravel(random, callsign, tierId);

    const script = this.scriptFor(callsign);
    const now = this.now();
    const reaction: Reaction = {
      assembleAtMs:
        script && script.assembleAfterMs !== null
          ? now + script.assembleAfterMs
          : null,
      travelMs: script?.travelMs ?? drawnTravelMs,
    };
    this.reactions.set(callsign, reaction);

    const answer = script?.answer ?? { mode: "acknowledge", afterMs: null };
    if (answer.mode === "never") return;
    if (answer.mode === "decline") {
      this.at(now + drawnAckMs, () =>
        this.sendUnit("unit.decline", callsign, answer.reason),
      );
      return;
    }
    const ackAt = now + (answer.afterMs ?? drawnAckMs);
    this.at(ackAt, () => this.sendUnit("unit.acknowledge", callsign));
  }

  private drawTravel(random: Random, callsign: string, tierId: string): number {
    const { plan, scenario } = this.opts;
    const tierSim = scenario.simulation.tiers[tierId];
    const jitter = tierSim?.jitterSeconds ?? scenario.simulation.jitterSeconds;
    const jitterMs = drawMs(random, jitter.minMs, jitter.maxMs);
    if (tierSim?.travelSeconds) {
      const range = tierSim.travelSeconds;
      return drawMs(random, range.minMs, range.maxMs);
    }
    const unit = unitByCallsign(plan, callsign);
    if (!unit) return jitterMs;
    const minutes = travelMinutes(unit, unit.home, scenario.place.position);
    return Math.round(minutes * 60_000) + jitterMs;
  }

  private onEnRoute(callsign: string): void {
    const reaction = this.reactions.get(callsign);
    if (!reaction) return;
    const now = this.now();
    const at =
      reaction.assembleAtMs === null
        ? now + reaction.travelMs
        : Math.max(now, reaction.assembleAtMs);
    this.at(at, () => this.sendUnit("unit.assemble", callsign));
  }

  private onGroupActivated(group: string): void {
    if (this.groupsScheduled.has(group)) return;
    this.groupsScheduled.add(group);
    const script = this.groupScriptFor(group);
    if (script?.never) return;

    const range = this.opts.scenario.simulation.groupAckSeconds;
    const random = streamFor(this.opts.seed, `group:${group}`);
    const delay =
      script?.ackAfterMs ?? drawMs(random, range.minMs, range.maxMs);
    this.at(this.now() + delay, () => {
      const incidentId = this.incidentId;
      if (incidentId === null || this.isClosed()) return;
      this.send({
        type: "group.acknowledge",
        commandId: this.nextCommandId(),
        incidentId,
        group,
      });
    });
  }

  private onOffer(replaces: string, tier: string, candidate: string | null) {
    const { plan, scenario } = this.opts;
    if (candidate === null) {
      this.note(
        "noReplacement",
        `no free unit of tier ${tier} to replace ${replaces}`,
      );
      return;
    }
    if (!scenario.autoAcceptReplacements || plan.replacement.autoAccept) return;
    const delayMs = Math.round(
      scenario.simulation.replacementAcceptSeconds * 1000,
    );
    this.at(this.now() + delayMs, () => {
      const incidentId = this.incidentId;
      const state =
        incidentId === null
          ? undefined
          : this.opts.service.incident(incidentId);
      // The unit may have answered late meanwhile, withdrawing the offer.
      if (!state || !state.offers.some((o) => o.replaces === replaces)) return;
      this.send({
        type: "replacement.accept",
        commandId: this.nextCommandId(),
        incidentId: state.incidentId,
        replaces,
      });
    });
  }

  private sendUnit(
    type:
      "unit.acknowledge" | "unit.enRoute" | "unit.assemble" | "unit.decline",
    callsign: string,
    reason?: string,
  ): void {
    const incidentId = this.incidentId;
    if (incidentId === null || this.isClosed()) return;
    const status = {
      commandId: this.nextCommandId(),
      incidentId,
      callsign,
      // A simulated tablet taps and sends at once, with a perfect clock.
      deviceAt: new Date(this.now()).toISOString(),
      clockOffsetMs: 0,
    };
    if (type === "unit.decline") {
      this.send({ type, ...status, reason: reason ?? "declined" });
    } else {
      this.send({ type, ...status });
    }
  }

  private send(command: Command): void {
    const at = new Date(this.now()).toISOString();
    const work = this.opts.service.execute(command).then((result) => {
      if (result.ok) return;
      const who = "callsign" in command ? ` ${command.callsign}` : "";
      this.notes.push({
        at,
        kind: "commandRejected",
        text: `${command.type}${who}: ${result.error.code}: ${result.error.message}`,
      });
    });
    const tracked: Promise<void> = work.finally(() =>
      this.pending.delete(tracked),
    );
    this.pending.add(tracked);
  }

  private isSimulated(callsign: string): boolean {
    if (!this.opts.scenario.liveUnits.includes(callsign)) return true;
    if (!this.opts.simulateLiveUnits) return false;
    if (!this.liveNoted.has(callsign)) {
      this.liveNoted.add(callsign);
      this.note(
        "liveUnitSimulated",
        `${callsign} is played live on a tablet in a hosted drill; simulated here`,
      );
    }
    return true;
  }

  /** The scenario's latest script for the unit in force now, if any. */
  private scriptFor(callsign: string): UnitInject | undefined {
    const elapsed = this.now() - this.startMs;
    return this.opts.scenario.injects
      .filter((i): i is UnitInject => i.kind === "unit")
      .filter((i) => i.callsign === callsign && i.atMs <= elapsed)
      .at(-1);
  }

  private groupScriptFor(group: string): GroupInject | undefined {
    const elapsed = this.now() - this.startMs;
    return this.opts.scenario.injects
      .filter((i): i is GroupInject => i.kind === "group")
      .filter((i) => i.group === group && i.atMs <= elapsed)
      .at(-1);
  }

  private isClosed(): boolean {
    return this.closed;
  }

  private note(kind: RunNote["kind"], text: string): void {
    this.notes.push({ at: new Date(this.now()).toISOString(), kind, text });
  }

  private nextCommandId(): string {
    this.commandsSent++;
    return `drill-${String(this.commandsSent).padStart(6, "0")}`;
  }

  private now(): number {
    return this.opts.clock.now();
  }

  private at(ms: number, fn: () => void): void {
    this.opts.clock.setTimer(ms, fn);
  }
}
