import { isDeepStrictEqual } from "node:util";
import type { StoredEvent } from "@muster/protocol";
import { foldIncidents } from "@muster/engine";
import type { SimDevice } from "./simDevice.ts";

const PAGE = 1000;

/**
 * The server's whole event log, read through the HTTP API page by page
 * as someone who sees every incident (`token`).
 */
export async function readLog(
  url: string,
  token: string,
): Promise<StoredEvent[]> {
  const log: StoredEvent[] = [];
  for (;;) {
    const after = log.at(-1)?.position ?? 0;
    const res = await fetch(`${url}/api/events?after=${after}&limit=${PAGE}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { ok: boolean; events: StoredEvent[] };
    if (!res.ok || !body.ok) throw new Error(`GET /api/events: ${res.status}`);
    log.push(...body.events);
    if (body.events.length < PAGE) return log;
  }
}

const statusEvents = {
  "unit.acknowledge": "unit.acknowledged",
  "unit.enRoute": "unit.enRoute",
  "unit.assemble": "unit.assembled",
} as const;

/**
 * Checks that the log is whole: positions gap-free from 1, each
 * incident's seqs gap-free from 1.
 */
export function checkLogShape(log: readonly StoredEvent[]): string[] {
  const problems: string[] = [];
  const seqs = new Map<string, number>();
  log.forEach((event, i) => {
    if (event.position !== i + 1) {
      problems.push(`log: position ${event.position} where ${i + 1} belongs`);
    }
    const seq = (seqs.get(event.incidentId) ?? 0) + 1;
    if (event.seq !== seq) {
      problems.push(
        `log: ${event.incidentId} seq ${event.seq} where ${seq} belongs`,
      );
    }
    seqs.set(event.incidentId, event.seq);
  });
  return problems;
}

/**
 * Every command answered ok was applied exactly once: its answer names
 * exactly the positions the log holds for its id (a second application
 * would add more), every id in the log came from one append and from a
 * command some device meant to send, and nothing was refused.
 */
export function checkAppliedOnce(
  log: readonly StoredEvent[],
  devices: readonly SimDevice[],
): string[] {
  const problems: string[] = [];
  const byCommand = groupByCommand(log);
  const intended = new Set(
    devices.flatMap((d) => d.outbox.intended.map((c) => c.commandId)),
  );

  for (const device of devices) {
    for (const status of device.answered()) {
      const { command, result } = status;
      const what = `${device.name}: ${command.type} ${command.commandId}`;
      if (!result?.ok) {
        const error = result?.ok === false ? result.error : status.error;
        problems.push(`${what} refused: ${error?.code} ${error?.message}`);
        continue;
      }
      const logged = positionsOf(byCommand.get(command.commandId));
      if (!isDeepStrictEqual(logged, result.positions)) {
        problems.push(
          `${what} answered [${result.positions.join(",")}] ` +
            `but the log holds [${logged.join(",")}]`,
        );
      }
    }
  }

  for (const [commandId, events] of byCommand) {
    const positions = positionsOf(events);
    const first = positions[0]!;
    const oneAppend =
      positions.every((p, i) => p === first + i) &&
      events.every((e) => e.incidentId === events[0]!.incidentId);
    if (!oneAppend) {
      problems.push(
        `command ${commandId} produced events in more than one append: ` +
          `[${positions.join(",")}]`,
      );
    }
    if (!intended.has(commandId)) {
      problems.push(`command ${commandId} in the log was sent by no device`);
    }
  }
  return problems;
}

/**
 * No command was lost: every outbox is empty, every command a device put
 * in it was answered in some session and is in the log, and each status a
 * tablet meant to send is in the log exactly once, from its own command.
 */
export async function checkNothingLost(
  log: readonly StoredEvent[],
  devices: readonly SimDevice[],
  tablets: readonly SimDevice[],
): Promise<string[]> {
  const problems: string[] = [];
  const byCommand = groupByCommand(log);

  for (const device of devices) {
    const held = await device.outbox.load();
    if (held.length > 0) {
      problems.push(`${device.name}: outbox still holds ${held.length}`);
    }
    const answered = new Set(device.answered().map((s) => s.command.commandId));
    const superseded = device.superseded();
    for (const command of device.outbox.intended) {
      // A position a newer one replaced in the outbox may go unsaid.
      if (superseded.has(command.commandId)) continue;
      const what = `${device.name}: ${command.type} ${command.commandId}`;
      if (!answered.has(command.commandId)) {
        problems.push(`${what} was never answered`);
      }
      if (!byCommand.has(command.commandId)) {
        problems.push(`${what} is not in the log`);
      }
    }
  }

  for (const tablet of tablets) {
    const callsign = tablet.name;
    const mine = new Set(tablet.outbox.intended.map((c) => c.commandId));
    for (const [type, eventType] of Object.entries(statusEvents)) {
      const sent = tablet.outbox.intended.filter((c) => c.type === type);
      const logged = log.filter(
        (e) =>
          e.type === eventType &&
          "callsign" in e.data &&
          e.data.callsign === callsign,
      );
      if (sent.length !== 1 || logged.length !== 1) {
        problems.push(
          `${callsign}: ${type} sent ${sent.length} times, ` +
            `${eventType} logged ${logged.length} times; expected once each`,
        );
      } else if (!mine.has(logged[0]!.commandId ?? "")) {
        problems.push(`${callsign}: ${eventType} came from another command`);
      }
    }
  }
  return problems;
}

/**
 * Each unit stands where its tablet last said, on the server and on every
 * screen: the tablet's last position report is in the log (nothing newer
 * could replace it) and every client's unit holds that fix.
 */
export function checkPositions(
  log: readonly StoredEvent[],
  devices: readonly SimDevice[],
  tablets: readonly SimDevice[],
): string[] {
  const problems: string[] = [];
  const logged = new Set(log.map((e) => e.commandId));
  for (const tablet of tablets) {
    const last = tablet.outbox.intended
      .filter((c) => c.type === "unit.reportPosition")
      .at(-1);
    if (!last) {
      problems.push(`${tablet.name}: reported no position`);
      continue;
    }
    if (!logged.has(last.commandId)) {
      problems.push(`${tablet.name}: last position is not in the log`);
    }
    const expected = { ...last.position, at: last.deviceAt };
    for (const device of devices) {
      const incident = device.client
        .getSnapshot()
        .incidents.get(last.incidentId);
      const unit = incident?.units.find((u) => u.callsign === tablet.name);
      if (!isDeepStrictEqual(unit?.position, expected)) {
        problems.push(
          `${device.name}: ${tablet.name} at ${JSON.stringify(unit?.position)}` +
            `, last reported ${JSON.stringify(expected)}`,
        );
      }
    }
  }
  return problems;
}

/**
 * Every client holds the server's state, event for event: its position
 * is the head, each incident's timeline is the log's, and its folded
 * incidents deep-equal the fold of the whole log.
 */
export function checkClientsAgree(
  log: readonly StoredEvent[],
  devices: readonly SimDevice[],
): string[] {
  const problems: string[] = [];
  const head = log.at(-1)?.position ?? 0;
  const folded = foldIncidents(log);
  const timelines = new Map<string, StoredEvent[]>();
  for (const event of log) {
    const timeline = timelines.get(event.incidentId) ?? [];
    timeline.push(event);
    timelines.set(event.incidentId, timeline);
  }

  for (const device of devices) {
    const snapshot = device.client.getSnapshot();
    if (snapshot.position !== head) {
      problems.push(
        `${device.name}: at position ${snapshot.position}, head is ${head}`,
      );
    }
    const ids = [...snapshot.incidents.keys()].sort();
    if (!isDeepStrictEqual(ids, [...folded.keys()].sort())) {
      problems.push(`${device.name}: holds incidents ${ids.join(",")}`);
    }
    for (const [incidentId, state] of folded) {
      const mine = snapshot.incidents.get(incidentId);
      const where = differsAt(mine, state, incidentId);
      if (where !== null) {
        problems.push(`${device.name}: incident differs at ${where}`);
      }
      const timeline = snapshot.timelines.get(incidentId);
      if (!isDeepStrictEqual(timeline, timelines.get(incidentId))) {
        problems.push(
          `${device.name}: timeline of ${incidentId} is at positions ` +
            `[${positionsOf(timeline).join(",")}]`,
        );
      }
    }
  }
  return problems;
}

/** The path of the first difference between two values, or null. */
export function differsAt(a: unknown, b: unknown, path = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inner = differsAt(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (inner !== null) return inner;
  }
  return `${path}: differs`;
}

function groupByCommand(
  log: readonly StoredEvent[],
): Map<string, StoredEvent[]> {
  const out = new Map<string, StoredEvent[]>();
  for (const event of log) {
    if (event.commandId === null) continue;
    const events = out.get(event.commandId) ?? [];
    events.push(event);
    out.set(event.commandId, events);
  }
  return out;
}

function positionsOf(events: readonly StoredEvent[] | undefined): number[] {
  return (events ?? []).map((e) => e.position);
}
