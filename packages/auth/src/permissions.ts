import type { Command, Role } from "@muster/protocol";

/**
 * Everything a person or device can ask the server to do. Live incident
 * commands are grouped by who decides them in the plan; reads are actions
 * too, so that one table answers every route and socket message.
 */
export type Action =
  | "incident.report"
  | "incident.update"
  | "incident.closeout"
  | "group.acknowledge"
  | "step.complete"
  | "alert.acknowledge"
  | "replacement.accept"
  | "unit.release"
  /** A unit's acknowledge, decline, en route or assembled. */
  | "unit.status"
  | "unit.position"
  | "live.read"
  | "report.read"
  | "drill.read"
  /** Start, pause, resume, speed, inject and end a drill. */
  | "drill.run"
  /** A command inside a running drill, as the role would in earnest. */
  | "drill.command"
  | "device.enrol"
  | "device.revoke"
  | "account.manage"
  | "audit.read";

/**
 * How far an allowance reaches: the identity's own districts, its own
 * unit, or everything (only the administrator's account keeping).
 */
export type Scope = "district" | "unit" | "everywhere";

type Allowances = Partial<Record<Action, Scope>>;

/** What every person who works an incident may read. */
const reader: Allowances = {
  "live.read": "district",
  "report.read": "district",
  "drill.read": "district",
};

/** What the commander and the first deputy may do to run an incident. */
const incidentCommand: Allowances = {
  ...reader,
  "incident.report": "district",
  "incident.update": "district",
  "incident.closeout": "district",
  "group.acknowledge": "district",
  "step.complete": "district",
  "alert.acknowledge": "district",
  "replacement.accept": "district",
  "unit.release": "district",
  "unit.status": "district",
  "drill.command": "district",
  "audit.read": "district",
};

/**
 * The one table of role × action × scope. An action missing from a role
 * is refused. Staff may record a unit's status on its behalf (a leader
 * who answers by radio); only the unit's own tablet or leader sends its
 * position, which the wall draws as where the unit is.
 */
export const permissions: Record<Role, Allowances> = {
  admin: {
    "account.manage": "everywhere",
    "device.revoke": "everywhere",
    "audit.read": "everywhere",
  },
  commander: {
    ...incidentCommand,
    "device.enrol": "district",
    "device.revoke": "district",
  },
  deputy: { ...incidentCommand },
  groupLead: {
    ...reader,
    "group.acknowledge": "district",
    "step.complete": "district",
    "drill.command": "district",
  },
  dispatcher: {
    ...reader,
    "incident.report": "district",
    "incident.update": "district",
    "alert.acknowledge": "district",
    "replacement.accept": "district",
    "unit.release": "district",
    "unit.status": "district",
    "drill.command": "district",
  },
  unitLeader: {
    "live.read": "district",
    "drill.read": "district",
    "unit.status": "unit",
    "unit.position": "unit",
    "drill.command": "unit",
  },
  drillCoordinator: {
    ...reader,
    "drill.run": "district",
    "drill.command": "district",
  },
  observer: { ...reader },
};

/** The action a live command asks for. */
export function actionOf(command: Command): Action {
  switch (command.type) {
    case "incident.report":
      return "incident.report";
    case "incident.update":
      return "incident.update";
    case "incident.resolve":
    case "incident.handToFollowUp":
    case "incident.close":
      return "incident.closeout";
    case "group.acknowledge":
      return "group.acknowledge";
    case "step.complete":
      return "step.complete";
    case "alert.acknowledge":
      return "alert.acknowledge";
    case "replacement.accept":
      return "replacement.accept";
    case "unit.release":
      return "unit.release";
    case "unit.acknowledge":
    case "unit.decline":
    case "unit.enRoute":
    case "unit.assemble":
      return "unit.status";
    case "unit.reportPosition":
      return "unit.position";
  }
}
