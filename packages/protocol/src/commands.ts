import { z } from "zod";
import {
  Callsign,
  Conduct,
  Headcount,
  IncidentId,
  Instant,
  LatLon,
  PlanId,
} from "./domain.ts";

/** A client-made command id: retries carry the same id. */
export const CommandId = z
  .string()
  .min(8, "command id must be at least 8 characters")
  .max(64, "command id must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "command id may hold letters, digits, _ and -");

// Control characters and bidirectional overrides could disguise text on
// the wall (a name that reads backwards, a hidden line break).
// eslint-disable-next-line no-control-regex -- matching them is the point
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Free text from a person: trimmed, bounded, no control characters. */
export const SafeText = (max: number, required = "text is required") =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(max)
    .refine((s) => !UNSAFE_TEXT.test(s), "must not contain control characters");

export const Place = z.object({
  name: SafeText(120, "place name is required"),
  position: LatLon,
});
export type Place = z.infer<typeof Place>;

const base = { commandId: CommandId };
const onIncident = { ...base, incidentId: IncidentId };
/** Statuses from a tablet carry the time of the tap on the device. */
const fromDevice = {
  ...onIncident,
  callsign: Callsign,
  deviceAt: Instant.optional(),
  /** Server time minus device time, measured by the client at connection. */
  clockOffsetMs: z.number().int().optional(),
};

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** Every command the server accepts, by `type` (present tense). */
export const Command = z.discriminatedUnion("type", [
  strict({
    type: z.literal("incident.report"),
    ...base,
    place: Place,
    incidentType: z.union([PlanId, z.literal("other")]),
    headcount: Headcount,
    conduct: Conduct,
    district: PlanId.optional(),
    escalateToCounty: z.boolean().optional(),
  }),
  strict({
    type: z.literal("incident.update"),
    ...onIncident,
    headcount: Headcount,
    conduct: Conduct,
  }),
  strict({
    type: z.literal("group.acknowledge"),
    ...onIncident,
    group: PlanId,
  }),
  strict({ type: z.literal("unit.acknowledge"), ...fromDevice }),
  strict({
    type: z.literal("unit.decline"),
    ...fromDevice,
    reason: SafeText(200, "a reason is required"),
  }),
  strict({ type: z.literal("unit.enRoute"), ...fromDevice }),
  /** A tablet's position while en route, sent with the leader's leave. */
  strict({
    type: z.literal("unit.reportPosition"),
    ...fromDevice,
    position: LatLon,
  }),
  strict({ type: z.literal("unit.assemble"), ...fromDevice }),
  strict({
    type: z.literal("replacement.accept"),
    ...onIncident,
    replaces: Callsign,
  }),
  strict({
    type: z.literal("unit.release"),
    ...onIncident,
    callsign: Callsign,
  }),
  strict({
    type: z.literal("incident.resolve"),
    ...onIncident,
    note: SafeText(500).optional(),
  }),
  strict({
    type: z.literal("incident.handToFollowUp"),
    ...onIncident,
    leadUnit: SafeText(120),
    responsiblePerson: SafeText(120),
    measures: SafeText(500),
  }),
  /** A group lead ticks off one step of the incident's playbook. */
  strict({
    type: z.literal("step.complete"),
    ...onIncident,
    step: PlanId,
  }),
  strict({ type: z.literal("incident.close"), ...onIncident }),
  strict({
    type: z.literal("alert.acknowledge"),
    ...onIncident,
    alertId: z.string().min(1).max(80),
  }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
