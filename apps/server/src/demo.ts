import { randomUUID } from "node:crypto";
import type { Command, CommandResult, StoredEvent } from "@muster/protocol";
import type { IncidentService, Logger } from "@muster/engine";
import { travelMinutes, unitByCallsign, tierById } from "@muster/plan";

type Body = Command extends infer C
  ? C extends Command
    ? Omit<C, "commandId">
    : never
  : never;

const second = 1000;

/** The unit the demo leaves to a person, so the tablet page has a job. */
export const HUMAN_UNIT = "WH-P1";
const minute = 60 * second;

/** Seconds between the end of one demo incident and the next report. */
const PAUSE_BETWEEN_INCIDENTS = 60 * second;

/**
 * Plays demo incidents in real time on the live engine: the operator's
 * reports and the units' taps are sent as ordinary commands, so the wall
 * shows exactly what a real incident would. One incident at a time, a
 * peaceful gathering beside it, then a pause, then the next.
 */
export function startDemo(
  service: IncidentService,
  log: Logger,
  /** Records each demo command and its answer in the audit trail. */
  audit: (command: Command, result: CommandResult) => void = () => undefined,
): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  let cycle = 0;
  const mine = new Set<string>();

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  };
  const send = (body: Body) => {
    const command = { ...body, commandId: `demo-${randomUUID()}` };
    return service.execute(command).then((result) => {
      audit(command, result);
      if (!result.ok) {
        log.debug(
          { code: result.error.code, type: body.type },
          "demo step refused",
        );
      }
      return result;
    });
  };

  const stopListening = service.onEvents((events) => {
    for (const event of events) react(event);
  });

  function react(event: StoredEvent): void {
    const id = event.incidentId;
    if (
      event.type === "incident.reported" &&
      event.commandId?.startsWith("demo-")
    ) {
      mine.add(id);
    }
    // Incidents an operator reports during the demo are left to people.
    if (!mine.has(id)) return;
    switch (event.type) {
      case "unit.dispatched":
        playUnit(id, event.data.callsign, event.data.tier);
        break;
      case "commandPost.activated":
        for (const [i, group] of event.data.groups.entries()) {
          // One group answers late, so the wall shows an open one.
          const delay =
            group === "publicinfo" ? 2 * minute : (8 + i * 4) * second;
          later(delay, () => {
            // After an escalation the list holds groups already answered.
            const state = service.incident(id);
            const open = state?.groups.some(
              (g) => g.group === group && g.acknowledgedAt === null,
            );
            if (open)
              void send({ type: "group.acknowledge", incidentId: id, group });
          });
        }
        break;
      case "replacement.offered":
        if (event.data.candidate) {
          const replaces = event.data.replaces;
          later(
            20 * second,
            () =>
              void send({
                type: "replacement.accept",
                incidentId: id,
                replaces,
              }),
          );
        }
        break;
      case "alert.raised": {
        const alertId = event.data.alertId;
        later(
          45 * second,
          () =>
            void send({ type: "alert.acknowledge", incidentId: id, alertId }),
        );
        break;
      }
      default:
        break;
    }
  }

  function playUnit(incidentId: string, callsign: string, tierId: string) {
    const unit = unitByCallsign(service.plan, callsign);
    const tier = tierById(service.plan, tierId);
    const state = service.incident(incidentId);
    if (!unit || !tier || !state) return;
    // This unit is left to the visitor's tablet page (/unit/WH-P1).
    if (callsign === HUMAN_UNIT) return;
    // The first volunteer unit of each demo incident never answers, to
    // show the acknowledgement clock and the replacement offer.
    const silent =
      tierId === "volunteers" &&
      !state.units.some(
        (u) => u.tier === "volunteers" && u.callsign !== callsign,
      );
    if (silent) return;

    const ackAfter = (6 + Math.random() * 20) * second;
    const travel =
      travelMinutes(unit, unit.home, state.place.position) * minute;
    // Keep most units inside their clock; the standby team runs late.
    const limit =
      tier.clockMinutes * minute * (tierId === "standby" ? 1.15 : 0.8);
    const drive = Math.min(travel, limit - ackAfter - 5 * second);
    const tap = (type: "unit.acknowledge" | "unit.enRoute" | "unit.assemble") =>
      void send({
        type,
        incidentId,
        callsign,
        deviceAt: new Date().toISOString(),
        clockOffsetMs: 0,
      });

    later(ackAfter, () => tap("unit.acknowledge"));
    later(ackAfter + 4 * second, () => tap("unit.enRoute"));
    later(ackAfter + 4 * second + Math.max(drive, 20 * second), () =>
      tap("unit.assemble"),
    );
  }

  async function playIncident(): Promise<void> {
    cycle += 1;
    const report = await send({
      type: "incident.report",
      place: {
        name: "望海街道 海滨路 工业园区门口",
        position: { lat: 30.548, lon: 120.995 },
      },
      incidentType: "labour-wage",
      headcount: 35,
      conduct: "tendency",
    });
    const watch = await send({
      type: "incident.report",
      place: {
        name: "武原街道 人民广场",
        position: { lat: 30.531, lon: 120.937 },
      },
      incidentType: "other",
      headcount: 12,
      conduct: "none",
    });
    if (!report.ok) return;
    const id = report.incidentId;
    log.info({ incidentId: id, cycle }, "demo incident reported");

    later(
      90 * second,
      () =>
        void send({
          type: "incident.update",
          incidentId: id,
          headcount: 64,
          conduct: "tendency",
        }),
    );
    later(
      19 * minute,
      () =>
        void send({
          type: "incident.resolve",
          incidentId: id,
          note: "demo: workers' wages agreed",
        }),
    );
    later(20 * minute, () => {
      void send({ type: "incident.close", incidentId: id });
      if (watch.ok) {
        void send({
          type: "incident.resolve",
          incidentId: watch.incidentId,
        }).then(() =>
          send({ type: "incident.close", incidentId: watch.incidentId }),
        );
      }
      later(PAUSE_BETWEEN_INCIDENTS, () => void playIncident());
    });
  }

  later(2 * second, () => void playIncident());
  log.info({}, "demo started");

  return () => {
    stopped = true;
    stopListening();
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
