import { IncidentService, silentLogger, type Logger } from "@muster/engine";
import type { Plan } from "@muster/plan";
import type { Command, CommandResult, StoredEvent } from "@muster/protocol";
import { MemoryEventStore, type EventStore } from "@muster/store";
import {
  DEFAULT_CAP_MS,
  type DrillRun,
  type EndReason,
  type Speed,
} from "./runner.ts";
import type { Scenario } from "./scenario.ts";
import { Simulator } from "./simulator.ts";
import { VirtualClock } from "./virtualClock.ts";

/** Where a hosted drill stands. */
export type SessionStatus = "ready" | "running" | "paused" | "ended";

export interface DrillSessionOptions {
  plan: Plan;
  scenario: Scenario;
  drillRunId: string;
  seed?: number;
  speed?: Speed;
  /** The drill's own store; a fresh memory store by default. */
  store?: EventStore;
  /** Units the drill may not send: live work, or not enlisted. */
  isUnavailable?: (callsign: string) => boolean;
  /** Prefix of the drill's incident ids, e.g. "EX". */
  incidentIdPrefix?: string;
  capMs?: number;
  logger?: Logger;
  /** Called with every event the drill stores. */
  onEvent?: (event: StoredEvent) => void;
}

/**
 * A drill hosted on the server: the scenario played through its own
 * incident service on a paced virtual clock, with the scenario's live
 * units left to their tablets. Unlike `runScenario`, it can be paused,
 * resumed, sped up or slowed down, take commands by hand and from
 * tablets while it runs, and be ended at any moment.
 *
 * Virtual time flows at `speed` × real time between timers, so a
 * command from a tablet is stamped with the virtual time of its arrival.
 *
 * @example
 * const session = new DrillSession({ plan, scenario, drillRunId: "d1" });
 * const done = session.start();
 * session.setSpeed(30);
 * const run = await done;
 */
export class DrillSession {
  readonly service: IncidentService;
  readonly clock: VirtualClock;
  readonly drillRunId: string;
  readonly seed: number;
  status: SessionStatus = "ready";
  private speed: Speed;
  private readonly store: EventStore;
  private readonly simulator: Simulator;
  private readonly startMs: number;
  private readonly capAt: number;
  /** Pacing anchor: virtual time `anchorVirtual` at real `anchorReal`. */
  private anchorReal = 0;
  private anchorVirtual: number;
  private wake: (() => void) | null = null;
  private lock: Promise<unknown> = Promise.resolve();
  private endRequested = false;
  private endReason: EndReason | null = null;

  constructor(private readonly options: DrillSessionOptions) {
    const { plan, scenario } = options;
    this.drillRunId = options.drillRunId;
    this.seed = options.seed ?? scenario.seed;
    this.speed = options.speed ?? 1;
    this.startMs = Date.parse(scenario.startAt);
    this.capAt = this.startMs + (options.capMs ?? DEFAULT_CAP_MS);
    this.anchorVirtual = this.startMs;
    this.store = options.store ?? new MemoryEventStore();
    this.clock = new VirtualClock(this.startMs);
    const prefix = options.incidentIdPrefix ?? "EX";
    this.service = new IncidentService({
      plan,
      store: this.store,
      clock: this.clock,
      logger: options.logger ?? silentLogger,
      incidentIdPrefix: () => prefix,
      drillRunId: this.drillRunId,
      snapshotEvery: 0,
      ...(options.isUnavailable
        ? { isUnavailable: options.isUnavailable }
        : {}),
    });
    this.simulator = new Simulator({
      plan,
      scenario,
      seed: this.seed,
      service: this.service,
      clock: this.clock,
      simulateLiveUnits: false,
    });
    this.service.onEvents((events) => {
      this.simulator.react(events);
      for (const e of events) options.onEvent?.(e);
    });
  }

  /** The drill's incident, once the first report opened it. */
  get incidentId(): string | null {
    return this.simulator.incidentId;
  }

  get currentSpeed(): Speed {
    return this.speed;
  }

  /** Virtual time now: between timers it flows at the current pace. */
  virtualNow(): number {
    if (this.status !== "running" || this.speed === "max") {
      return this.clock.now();
    }
    const paced =
      this.anchorVirtual + (performance.now() - this.anchorReal) * this.speed;
    return Math.max(this.clock.now(), paced);
  }

  /** Plays the drill to its end; resolves with the run. */
  async start(): Promise<DrillRun> {
    if (this.status !== "ready") throw new Error("drill already started");
    await this.service.start();
    this.simulator.scheduleInjects();
    this.status = "running";
    this.reanchor();
    const endReason = await this.loop();
    this.endReason = endReason;
    this.status = "ended";
    this.service.stop();
    return { ...this.run(), events: await this.events() };
  }

  pause(): void {
    if (this.status !== "running") return;
    this.clock.advanceTo(Math.min(this.virtualNow(), this.nextDueOrCap()));
    this.status = "paused";
    this.poke();
  }

  resume(): void {
    if (this.status !== "paused") return;
    this.status = "running";
    this.reanchor();
    this.poke();
  }

  setSpeed(speed: Speed): void {
    if (this.status === "running") {
      this.clock.advanceTo(Math.min(this.virtualNow(), this.nextDueOrCap()));
    }
    this.speed = speed;
    this.reanchor();
    this.poke();
  }

  /** Ends the drill now; the run's end reason is `aborted`. */
  end(): void {
    this.endRequested = true;
    this.poke();
  }

  /**
   * Runs a command on the drill's incident service at the current virtual
   * time: a hand inject from the console or a status from a tablet. Any
   * timer that fell due first is fired first.
   */
  execute(command: Command): Promise<CommandResult> {
    return this.locked(async () => {
      const now = this.virtualNow();
      while (this.status !== "ended") {
        const due = this.clock.nextDue();
        if (due === null || due > now) break;
        this.clock.fireNext();
        await this.simulator.settle();
      }
      this.clock.advanceTo(now);
      const result = await this.service.execute(command);
      await this.simulator.settle();
      this.poke();
      return result;
    });
  }

  /** Every event the drill has stored so far. */
  events(): Promise<StoredEvent[]> {
    return this.store.readAfter(0, Number.MAX_SAFE_INTEGER);
  }

  private async loop(): Promise<EndReason> {
    for (;;) {
      await this.locked(() => this.simulator.settle());
      if (this.endRequested) return "aborted";
      if (this.simulator.injectsFinished() && this.simulator.closed) {
        return "closed";
      }
      if (this.clock.now() >= this.capAt) return "cap";
      if (this.status === "paused") {
        await this.sleep(null);
        continue;
      }
      const due = this.clock.nextDue();
      const target = Math.min(due ?? this.capAt, this.capAt);
      if (this.speed !== "max") {
        const wait = (target - this.virtualNow()) / this.speed;
        if (wait > 0) {
          // Woken early by a pause, a speed change, a command or the end.
          if (await this.sleep(wait)) continue;
        }
      } else if (due === null) {
        // Flat out with nothing armed: wait for a tablet or the console.
        await this.sleep(null);
        continue;
      }
      await this.locked(() => {
        if (due !== null && due <= this.capAt) {
          if (this.clock.nextDue() === due) this.clock.fireNext();
        } else {
          this.clock.advanceTo(this.capAt);
        }
        return Promise.resolve();
      });
    }
  }

  /** The run so far (its events apart: see `events()`). */
  run(): DrillRun {
    return {
      drillRunId: this.drillRunId,
      seed: this.seed,
      startedAt: new Date(this.startMs).toISOString(),
      endedAt: new Date(this.clock.now()).toISOString(),
      endReason: this.endReason ?? "aborted",
      incidentId: this.simulator.incidentId,
      events: [],
      notes: this.simulator.notes,
    };
  }

  private nextDueOrCap(): number {
    return Math.min(this.clock.nextDue() ?? this.capAt, this.capAt);
  }

  private reanchor(): void {
    this.anchorReal = performance.now();
    this.anchorVirtual = this.clock.now();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Sleeps `ms` (null: until poked); true when poked early. */
  private sleep(ms: number | null): Promise<boolean> {
    return new Promise((resolve) => {
      const timer =
        ms === null
          ? null
          : setTimeout(() => {
              this.wake = null;
              resolve(false);
            }, ms);
      this.wake = () => {
        if (timer) clearTimeout(timer);
        resolve(true);
      };
    });
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}
