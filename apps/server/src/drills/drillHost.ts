import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  DrillSession,
  buildReport,
  evaluateDrill,
  reportCsv,
  reportHtml,
  reportJson,
  type DrillReport,
  type Scenario,
  type Speed,
} from "@muster/drill";
import { loadScenario } from "@muster/drill/load";
import {
  foldIncidents,
  isCurrent,
  type IncidentService,
  type IncidentState,
  type Logger,
} from "@muster/engine";
import { yearIn, type Plan } from "@muster/plan";
import {
  Command,
  MusterError,
  badRequest,
  type CommandResult,
  type StoredEvent,
} from "@muster/protocol";
import { UnitRegistry } from "./unitRegistry.ts";
import { programme, type Programme } from "@muster/drill";
import { readDrillRecords } from "../drillProgram.ts";

/** One scenario the coordinator may start. */
export interface ScenarioEntry {
  file: string;
  title: Scenario["title"] | null;
  playbook: string | null;
  expectedLevel: string | null;
  liveUnits: string[];
  /** Set when the file does not load; the console shows it. */
  error: string | null;
}

/** What `drills/<run>/record.json` keeps of a drill run on the server. */
export interface DrillRecord {
  drillRunId: string;
  scenario: string;
  playbook: string;
  expectedLevel: string;
  levelReached: string | null;
  startedAt: string;
  endedAt: string;
  endReason: string;
  /** Counts toward the year's programme (§8). */
  counts: boolean;
}

interface Active {
  session: DrillSession;
  scenario: Scenario;
  file: string;
  startedAt: string;
  withdrawn: { callsign: string; liveIncident: string; at: string }[];
  done: Promise<void>;
  report: DrillReport | null;
}

let commandCounter = 0;
const hostCommandId = (runId: string) =>
  `${runId}-host-${String(++commandCounter).padStart(6, "0")}`;

/**
 * Hosts one drill at a time beside live work: its own incident service,
 * store and paced virtual clock; units enlisted through the registry; and
 * the drill's data on its own API, never on the live event stream. A
 * finished run is written to `<data>/drills/<run>/` with its reports.
 */
export class DrillHost {
  readonly registry: UnitRegistry;
  private active: Active | null = null;

  constructor(
    private readonly opts: {
      plan: Plan;
      live: IncidentService;
      scenarioDir: string;
      dataDir: string;
      log: Logger;
    },
  ) {
    this.registry = new UnitRegistry(opts.live);
    opts.live.onEvents((events) => this.onLiveEvents(events));
  }

  /** The scenarios in the scenario folder, loadable or not. */
  scenarios(): ScenarioEntry[] {
    if (!existsSync(this.opts.scenarioDir)) return [];
    return readdirSync(this.opts.scenarioDir)
      .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
      .sort()
      .map((file) => {
        try {
          const s = this.load(file);
          return {
            file,
            title: s.title,
            playbook: s.playbook,
            expectedLevel: s.expectedLevel,
            liveUnits: s.liveUnits,
            error: null,
          };
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          return {
            file,
            title: null,
            playbook: null,
            expectedLevel: null,
            liveUnits: [],
            error: message,
          };
        }
      });
  }

  /** Starts a scenario; refused while another drill runs. */
  start(input: { scenario: string; speed: Speed; seed?: number }): void {
    if (this.active && this.active.session.status !== "ended") {
      throw new MusterError(
        "COMMAND_REJECTED",
        `drill ${this.active.session.drillRunId} is still running; end it first`,
      );
    }
    const file = basename(input.scenario);
    const scenario = this.load(file);
    const drillRunId = this.nextRunId();
    this.registry.enlist(this.opts.plan.units.map((u) => u.callsign));
    const log = this.opts.log;
    const session = new DrillSession({
      plan: this.opts.plan,
      scenario,
      drillRunId,
      speed: input.speed,
      ...(input.seed === undefined ? {} : { seed: input.seed }),
      isUnavailable: this.registry.drillMayNotSend,
      incidentIdPrefix: `D${drillRunId.replace(/\D/g, "")}`,
    });
    const active: Active = {
      session,
      scenario,
      file,
      startedAt: new Date().toISOString(),
      withdrawn: [],
      done: Promise.resolve(),
      report: null,
    };
    active.done = session
      .start()
      .then(async () => this.finish(active))
      .catch((err: unknown) => log.error({ err, drillRunId }, "drill failed"));
    this.active = active;
    log.info({ drillRunId, scenario: file }, "drill started");
  }

  pause(): void {
    this.running().pause();
  }

  resume(): void {
    this.running().resume();
  }

  setSpeed(speed: Speed): void {
    this.running().setSpeed(speed);
  }

  async end(): Promise<void> {
    const active = this.active;
    if (!active || active.session.status === "ended") return;
    active.session.end();
    await active.done;
  }

  /** A hand inject from the console: a command on the drill incident. */
  inject(body: Record<string, unknown>): Promise<CommandResult> {
    const session = this.running();
    const incidentId = session.incidentId;
    if (incidentId === null) {
      throw new MusterError("NOT_FOUND", "the drill has no incident yet");
    }
    // Checked like any command: an inject is typed by hand.
    const parsed = Command.safeParse({
      ...body,
      incidentId,
      commandId: hostCommandId(session.drillRunId),
    });
    if (!parsed.success) throw badRequest(parsed.error);
    return session.execute(parsed.data);
  }

  /** A command from a tablet (or the console) on the drill incident. */
  command(command: Command): Promise<CommandResult> {
    const session = this.running();
    if (
      !("incidentId" in command) ||
      command.incidentId !== session.incidentId
    ) {
      throw new MusterError(
        "NOT_FOUND",
        "a drill command must name the drill's incident",
        { path: "incidentId" },
      );
    }
    return session.execute(command);
  }

  /** The drill as the /drill console shows it, with live scoring. */
  async status() {
    const active = this.active;
    if (!active) return { active: false as const };
    const { session, scenario } = active;
    const events = await session.events();
    const incident = this.incidentOf(events);
    return {
      active: true as const,
      exercise: true as const,
      drillRunId: session.drillRunId,
      scenario: {
        file: active.file,
        title: scenario.title,
        playbook: scenario.playbook,
        expectedLevel: scenario.expectedLevel,
        liveUnits: scenario.liveUnits,
      },
      status: session.status,
      speed: session.currentSpeed,
      virtualNow: new Date(session.virtualNow()).toISOString(),
      startedAt: active.startedAt,
      enlisted: this.registry.list(),
      withdrawn: active.withdrawn,
      incident,
      evaluation: evaluateDrill({ plan: this.opts.plan, scenario, events }),
      events: events.slice(-200),
      endReason: session.status === "ended" ? session.run().endReason : null,
    };
  }

  /** A unit's drill assignment for its tablet, marked as an exercise. */
  async unitView(callsign: string) {
    const active = this.active;
    if (!active || active.session.status === "ended") return null;
    // Only the units the scenario plays live answer on their tablets; the
    // rest are simulated and their tablets stay out of the drill.
    if (!active.scenario.liveUnits.includes(callsign)) return null;
    const incident = this.incidentOf(await active.session.events());
    const assignment =
      incident?.units.findLast((u) => u.callsign === callsign) ?? null;
    if (!incident || !assignment || !isCurrent(assignment)) return null;
    return {
      exercise: true as const,
      drillRunId: active.session.drillRunId,
      virtualNow: new Date(active.session.virtualNow()).toISOString(),
      incident,
      assignment,
    };
  }

  /** The report of the current or last drill. */
  async report(): Promise<DrillReport | null> {
    const active = this.active;
    if (!active) return null;
    if (active.report) return active.report;
    const events = await active.session.events();
    if (events.length === 0) return null;
    return this.reportOf(active, events);
  }

  /** The drill's report against its own scenario (expected level too). */
  private reportOf(active: Active, events: StoredEvent[]): DrillReport {
    const { plan } = this.opts;
    const { scenario, session } = active;
    return buildReport({
      plan,
      scenario,
      run: { ...session.run(), events },
      evaluation: evaluateDrill({ plan, scenario, events }),
    });
  }

  private running(): DrillSession {
    const session = this.active?.session;
    if (!session || session.status === "ended") {
      throw new MusterError("NOT_FOUND", "no drill is running");
    }
    return session;
  }

  private load(file: string): Scenario {
    return loadScenario(join(this.opts.scenarioDir, file), this.opts.plan);
  }

  private incidentOf(events: StoredEvent[]): IncidentState | null {
    const first = events[0];
    if (!first) return null;
    return foldIncidents(events).get(first.incidentId) ?? null;
  }

  /** The drills completed on this server in `year`, against the plan. */
  programme(year: number): Programme {
    return programme(this.opts.plan, readDrillRecords(this.opts.dataDir), year);
  }

  private drillsDir(): string {
    return join(this.opts.dataDir, "drills");
  }

  private nextRunId(): string {
    const year = yearIn(this.opts.plan.timezone, Date.now());
    const dir = this.drillsDir();
    const taken = existsSync(dir)
      ? readdirSync(dir).filter((d) => d.startsWith(`drill-${year}-`)).length
      : 0;
    return `drill-${year}-${String(taken + 1).padStart(3, "0")}`;
  }

  /**
   * Live work first: when the live service dispatches a unit enlisted in
   * the drill, the unit leaves the drill and is released from the drill
   * incident at once.
   */
  private onLiveEvents(events: StoredEvent[]): void {
    for (const e of events) {
      if (e.type !== "unit.dispatched") continue;
      const callsign = e.data.callsign;
      if (!this.registry.withdraw(callsign)) continue;
      const active = this.active;
      if (!active || active.session.status === "ended") continue;
      void this.releaseFromDrill(active, callsign, e.incidentId, e.at);
    }
  }

  private async releaseFromDrill(
    active: Active,
    callsign: string,
    liveIncident: string,
    at: string,
  ): Promise<void> {
    const { session } = active;
    const incidentId = session.incidentId;
    if (incidentId === null) return;
    const state = session.service.incident(incidentId);
    const unit = state?.units.findLast((u) => u.callsign === callsign);
    if (!unit || !isCurrent(unit) || unit.status === "declined") return;
    active.withdrawn.push({ callsign, liveIncident, at });
    const result = await session.execute({
      type: "unit.release",
      incidentId,
      callsign,
      commandId: hostCommandId(session.drillRunId),
    });
    this.opts.log.info(
      { drillRunId: session.drillRunId, callsign, liveIncident, ok: result.ok },
      "unit released from drill for live work",
    );
  }

  private async finish(active: Active): Promise<void> {
    const { session, scenario } = active;
    this.registry.clear();
    const events = await session.events();
    const run = session.run();
    if (events.length === 0) return;
    const report = this.reportOf(active, events);
    active.report = report;
    const dir = join(this.drillsDir(), session.drillRunId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "report.json"), reportJson(report));
    writeFileSync(join(dir, "report.csv"), reportCsv(report));
    writeFileSync(join(dir, "report.html"), reportHtml(report, this.opts.plan));
    const record: DrillRecord = {
      drillRunId: session.drillRunId,
      scenario: active.file,
      playbook: scenario.playbook,
      expectedLevel: scenario.expectedLevel,
      levelReached: report.incident?.levelReached ?? null,
      startedAt: active.startedAt,
      endedAt: new Date().toISOString(),
      endReason: run.endReason,
      // §8: a drill counts once played through on the server: closed, or
      // ended by the coordinator after the incident was graded.
      counts: report.incident?.gradedAt != null,
    };
    writeFileSync(
      join(dir, "record.json"),
      JSON.stringify(record, null, 2) + "\n",
    );
    this.opts.log.info(
      { drillRunId: session.drillRunId, endReason: run.endReason },
      "drill ended",
    );
  }
}
