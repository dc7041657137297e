import {
  MusterError,
  toMusterError,
  type Command,
  type CommandResult,
  type NewEvent,
  type StoredEvent,
} from "@muster/protocol";
import { yearIn, type Plan } from "@muster/plan";
import type { AppendInput, CommandRecord, EventStore } from "@muster/store";
import { canonicalJson } from "./canonicalJson.ts";
import { systemClock, type Clock } from "./clock.ts";
import { decide, decideReport } from "./decide.ts";
import { activeStatuses, findUnit } from "./evolve.ts";
import type { EngineContext } from "./grading.ts";
import { incidentMachine } from "./incidentMachine.ts";
import { advance, openIncident, type IncidentSnapshot } from "./step.ts";
import { silentLogger, type Logger } from "./logger.ts";
import type { IncidentState } from "./state.ts";
import { dueTimers, fireTimer, type DueTimer } from "./timers.ts";

type Snapshot = IncidentSnapshot;

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
  /**
   * True when a unit may not be sent by this service for reasons outside
   * it: a hosted drill asks the live side, and sends only its enlisted.
   */
  isUnavailable?: (callsign: string) => boolean;
}

const READ_BATCH = 1000;

/** Most commands and deadlines decided together and synced at once. */
const MAX_BATCH = 500;

type Work =
  | { kind: "command"; command: Command; answer: (r: CommandResult) => void }
  | { kind: "timer"; incidentId: string; timer: DueTimer };

/** A decision waiting for its batch to be durable. */
interface Decided {
  incidentId: string;
  before: Snapshot | undefined;
  after: Snapshot;
  input: AppendInput;
  /** Answers the command once its events are durable; none for timers. */
  answer?: (stored: StoredEvent[] | null) => void;
  timer?: DueTimer;
  stored?: StoredEvent[];
}

/** Bump when IncidentState changes shape: older snapshots are ignored. */
const SNAPSHOT_FORMAT = 3;

interface SnapshotBody {
  format: number;
  incidents: { value: Snapshot["value"]; context: IncidentState }[];
  numbers: [string, number][];
}

/**
 * Runs the incidents of one plan: decides commands into events, appends
 * them to the store before anyone sees them, keeps each incident's machine
 * snapshot, and arms its deadlines on the injected clock. Commands and
 * deadlines are decided one at a time, in arrival order, and written in
 * batches (group commit).
 */
export class IncidentService {
  readonly plan: Plan;
  private readonly store: EventStore;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly prefix: (nowMs: number) => string;
  private readonly drillRunId: string | undefined;
  private readonly isUnavailable: (callsign: string) => boolean;
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly timers = new Map<string, (() => void)[]>();
  private readonly listeners = new Set<(events: StoredEvent[]) => void>();
  /** Work waiting for the next batch, in arrival order. */
  private inbox: Work[] = [];
  private draining: Promise<void> | null = null;
  /** Last incident number handed out per prefix (e.g. "2026"). */
  private readonly numbers = new Map<string, number>();
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
    this.snapshotEvery = options.snapshotEvery ?? 5000;
    this.isUnavailable = options.isUnavailable ?? (() => false);
    this.prefix =
      options.incidentIdPrefix ??
      ((ms) => String(yearIn(this.plan.timezone, ms)));
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
      numbers: [...this.numbers],
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
      for (const [prefix, n] of body.numbers) this.numbers.set(prefix, n);
      this.snapshotPosition = stored.position;
      return stored.position;
    } catch (err) {
      // A damaged snapshot costs time, not data: replay the whole log.
      this.log.warn({ err }, "snapshot unreadable; replaying all events");
      this.snapshots.clear();
      this.numbers.clear();
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
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Handles one validated command. A retried command id is answered with
   * the original result and changes nothing. The answer comes only after
   * the command's events are durable.
   */
  execute(command: Command): Promise<CommandResult> {
    return new Promise((answer) => {
      this.inbox.push({ kind: "command", command, answer });
      this.kick();
    });
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.inbox.length > 0) this.kick();
    });
  }

  /**
   * Group commit: whatever arrived while the last batch was syncing is
   * decided in order, each decision seeing the ones before it, and
   * written in one transaction; then every command is answered and every
   * event pushed. One sync serves the whole batch.
   */
  private async drain(): Promise<void> {
    while (this.inbox.length > 0) {
      // Let every command already on its way join the batch: answers of
      // the last batch wake their senders, whose next commands come in
      // on the following turns of the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const work = this.inbox.splice(0, MAX_BATCH);
      try {
        await this.runBatch(work);
      } catch (err) {
        this.log.error({ err }, "batch failed");
      }
    }
  }

  private async runBatch(work: Work[]): Promise<void> {
    const decided: Decided[] = [];
    const rejections: CommandRecord[] = [];
    const later: (() => void)[] = [];
    const inBatch = new Map<
      string,
      { body: string; result: Promise<CommandResult> }
    >();
    const numbers = new Map(this.numbers);

    for (const item of work) {
      if (item.kind === "timer") {
        const d = this.decideTimer(item.incidentId, item.timer);
        if (d) decided.push(d);
        continue;
      }
      const { command } = item;
      const body = canonicalJson(command);
      const same = inBatch.get(command.commandId);
      if (same) {
        // The same id twice in one batch: the second is a retry.
        const { answer } = item;
        if (same.body !== body) answer(fail(reusedId(command.commandId)));
        else
          void same.result.then((r) =>
            answer(r.ok ? { ...r, duplicate: true } : r),
          );
        continue;
      }
      const prior = await this.store.findCommand(command.commandId);
      if (prior) {
        item.answer(
          prior.body === body
            ? replayResult(prior)
            : fail(reusedId(command.commandId)),
        );
        continue;
      }
      let answer!: (r: CommandResult) => void;
      const result = new Promise<CommandResult>(
        (resolve) => (answer = resolve),
      );
      void result.then(item.answer);
      inBatch.set(command.commandId, { body, result });

      try {
        const d = this.decideCommand(command, body, numbers);
        d.answer = (stored) =>
          answer(
            stored
              ? {
                  ok: true,
                  incidentId: d.incidentId,
                  positions: stored.map((e) => e.position),
                  duplicate: false,
                }
              : fail(
                  new MusterError(
                    "INTERNAL",
                    "the store could not save the command",
                  ),
                ),
          );
        decided.push(d);
      } catch (err) {
        const error = toMusterError(err);
        if (error.code === "INTERNAL") {
          this.log.error(
            { err, commandId: command.commandId },
            "command failed",
          );
          answer(fail(error));
          continue;
        }
        const incidentId = "incidentId" in command ? command.incidentId : null;
        rejections.push({
          commandId: command.commandId,
          body,
          incidentId,
          positions: [],
          error: error.toWire(),
        });
        later.push(() => answer(fail(error)));
        this.log.warn(
          {
            commandId: command.commandId,
            type: command.type,
            code: error.code,
            path: error.path,
            reason: error.message,
          },
          "command rejected",
        );
      }
    }

    let stored: StoredEvent[][];
    try {
      stored = await this.store.commit({
        appends: decided.map((d) => d.input),
        rejections,
      });
    } catch (err) {
      // Nothing was written: undo the batch in memory and say so. A retry
      // of the same command ids may yet succeed.
      this.log.error({ err, commands: decided.length }, "store write failed");
      for (const d of [...decided].reverse()) {
        if (d.before) this.snapshots.set(d.incidentId, d.before);
        else this.snapshots.delete(d.incidentId);
      }
      for (const d of decided) d.answer?.(null);
      for (const r of rejections) {
        this.log.warn({ commandId: r.commandId }, "rejection not recorded");
      }
      for (const f of later) f();
      for (const item of work) {
        if (item.kind === "timer") this.arm(item.incidentId);
      }
      return;
    }

    for (const [prefix, n] of numbers) this.numbers.set(prefix, n);
    for (const [i, d] of decided.entries()) {
      const events = stored[i] ?? [];
      d.stored = events;
      this.commit(d.incidentId, d.after, events);
      this.logGrading(d.incidentId, events);
      if (d.timer) {
        this.log.info(
          { incidentId: d.incidentId, timer: d.timer.kind, at: d.timer.at },
          "deadline fired",
        );
      }
    }
    for (const d of decided) d.answer?.(d.stored ?? null);
    for (const f of later) f();
    await this.maybeSnapshot();
  }

  /**
   * Decides one command against the current state and applies it in
   * memory at once, so later commands of the batch see it. Throws the
   * command's refusal.
   */
  private decideCommand(
    command: Command,
    body: string,
    numbers: Map<string, number>,
  ): Decided {
    const nowMs = this.clock.now();
    const ctx = this.context(nowMs);
    let incidentId: string;
    let before: Snapshot | undefined;
    let events: NewEvent[];
    if (command.type === "incident.report") {
      // Decided before numbering, so that a refused report leaves no gap
      // in the incident numbers.
      events = decideReport(command, { ...ctx, drillRunId: this.drillRunId });
      const prefix = this.prefix(nowMs);
      const n = (numbers.get(prefix) ?? 0) + 1;
      numbers.set(prefix, n);
      incidentId = `${prefix}-${String(n).padStart(4, "0")}`;
    } else {
      incidentId = command.incidentId;
      before = this.snapshots.get(incidentId);
      if (!before) {
        throw new MusterError("NOT_FOUND", `no open incident ${incidentId}`, {
          path: "incidentId",
        });
      }
      events = decide(command, before.context, ctx);
    }
    const after = this.admit(incidentId, before, events, command);
    this.snapshots.set(incidentId, after);
    return {
      incidentId,
      before,
      after,
      input: {
        incidentId,
        expectedSeq: before?.context.seq ?? 0,
        events,
        command: { commandId: command.commandId, body },
      },
    };
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
        snap = openIncident(incidentId, event);
        continue;
      }
      const next = advance(snap, event);
      if (!next) throw notAllowed(command, snap, event);
      snap = next;
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
      this.keep(event.incidentId, openIncident(event.incidentId, event));
      this.countIncident(event.incidentId);
      return;
    }
    if (!snap) return;
    const next = advance(snap, event);
    if (!next) {
      // Every stored event was admitted when it was appended; one the
      // machine now refuses means the log and the code disagree.
      this.log.error(
        {
          incidentId: event.incidentId,
          position: event.position,
          type: event.type,
        },
        "stored event refused on replay",
      );
      return;
    }
    this.keep(event.incidentId, next);
  }

  /** Keeps the incident numbering past every id seen in the log. */
  private countIncident(incidentId: string): void {
    const match = /^(.*)-(\d+)$/.exec(incidentId);
    if (!match) return;
    const [, prefix, digits] = match;
    const n = Number(digits);
    if (n > (this.numbers.get(prefix!) ?? 0)) this.numbers.set(prefix!, n);
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

  /**
   * The world one decision sees. A unit is busy when it works any open
   * incident (drill or live); the busy set is gathered once per decision,
   * on first asking, not once per unit considered.
   */
  private context(nowMs: number): EngineContext {
    let busy: Set<string> | undefined;
    return {
      plan: this.plan,
      nowMs,
      isBusy: (callsign) => {
        busy ??= this.busyUnits();
        return busy.has(callsign) || this.isUnavailable(callsign);
      },
    };
  }

  /** Callsigns whose latest assignment on some incident is active. */
  private busyUnits(): Set<string> {
    const busy = new Set<string>();
    for (const { context } of this.snapshots.values()) {
      // Latest assignment first, as findUnit reads it.
      const seen = new Set<string>();
      for (const u of [...context.units].reverse()) {
        if (seen.has(u.callsign)) continue;
        seen.add(u.callsign);
        if (activeStatuses.includes(u.status)) busy.add(u.callsign);
      }
    }
    return busy;
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
        this.inbox.push({ kind: "timer", incidentId, timer });
        this.kick();
      }),
    );
    this.timers.set(incidentId, cancels);
  }

  private decideTimer(incidentId: string, timer: DueTimer): Decided | null {
    const before = this.snapshots.get(incidentId);
    if (!before || this.stopped) return null;
    try {
      const events = fireTimer(
        before.context,
        timer,
        this.context(this.clock.now()),
      );
      if (events.length === 0) return null;
      let after = before;
      for (const event of events) {
        const next = advance(after, event);
        if (!next) return null;
        after = next;
      }
      this.snapshots.set(incidentId, after);
      return {
        incidentId,
        before,
        after,
        timer,
        input: {
          incidentId,
          expectedSeq: before.context.seq,
          events,
          command: null,
        },
      };
    } catch (err) {
      this.log.error({ err, incidentId, timer }, "deadline failed");
      return null;
    }
  }
}

function fail(error: MusterError): CommandResult {
  return { ok: false, error: error.toWire() };
}

function reusedId(commandId: string): MusterError {
  return new MusterError(
    "COMMAND_ID_REUSED",
    `command id ${commandId} was already used for a different command`,
    { path: "commandId" },
  );
}

function replayResult(prior: CommandRecord): CommandResult {
  return prior.error
    ? { ok: false, error: prior.error }
    : {
        ok: true,
        incidentId: prior.incidentId ?? "",
        positions: prior.positions,
        duplicate: true,
      };
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
  if (command.type === "incident.close") {
    why = `only a resolved or handed-over incident closes; ${s.incidentId} is ${s.phase}`;
  }
  if (command.type === "alert.acknowledge") {
    why = `alert ${command.alertId} is already acknowledged`;
  }
  return new MusterError(
    "COMMAND_REJECTED",
    `${command.type} is not allowed now (${event.type}): ${why}`,
  );
}
