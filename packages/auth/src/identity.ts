import type { IdentityView, Role } from "@muster/protocol";
import { permissions, type Action } from "./permissions.ts";

/** Who is behind a request or socket, as the server holds it. */
export interface Identity {
  kind: "person" | "device";
  /** Account id, or device id. */
  id: string;
  /** Sign-in name, or the device's label. */
  name: string;
  role: Role;
  districts: readonly string[];
  /** The one unit a unit leader or a tablet acts for. */
  unit: string | null;
  /** The session this identity signed in with; a device's own id. */
  sessionId: string;
  /** When the session ends (epoch ms); null: until revoked. */
  expiresAt: number | null;
  passwordChangeRequired: boolean;
}

/** What an action is about, as far as scope is concerned. */
export interface Target {
  /** The district that organises the incident or owns the thing. */
  district?: string;
  /** Districts an incident has asked for mutual aid: they may read it. */
  aidDistricts?: readonly string[];
  /** The unit a unit command is for. */
  unit?: string;
}

export type Decision = { ok: true } | { ok: false; reason: string };

/**
 * Decides one action from the table: allowed for the role, and within
 * the identity's districts or unit. Reads of an incident also reach the
 * districts it asked for mutual aid; a unit's own dispatches reach its
 * leader whichever district organises the incident.
 */
export function authorise(
  identity: Identity,
  action: Action,
  target: Target = {},
): Decision {
  const who = describe(identity);
  if (identity.passwordChangeRequired) {
    return {
      ok: false,
      reason: `${who} must set a new password before doing anything else`,
    };
  }
  const scope = permissions[identity.role][action];
  if (!scope) {
    return { ok: false, reason: `${who} may not ${phrase(action)}` };
  }
  if (scope === "everywhere") return { ok: true };
  if (scope === "unit") {
    if (identity.unit !== null && target.unit === identity.unit) {
      return { ok: true };
    }
    return {
      ok: false,
      reason:
        target.unit === undefined
          ? `${who} acts only for unit ${identity.unit ?? "(none)"}, and this names no unit`
          : `${who} acts only for unit ${identity.unit ?? "(none)"}, not ${target.unit}`,
    };
  }
  if (target.district === undefined) return { ok: true };
  if (identity.districts.includes(target.district)) return { ok: true };
  const readsAid =
    action === "live.read" || action === "report.read"
      ? (target.aidDistricts ?? []).some((d) => identity.districts.includes(d))
      : false;
  if (readsAid) return { ok: true };
  return {
    ok: false,
    reason: `${who} may ${phrase(action)} only in ${identity.districts.join(", ")}, not in ${target.district}`,
  };
}

/** The identity as the page is told it. */
export function viewOf(identity: Identity): IdentityView {
  return {
    kind: identity.kind,
    id: identity.id,
    name: identity.name,
    role: identity.role,
    districts: [...identity.districts],
    unit: identity.unit,
    expiresAt:
      identity.expiresAt === null
        ? null
        : new Date(identity.expiresAt).toISOString(),
    passwordChangeRequired: identity.passwordChangeRequired,
  };
}

function describe(identity: Identity): string {
  if (identity.kind === "device") {
    return identity.unit
      ? `the tablet of ${identity.unit}`
      : `the display "${identity.name}"`;
  }
  return `${identity.name} (${identity.role})`;
}

const phrases: Record<Action, string> = {
  "incident.report": "report incidents",
  "incident.update": "update incidents",
  "incident.closeout": "resolve, hand over or close incidents",
  "group.acknowledge": "acknowledge command-post groups",
  "step.complete": "complete playbook steps",
  "alert.acknowledge": "acknowledge alerts",
  "replacement.accept": "accept replacements",
  "unit.release": "release units",
  "unit.status": "record a unit's status",
  "unit.position": "report a unit's position",
  "live.read": "see live incidents",
  "report.read": "read incident reports",
  "drill.read": "see drills",
  "drill.run": "start, steer or end drills",
  "drill.command": "act in drills",
  "device.enrol": "enrol devices",
  "device.revoke": "revoke devices",
  "account.manage": "manage accounts",
  "audit.read": "read the audit trail",
};

function phrase(action: Action): string {
  return phrases[action];
}
