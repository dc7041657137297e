import { IncidentService, silentLogger, type Logger } from "@muster/engine";
import type { Plan } from "@muster/plan";
import type { StoredEvent } from "@muster/protocol";
import { MemoryEventStore } from "@muster/store";
import { hashText } from "./random.ts";
import type { Scenario } from "./scenario.ts";
import { Simulator, type RunNote } from "./simulator.ts";
import { VirtualClock } from "./virtualClock.ts";

/** How fast virtual time runs: N times real time, or as fast as it can. */
export type Speed = number | "max";

/** Why a run stopped. */
export type EndReason =
  /** Every inject done and the incident closed. */
  | "closed"
  /** The hard cap on virtual time was reached first. */
  | "cap"
  /** Nothing was left to happen, but the incident was not closed. */
  | "exhausted"
  /** The caller aborted the run. */
  | "aborted";

/** Everything a drill run produced: the input of the evaluation. */
export interface DrillRun {
  drillRunId: string;
  seed: number;
  startedAt: string;
  endedAt: string;
  endReason: EndReason;
  /** The incident the first report opened; null if it was never opened. */
  incidentId: string | null;
  events: StoredEvent[];
  notes: RunNote[];
}

/** What to run, how fast, and who to tell about each event. */
export interface RunScenarioOptions {
  plan: Plan;
  scenario: Scenario;
  /** The scenario's own seed when not given. */
  seed?: number;
  /** Pace of virtual time; the run's outcome does not depend on it. */
  speed?: Speed;
  /** Called with every event as it is stored. */
  onEvent?: (event: StoredEvent) => void;
  /** Defaults to an id derived from the scenario and seed. */
  drillRunId?: string;
  /** Virtual time after which the run stops; default 6 hours. */
  capMs?: number;
  /** False leaves the scenario's live units to tablets (hosted drills). */
  simulateLiveUnits?: boolean;
  signal?: AbortSignal;
  logger?: Logger;
}

/** Six virtual hours: a drill that has not closed by then never will. */
export const DEFAULT_CAP_MS = 6 * 3_600_000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A run id that depends only on the scenario and the seed, so the same
 * run gives the same report to the byte.
 */
export function defaultDrillRunId(scenario: Scenario, seed: number): string {
  const hex = hashText(JSON.stringify(scenario)).toString(16).padStart(8, "0");
  return `drill-${hex}-${seed}`;
}

/**
 * Plays a scenario through the incident engine on a virtual clock and
 * returns its events. Time moves timer by timer, never in one jump, and
 * the engine is drained after each timer, so deadlines and the commands
 * they cascade into interleave exactly; clocks come out to the ms.
 *
 * @example
 * const run = await runScenario({ plan, scenario, seed: 7, speed: "max" });
 * const evaluation = evaluateDrill({ plan, scenario, run });
 */
export async function runScenario(
  options: RunScenarioOptions,
): Promise<DrillRun> {
  const { plan, scenario } = options;
  const seed = options.seed ?? scenario.seed;
  const speed = options.speed ?? "max";
  const drillRunId = options.drillRunId ?? defaultDrillRunId(scenario, seed);
  const startMs = Date.parse(scenario.startAt);
  const capAt = startMs + (options.capMs ?? DEFAULT_CAP_MS);

  const store = new MemoryEventStore();
  const clock = new VirtualClock(startMs);
  const service = new IncidentService({
    plan,
    store,
    clock,
    logger: options.logger ?? silentLogger,
    incidentIdPrefix: () => "EX",
    drillRunId,
  });
  await service.start();

  const simulator = new Simulator({
    plan,
    scenario,
    seed,
    service,
    clock,
    simulateLiveUnits: options.simulateLiveUnits ?? true,
  });
  service.onEvents((events) => {
    simulator.react(events);
    if (options.onEvent) events.forEach((e) => options.onEvent?.(e));
  });
  simulator.scheduleInjects();

  // Pacing runs against one anchor, so sleeps that overshoot do not add up.
  const realStart = performance.now();
  let endReason: EndReason;
  for (;;) {
    await simulator.settle();
    if (options.signal?.aborted) {
      endReason = "aborted";
      break;
    }
    if (simulator.injectsFinished() && simulator.closed) {
      endReason = "closed";
      break;
    }
    const due = clock.nextDue();
    if (due === null) {
      endReason = "exhausted";
      break;
    }
    if (due > capAt) {
      clock.advanceTo(capAt);
      endReason = "cap";
      break;
    }
    if (speed !== "max") {
      const wait = realStart + (due - startMs) / speed - performance.now();
      if (wait > 0) await sleep(wait);
    }
    clock.fireNext();
  }
  service.stop();

  return {
    drillRunId,
    seed,
    startedAt: new Date(startMs).toISOString(),
    endedAt: new Date(clock.now()).toISOString(),
    endReason,
    incidentId: simulator.incidentId,
    events: await store.readAfter(0, Number.MAX_SAFE_INTEGER),
    notes: simulator.notes,
  };
}
