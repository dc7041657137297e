import { setTimeout as sleep } from "node:timers/promises";
import type { CommandInput, SendOptions } from "@muster/client";
import type { SeededRandom } from "./seededRandom.ts";
import type { SimDevice } from "./simDevice.ts";

/** What the actors of a fault run share with the run. */
export interface Stage {
  /** Milliseconds since the chaos began. */
  elapsed(): number;
  /** True once the run is over or has failed: actors stop. */
  stopped(): boolean;
  /** How long an actor waits for what the server owes it. */
  readonly patienceMs: number;
  /** Counts a tap, and a link dropped just after one. */
  tapped(droppedLink: boolean): void;
  /** Taps made so far, by every tablet. */
  taps(): number;
}

export const tabletSteps = [
  "unit.acknowledge",
  "unit.enRoute",
  "unit.assemble",
] as const;

/**
 * A unit leader with a tablet: taps acknowledge, en route and assembled at
 * the times in `tapAt`, never before the dispatch shows on the screen and
 * a moment apart, and reports positions while en route, coalesced as the
 * tablet page does. Taps go through the outbox, online or not.
 */
export async function playTablet(
  stage: Stage,
  tablet: SimDevice,
  random: SeededRandom,
  tapAt: readonly number[],
): Promise<void> {
  for (const [i, type] of tabletSteps.entries()) {
    let incidentId: string | undefined;
    await until(
      () => !!(incidentId = dispatchOf(tablet)) || stage.stopped(),
      stage.patienceMs,
      () => `${tablet.name} never saw its dispatch`,
    );
    if (stage.stopped() || !incidentId) return;

    const due = Math.max(tapAt[i]!, stage.elapsed() + random.between(50, 600));
    if (type === "unit.assemble") {
      await reportPositions(stage, tablet, random, incidentId, due);
    }
    await sleep(due - stage.elapsed());
    send(tablet, { type, ...fromDevice(tablet, incidentId) });

    // Now and then the link dies just after the tap, while the command or
    // its answer is on the wire: the retry must not apply it twice.
    const drop = random.next() < 0.3;
    if (drop) setTimeout(() => tablet.dropLink(), random.between(0, 30));
    stage.tapped(drop);
  }
}

async function reportPositions(
  stage: Stage,
  tablet: SimDevice,
  random: SeededRandom,
  incidentId: string,
  dueAt: number,
): Promise<void> {
  const coalesce = `position:${incidentId}:${tablet.name}`;
  do {
    const position = {
      lat: round(30.55 + random.between(-0.01, 0.01)),
      lon: round(120.99 + random.between(-0.01, 0.01)),
    };
    const input = { ...fromDevice(tablet, incidentId), position };
    send(tablet, { type: "unit.reportPosition", ...input }, { coalesce });
    await sleep(random.between(100, 1200));
  } while (stage.elapsed() < dueAt && !stage.stopped());
}

/**
 * The operator at the console: reports the incidents at the times in
 * `reportAt` and acknowledges each group and alert, once, a moment after
 * it shows. Returns when the screen shows every one acknowledged.
 */
export async function playConsole(
  stage: Stage,
  operator: SimDevice,
  random: SeededRandom,
  reportAt: readonly number[],
): Promise<void> {
  let reported = 0;
  const meant = new Set<string>();
  while (!stage.stopped()) {
    while (
      reported < reportAt.length &&
      stage.elapsed() >= reportAt[reported]!
    ) {
      send(operator, reportCommand(reported++));
    }
    const { incidents } = operator.client.getSnapshot();
    for (const incident of incidents.values()) {
      const { incidentId } = incident;
      const open: CommandInput[] = [
        ...incident.groups
          .filter((g) => g.acknowledgedAt === null)
          .map(
            (g) =>
              ({
                type: "group.acknowledge",
                incidentId,
                group: g.group,
              }) as const,
          ),
        ...incident.alerts
          .filter((a) => a.acknowledgedAt === null)
          .map(
            (a) =>
              ({
                type: "alert.acknowledge",
                incidentId,
                alertId: a.alertId,
              }) as const,
          ),
      ];
      for (const command of open) {
        const key = JSON.stringify(command);
        if (meant.has(key)) continue;
        meant.add(key);
        const delay = random.between(0, 2000);
        setTimeout(() => stage.stopped() || send(operator, command), delay);
      }
    }
    const done = [...incidents.values()].every(
      (i) =>
        i.groups.every((g) => g.acknowledgedAt !== null) &&
        i.alerts.every((a) => a.acknowledgedAt !== null),
    );
    if (reported === reportAt.length && incidents.size === reported && done) {
      return;
    }
    await sleep(100);
  }
}

/** Polls until `ready` holds, or fails after `ms` saying what is missing. */
export async function until(
  ready: () => boolean | Promise<boolean>,
  ms: number,
  missing: () => string | Promise<string>,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${ms} ms: ${await missing()}`);
    }
    await sleep(100);
  }
}

/** The incident the tablet's unit is dispatched to, as its screen shows. */
function dispatchOf(tablet: SimDevice): string | undefined {
  const { incidents } = tablet.client.getSnapshot();
  for (const incident of incidents.values()) {
    if (incident.units.some((u) => u.callsign === tablet.name)) {
      return incident.incidentId;
    }
  }
  return undefined;
}

/** Queues a command; its answer is read from the command log at the end. */
function send(
  device: SimDevice,
  input: CommandInput,
  options?: SendOptions,
): void {
  // A closed session rejects what it held; the next session delivers it.
  device.client.send(input, options).catch(() => undefined);
}

/** What a tablet's status carries, as the tablet page sends it. */
function fromDevice(tablet: SimDevice, incidentId: string) {
  const { clockOffsetMs } = tablet.client.getSnapshot();
  return {
    incidentId,
    callsign: tablet.name,
    // The tap's own time: it counts when the clock offset is known.
    deviceAt: new Date().toISOString(),
    ...(clockOffsetMs === null ? {} : { clockOffsetMs }),
  };
}

function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

function reportCommand(n: number): CommandInput {
  return {
    type: "incident.report",
    place: {
      name: `Fault-test site ${n + 1}`,
      position: { lat: 30.548 + n * 1e-4, lon: 120.995 },
    },
    incidentType: "labour-wage",
    // Level I: every tier is dispatched.
    headcount: 120,
    conduct: "tendency",
    district: "wanghai",
  };
}
