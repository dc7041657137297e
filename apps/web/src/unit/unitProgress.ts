import type { CommandStatus } from "@muster/client";
import type { IncidentState, UnitAssignment } from "@muster/engine";

/** How far a unit has got: 0 dispatched, 1 acknowledged, 2 en route, 3 assembled. */
export type Progress = 0 | 1 | 2 | 3;

const progressOfStatus: Partial<Record<UnitAssignment["status"], Progress>> = {
  dispatched: 0,
  ackOverdue: 0,
  acknowledged: 1,
  enRoute: 2,
  assembled: 3,
};

const progressOfCommand: Record<string, Progress> = {
  "unit.acknowledge": 1,
  "unit.enRoute": 2,
  "unit.assemble": 3,
};

/** The unit's commands for this dispatch, oldest first. */
export function dispatchCommands(
  commands: ReadonlyMap<string, CommandStatus>,
  incidentId: string,
  assignment: UnitAssignment,
  clockOffsetMs: number,
): CommandStatus[] {
  const since = Date.parse(assignment.dispatchedAt);
  return [...commands.values()].filter((status) => {
    const c = status.command;
    return (
      c.type.startsWith("unit.") &&
      "callsign" in c &&
      c.callsign === assignment.callsign &&
      c.incidentId === incidentId &&
      Date.parse(status.queuedAt) + clockOffsetMs >= since - 60_000
    );
  });
}

/**
 * The progress to show: the server's, or further when a command for the
 * next step is on its way. A leader who taps "acknowledge" in a dead spot
 * can tap "en route" next without waiting for the network.
 */
export function shownProgress(
  assignment: UnitAssignment,
  commands: CommandStatus[],
): Progress | null {
  let progress = progressOfStatus[assignment.status] ?? null;
  if (progress === null) return null;

  for (const status of commands) {
    if (status.state === "failed") continue;
    const step = progressOfCommand[status.command.type];
    if (step !== undefined && step > progress) progress = step;
  }
  return progress;
}

/** The unit's latest release by the command post, if any. */
export function lastRelease(
  incidents: ReadonlyMap<string, IncidentState>,
  callsign: string,
): { incident: IncidentState; at: string } | null {
  let found: { incident: IncidentState; at: string } | null = null;
  for (const incident of incidents.values()) {
    for (const a of incident.units) {
      if (a.callsign !== callsign || a.releasedAt === null) continue;
      if (!found || a.releasedAt > found.at) {
        found = { incident, at: a.releasedAt };
      }
    }
  }
  return found;
}
