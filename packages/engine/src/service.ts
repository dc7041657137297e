import { initialTransition, transition, type SnapshotFrom } from "xstate";
import {
  MusterError,
  toMusterError,
  type Command,
  type CommandResult,
  type NewEvent,
  type StoredEvent,
} from "@muster/protocol";
import type { Plan } from "@muster/plan";
import type { EventStore } from "@muster/store";
import { canonicalJson } from "./canonicalJson.ts";
import { systemClock, type Clock } from "./clock.ts";
import { decide, decideReport } from "./decide.ts";
import { activeStatuses, findUnit } from "./evolve.ts";
import type { EngineContext } from "./grading.ts";
import { incidentMachine } from "./incidentMachine.ts";
import { silentLogger, type Logger } from "./logger.ts";
import type { IncidentState } from "./state.ts";
import { dueTimers, fireTimer, type DueTimer } from "./timers.ts";

type Snapshot = SnapshotFrom<typeof incidentMachine>;

export interface IncidentServiceOptions {
  plan: Plan;
  store: EventStore;
  clock?: Clock;
  logger?: Logger;
  /** Prefix of new incident ids; by default the year in the plan's zone. */
  incidentIdPrefix?: (nowMs: number) => string;
  /** Marks every incident this service opens as part of a drill run. */
  drillRunId?: string;
  /** Events between snapshots of the open incidents; 0 turns them off. */
  snapshotEvery?: number;
}

const READ_BATCH = 1000;

/** Bump when IncidentState changes shape: older snapshots are ignored. */
const SNAPSHOT_FORMAT = 2;

interface SnapshotBody {
  format: number;
  incidents: { value: Snapshot["value"]; context: IncidentState }[];
}

/**
 * Runs the incidents of one plan: decides commands into events, appends
 * them to the store before anyone sees them, keeps each incident's machine
 * snapshot, and arms its deadlines on the injected clock. Commands and
 * deadlines are handled one at a time, in arrival order.
 */
export class IncidentService {
  readonly plan: Plan;
  private readonly store: EventStore;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly prefix: (nowMs: number) => string;
  private readonly drillRunId: string | undefined;
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly timers = new Map<string, (() => void)[]>();
  private readonly listeners = new Set<(events: StoredEvent[]) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly snapshotEvery: number;
  /** The last event position applied. */
  private position = 0;
  private snapshotPosition = 0;

  constructor(options: IncidentServiceOptions) {
    this.plan = options.plan;
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? silentLogger;
    this.drillRunId = options.drillRunId;
    this.snapshotEvery = options.snapshotEvery ?? 500;
    this.prefix =
      options.incidentIdPrefix ?? ((ms) => yearIn(this.plan.timezone, ms));
  }

  /**
   * Rebuilds every incident from the store and re-arms its deadlines; a
   * deadline that passed while the server was down fires at once.
   */
  async start(): Promise<void> {
    const from = await this.restoreSnapshot();
    let after = from;
    for (;;) {
      const batch = await this.store.readAfter(after, READ_BATCH);
      for (const event of batch) this.replay(event);
      if (batch.length < READ_BATCH) break;
      after = batch[batch.length - 1]!.position;
    }
    this.position = after;
    for (const id of this.snapshots.keys()) this.arm(id);
    this.log.info(
      {
        incidents: this.snapshots.size,
        snapshotAt: from,
        replayed: after - from,
      },
      "incidents rebuilt",
    );
  }

  /** Saves the open incidents, so the next start replays only what follows. */
  async saveSnapshot(): Promise<void> {
    const body: SnapshotBody = {
      format: SNAPSHOT_FORMAT,
      incidents: [...this.snapshots.values()].map((s) => ({
        value: s.value,
        context: s.context,
      })),
    };
    await this.store.saveSnapshot({
      position: this.position,
      body: JSON.stringify(body),
    });
    this.snapshotPosition = this.position;
  }

  private async restoreSnapshot(): Promise<number> {
    const stored = await this.store.loadSnapshot();
    if (!stored) return 0;
    try {
      const body = JSON.parse(stored.body) as SnapshotBody;
      if (body.format !== SNAPSHOT_FORMAT) return 0;
      for (const { value, context } of body.incidents) {
        const snap = incidentMachine.resolveState({ value, context });
        this.snapshots.set(context.incidentId, snap);
      }
      this.snapshotPosition = stored.position;
      return stored.position;
    } catch (err) {
      // A damaged snapshot costs time, not data: replay the whole log.
      this.log.warn({ err }, "snapshot unreadable; replaying all events");
      this.snapshots.clear();
      return 0;
    }
  }

  /** Stops arming and firing deadlines; the store stays open. */
  stop(): void {
    this.stopped = true;
    for (const cancels of this.timers.values()) cancels.forEach((c) => c());
    this.timers.clear();
  }

  /** Calls `listener` with the events of each append, after it is durable. */
  onEvents(listener: (events: StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current state of every incident. */
  incidents(): IncidentState[] {
    return [...this.snapshots.values()].map((s) => s.context);
  }

  incident(incidentId: string): IncidentState | undefined {
    return this.snapshots.get(incidentId)?.context;
  }

  /** Resolves once every command and deadline queued so far is handled. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /**
   * Handles one validated command. A retried command id is answered with
   * the original result and changes nothing.
   */
  execute(command: Command): Promise<CommandResult> {
    return this.enqueue(() => this.handle(command));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async handle(command: Command): Promise<CommandResult> {
    const body = canonicalJson(command);
    const prior = await this.store.findCommand(command.commandId);
    if (prior) {
      if (prior.body !== body) {
        return fail(
          new MusterError(
            "COMMAND_ID_REUSED",
            `command id ${command.commandId} was already used ` +
              "for a different command",
            { path: "commandId" },
          ),
        );
      }
      return prior.error
        ? { ok: false, error: prior.error }
        : {
            ok: true,
            incidentId: prior.incidentId ?? "",
            positions: prior.positions,
            duplicate: true,
          };
    }

    let incidentId: string | null = null;
    try {
      const nowMs = this.clock.now();
      const ctx = this.context(nowMs);
      let snapshot: Snapshot | undefined;
      let events: NewEvent[];
      if (command.type === "incident.report") {
        const report = { ...ctx, drillRunId: this.drillRunId };
        // Decide once before numbering, so that a refused report leaves
        // no gap in the incident numbers.
        decideReport(command, { ...report, incidentId: "PENDING" });
        const prefix = this.prefix(nowMs);
        const n = await this.store.nextNumber(`incident:${prefix}`);
        incidentId = `${prefix}-${String(n).padStart(4, "0")}`;
        events = decideReport(command, { ...report, incidentId });
      } else {
        incidentId = command.incidentId;
        snapshot = this.snapshots.get(incidentId);
        if (!snapshot) {
          throw new MusterError("NOT_FOUND", `no open incident ${incidentId}`, {
            path: "incidentId",
          });
        }
        events = decide(command, snapshot.context, ctx);
      }
      const next = this.admit(incidentId, snapshot, events, command);
      const stored = await this.store.append({
        incidentId,
        expectedSeq: snapshot?.context.seq ?? 0,
        events,
        command: { commandId: command.commandId, body },
      });
      this.commit(incidentId, next, stored);
      await this.maybeSnapshot();
      this.log.debug(
        { incidentId, commandId: command.commandId, type: command.type },
        "command applied",
      );
      this.logGrading(incidentId, stored);
      return {
        ok: true,
        incidentId,
        positions: stored.map((e) => e.position),
        duplicate: false,
      };
    } catch (err) {
      const error = toMusterError(err);
      if (error.code === "INTERNAL" || error.code === "SEQ_CONFLICT") {
        // Not recorded: a retry of the same id may yet succeed.
        this.log.error({ err, commandId: command.commandId }, "command failed");
        return fail(error);
      }
      await this.store.recordRejection({
        commandId: command.commandId,
        body,
        incidentId,
        positions: [],
        error: error.toWire(),
      });
      this.log.warn(
        { commandId: command.commandId, code: error.code, path: error.path },
        "command rejected",
      );
      return fail(error);
    }
  }

  /** Runs the events through the machine; any it refuses rejects all. */
  private admit(
    incidentId: string,
    snapshot: Snapshot | undefined,
    events: NewEvent[],
    command: Command,
  ): Snapshot {
    let snap = snapshot;
    for (const event of events) {
      if (!snap) {
        if (event.type !== "incident.reported") break;
        [snap] = initialTransition(incidentMachine, {
          incidentId,
          reported: event,
        });
        continue;
      }
      if (!snap.can(event)) throw notAllowed(command, snap, event);
      [snap] = transition(incidentMachine, snap, event);
    }
    if (!snap) throw new MusterError("INTERNAL", "no events to apply");
    return snap;
  }

  private commit(id: string, next: Snapshot, stored: StoredEvent[]): void {
    this.keep(id, next);
    this.position = Math.max(this.position, stored.at(-1)?.position ?? 0);
    this.arm(id);
    for (const listener of this.listeners) {
      try {
        listener(stored);
      } catch (err) {
        this.log.error({ err, incidentId: id }, "event listener failed");
      }
    }
  }

  private replay(event: StoredEvent): void {
    const snap = this.snapshots.get(event.incidentId);
    if (event.type === "incident.reported") {
      const [first] = initialTransition(incidentMachine, {
        incidentId: event.incidentId,
        reported: event,
      });
      this.keep(event.incidentId, first);
      return;
    }
    if (!snap) return;
    this.keep(event.incidentId, transition(incidentMachine, snap, event)[0]);
  }

  /**
   * Holds an open incident in memory; a closed one is let go, so memory
   * and start-up grow with what is open, not with the whole history.
   */
  private keep(incidentId: string, snap: Snapshot): void {
    if (snap.context.phase === "closed") this.snapshots.delete(incidentId);
    else this.snapshots.set(incidentId, snap);
  }

  private async maybeSnapshot(): Promise<void> {
    if (this.snapshotEvery <= 0) return;
    if (this.position - this.snapshotPosition < this.snapshotEvery) return;
    try {
      await this.saveSnapshot();
    } catch (err) {
      this.log.error({ err }, "snapshot failed");
    }
  }

  /** One info line when an incident is graded or its level changes. */
  private logGrading(incidentId: string, stored: StoredEvent[]): void {
    for (const e of stored) {
      if (e.type !== "incident.graded") continue;
      if (e.data.previousLevel === e.data.level) continue;
      this.log.info(
        {
          incidentId,
          level: e.data.level,
          previousLevel: e.data.previousLevel,
          drillRunId: this.drillRunId,
        },
        "incident graded",
      );
    }
  }

  private context(nowMs: number): EngineContext {
    return {
      plan: this.plan,
      nowMs,
      isBusy: (callsign) => this.isBusy(callsign),
    };
  }

  /** True when the unit works any incident (drill or live) right now. */
  private isBusy(callsign: string): boolean {
    for (const snap of this.snapshots.values()) {
      const unit = findUnit(snap.context, callsign);
      if (unit && activeStatuses.includes(unit.status)) return true;
    }
    return false;
  }

  private arm(incidentId: string): void {
    for (const cancel of this.timers.get(incidentId) ?? []) cancel();
    const state = this.snapshots.get(incidentId)?.context;
    if (!state || this.stopped) {
      this.timers.delete(incidentId);
      return;
    }
    const cancels = dueTimers(state).map((timer) =>
      this.clock.setTimer(Date.parse(timer.at), () => {
        void this.enqueue(() => this.fire(incidentId, timer));
      }),
    );
    this.timers.set(incidentId, cancels);
  }

  private async fire(incidentId: string, timer: DueTimer): Promise<void> {
    const snapshot = this.snapshots.get(incidentId);
    if (!snapshot || this.stopped) return;
    try {
      const events = fireTimer(
        snapshot.context,
        timer,
        this.context(this.clock.now()),
      );
      if (events.length === 0) return;
      let snap = snapshot;
      for (const event of events) {
        if (!snap.can(event)) return;
        [snap] = transition(incidentMachine, snap, event);
      }
      const stored = await this.store.append({
        incidentId,
        expectedSeq: snapshot.context.seq,
        events,
        command: null,
      });
      this.commit(incidentId, snap, stored);
      await this.maybeSnapshot();
      this.log.info(
        { incidentId, timer: timer.kind, at: timer.at },
        "deadline fired",
      );
    } catch (err) {
      this.log.error({ err, incidentId, timer }, "deadline failed");
    }
  }
}

function fail(error: MusterError): CommandResult {
  return { ok: false, error: error.toWire() };
}

function notAllowed(
  command: Command,
  snap: Snapshot,
  event: NewEvent,
): MusterError {
  const s = snap.context;
  let why = `incident ${s.incidentId} is ${s.phase}`;
  if ("callsign" in command) {
    const unit = findUnit(s, command.callsign);
    if (unit) why = `unit ${command.callsign} is ${unit.status}`;
  }
  if (command.type === "group.acknowledge") {
    why = `group ${command.group} has already acknowledged`;
  }
  if (command.type === "step.complete") {
    why = `step ${command.step} is already done`;
  }
  if (command.type === "alert.acknowledge") {
    why = `alert ${command.alertId} is already acknowledged`;
  }
  return new MusterError(
    "COMMAND_REJECTED",
    `${command.type} is not allowed now (${event.type}): ${why}`,
  );
}

/** The calendar year at `ms` in the plan's time zone, e.g. "2026". */
function yearIn(timeZone: string, ms: number): string {
  return new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(
    ms,
  );
}
