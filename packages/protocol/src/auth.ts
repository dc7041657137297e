import { z } from "zod";
import { SafeText } from "./commands.ts";
import { Callsign, PlanId } from "./domain.ts";

/**
 * The roles of the plan's people (§2), each scoped to districts, and the
 * administrator who only keeps accounts. What each may do is the server's
 * one table (`@muster/auth`); this is the vocabulary.
 */
export const Role = z.enum([
  "admin",
  "commander",
  "deputy",
  "groupLead",
  "dispatcher",
  "unitLeader",
  "drillCoordinator",
  "observer",
]);
export type Role = z.infer<typeof Role>;

/** What a caller is: a signed-in person or an enrolled device. */
export const IdentityKind = z.enum(["person", "device"]);
export type IdentityKind = z.infer<typeof IdentityKind>;

/** Who is behind a request or socket, as the server tells the page. */
export interface IdentityView {
  kind: IdentityKind;
  /** Account or device id. */
  id: string;
  /** Sign-in name (person) or label (device). */
  name: string;
  /** A device acts as `unitLeader` (a tablet) or `observer` (a wall). */
  role: Role;
  districts: string[];
  /** The one unit a unit leader or tablet acts for. */
  unit: string | null;
  /** ISO time the session ends; null for devices, which last until revoked. */
  expiresAt: string | null;
  /** A person signed in with a one-time password must set their own first. */
  passwordChangeRequired: boolean;
}

/** An account as the server lists it; never its password. */
export interface AccountView {
  id: string;
  name: string;
  displayName: string;
  role: Role;
  districts: string[];
  unit: string | null;
  disabled: boolean;
  createdAt: string;
}

/** An enrolled tablet (`unit`) or wall (`display`) as the server lists it. */
export interface DeviceView {
  id: string;
  kind: "unit" | "display";
  unit: string | null;
  district: string;
  label: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

/** Sign-in names: lower-case, short, no spaces. */
export const AccountName = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{1,31}$/,
    "expected a sign-in name of 2–32 lower-case letters, digits, . _ -",
  );

/** A password a person chooses: long enough to resist guessing. */
export const NewPassword = z
  .string()
  .min(12, "a password needs at least 12 characters")
  .max(200, "a password may have at most 200 characters")
  .refine(
    (p) => new Set(p).size >= 5,
    "a password needs at least 5 different characters",
  );

export const SignIn = z.strictObject({
  name: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type SignIn = z.infer<typeof SignIn>;

export const ChangePassword = z.strictObject({
  current: z.string().min(1).max(200),
  next: NewPassword,
});
export type ChangePassword = z.infer<typeof ChangePassword>;

const Districts = z
  .array(PlanId)
  .min(1, "at least one district")
  .max(20)
  .refine((d) => new Set(d).size === d.length, "a district is named twice");

/** An administrator creates an account; its first password is one-time. */
export const CreateAccount = z
  .strictObject({
    name: AccountName,
    displayName: SafeText(80, "a display name is required"),
    role: Role,
    districts: Districts,
    /** Required for a unit leader, refused for every other role. */
    unit: Callsign.optional(),
  })
  .refine((a) => (a.role === "unitLeader") === (a.unit !== undefined), {
    message: "a unit leader names one unit; other roles name none",
    path: ["unit"],
  });
export type CreateAccount = z.infer<typeof CreateAccount>;

/** A one-time enrolment code for a unit's tablet or a district's wall. */
export const CreateEnrolmentCode = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("unit"), unit: Callsign }),
  z.strictObject({ kind: z.literal("display"), district: PlanId }),
]);
export type CreateEnrolmentCode = z.infer<typeof CreateEnrolmentCode>;

/** Codes are 10 characters of an alphabet without look-alikes. */
export const EnrolmentCodeText = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{10}$/, "expected a 10-character enrolment code");

export const Enrol = z.strictObject({
  code: EnrolmentCodeText,
  label: SafeText(80).optional(),
});
export type Enrol = z.infer<typeof Enrol>;

/**
 * Which of the browser's identities a page speaks as, sent in the
 * `x-muster-as` header and the socket's `auth.as`: one browser may hold a
 * person's session, a wall's enrolment and a tablet's at once.
 */
export const SpeakAs = z.union([
  z.literal("person"),
  z.literal("display"),
  z.templateLiteral(["unit:", Callsign]),
]);
export type SpeakAs = z.infer<typeof SpeakAs>;

/** The cookie that holds the token for one way of speaking. */
export function cookieName(as: SpeakAs): string {
  if (as === "person") return "muster_person";
  if (as === "display") return "muster_display";
  return `muster_unit_${as.slice("unit:".length)}`;
}

/** Filters of the audit trail page and export. */
export const AuditQuery = z.strictObject({
  incident: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  outcome: z.enum(["accepted", "refused"]).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/**
 * The export takes the same filters and more lines; reading them holds
 * the server for a moment, so a wider span is exported in parts.
 */
export const AuditExportQuery = AuditQuery.extend({
  limit: z.coerce.number().int().min(1).max(20_000).default(20_000),
});

/** One line of the audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  /** `system`: the server itself (the demo player, a hosted drill). */
  actorKind: IdentityKind | "anonymous" | "system";
  actorId: string | null;
  actorName: string | null;
  role: Role | null;
  /** Client address as the server saw it. */
  from: string;
  /** The command type or route action, e.g. `unit.acknowledge`. */
  action: string;
  incidentId: string | null;
  commandId: string | null;
  outcome: "accepted" | "refused";
  /** Error code of a refusal. */
  code: string | null;
  message: string | null;
}
