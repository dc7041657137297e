import { permissions } from "@muster/auth/permissions";
import type { IdentityView, Role } from "@muster/protocol";

/**
 * What each role may open and change, as the pages tell people before
 * they try: what may be changed comes from the server's own table
 * (packages/auth permissions.ts), so a screen says "not for your role"
 * instead of refusing after the click, and the two cannot drift apart.
 * Which screens a role is sent to is the pages' own choice.
 */

/** The screens a role may or may not open, by their first path segment. */
export type Screen = "console" | "wall" | "drill" | "audit" | "admin" | "unit";

/** What may be changed live on the console, one control group each. */
export type LiveAction =
  | "incident.report"
  | "incident.update"
  /** Resolve, hand to follow-up, close. */
  | "incident.closeout"
  | "group.acknowledge"
  | "step.complete"
  | "alert.acknowledge"
  | "replacement.accept"
  | "unit.release"
  /** A unit's status recorded on its behalf. */
  | "unit.status";

export const liveActions: readonly LiveAction[] = [
  "incident.report",
  "incident.update",
  "incident.closeout",
  "group.acknowledge",
  "step.complete",
  "alert.acknowledge",
  "replacement.accept",
  "unit.release",
  "unit.status",
];

const everyScreen: readonly Screen[] = [
  "console",
  "wall",
  "drill",
  "audit",
  "admin",
  "unit",
];

/**
 * The screens of each role. The wall shows what the console shows, read
 * only, so whoever reads the console may put it on a big screen; a unit
 * leader has its own unit's tablet (`unit` means that one only).
 */
const screens: Record<Role, readonly Screen[]> = {
  admin: ["admin", "audit"],
  commander: everyScreen,
  // Devices are the commander's to enrol and revoke.
  deputy: everyScreen.filter((s) => s !== "admin"),
  groupLead: ["console", "wall"],
  dispatcher: ["console", "wall"],
  unitLeader: ["unit"],
  drillCoordinator: ["console", "wall", "drill"],
  observer: ["console", "wall"],
};

/** The screen a path opens; null for the pages open to anyone. */
export function screenOf(pathname: string): Screen | null {
  const path = pathname.replace(/\/+$/, "");
  if (/^\/unit\/[^/]+$/.test(path)) return "unit";
  const first = path.slice(1);
  return everyScreen.includes(first as Screen) && first !== "unit"
    ? (first as Screen)
    : null;
}

/** Whether this identity may use the page at `pathname`. */
export function mayOpen(identity: IdentityView, pathname: string): boolean {
  const screen = screenOf(pathname);
  if (screen === null) return true;
  if (!screens[identity.role].includes(screen)) return false;
  // Staff who may open tablets open any unit's; a unit leader only its own.
  if (screen !== "unit" || identity.role !== "unitLeader") return true;
  const callsign = decodeURIComponent(
    pathname.replace(/\/+$/, "").slice("/unit/".length),
  );
  return identity.unit === callsign;
}

/** The pages this identity may use, as paths, in the header's order. */
export function pagesFor(identity: IdentityView): string[] {
  return screens[identity.role].flatMap((screen) => {
    if (screen !== "unit") return [`/${screen}`];
    // Commanders may open any unit's tablet; they are not sent to one.
    return identity.unit ? [`/unit/${encodeURIComponent(identity.unit)}`] : [];
  });
}

/** Whether this role may do this live. */
export function mayDo(role: Role, action: LiveAction): boolean {
  return permissions[role][action] !== undefined;
}

/** A role that may change nothing live: the console is read-only. */
export function readOnly(role: Role): boolean {
  return !liveActions.some((action) => mayDo(role, action));
}

/** The roles at the command post that may do this, for "ask them". */
export function rolesThatMay(action: LiveAction): Role[] {
  return (Object.keys(permissions) as Role[]).filter(
    (role) => role !== "unitLeader" && mayDo(role, action),
  );
}

/**
 * Only the commander makes enrolment codes; the administrator lists and
 * revokes devices but enrols none.
 */
export function mayEnrolDevices(role: Role): boolean {
  return permissions[role]["device.enrol"] !== undefined;
}
