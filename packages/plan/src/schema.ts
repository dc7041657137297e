import { z } from "zod";
import {
  Callsign,
  Conduct,
  LatLon,
  Level,
  LocalisedText,
  PlanId,
} from "@muster/protocol";

/** A reading of an ambiguous source rule, kept beside the rule. */
const Note = z.string().min(1).optional();

/** One classification band: a conduct and a headcount range to a level. */
export const Band = z.strictObject({
  id: PlanId,
  conduct: Conduct,
  minHeadcount: z.number().int().min(1),
  /** Inclusive; null means no upper bound. */
  maxHeadcount: z.number().int().min(1).nullable(),
  level: Level,
  note: Note,
});
export type Band = z.infer<typeof Band>;

/** How a level is named and coloured on screen. */
export const LevelInfo = z.strictObject({
  id: Level,
  name: LocalisedText,
  /** Display colour, always shown with the numeral or word beside it. */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #d32f2f"),
});
export type LevelInfo = z.infer<typeof LevelInfo>;

/** One of the command post's groups (§2), with its job in one line. */
export const Group = z.strictObject({
  id: PlanId,
  name: LocalisedText,
  job: LocalisedText,
  /** The post that leads the group (a title, never a private person). */
  lead: LocalisedText.optional(),
});
export type Group = z.infer<typeof Group>;

/** A post that fills a command role, with the person on duty now. */
export const Post = z.strictObject({
  id: PlanId,
  name: LocalisedText,
  /** The roster slot on duty now, in both languages like every name. */
  onDuty: LocalisedText.optional(),
});
export type Post = z.infer<typeof Post>;

/** Who commands and what stands up at one level. */
export const Echelon = z.strictObject({
  level: Level,
  commander: PlanId,
  firstDeputy: PlanId.nullable(),
  groups: z.array(PlanId),
  tiers: z.array(PlanId),
  notifyCounty: z.boolean(),
  requestMutualAid: z.boolean(),
  note: Note,
});
export type Echelon = z.infer<typeof Echelon>;

/** One rung of the 4+X ladder. */
export const Tier = z.strictObject({
  id: PlanId,
  name: LocalisedText,
  standing: z.boolean(),
  /** Minutes from dispatch to assembled at the assembly point. */
  clockMinutes: z
    .number()
    .positive()
    .max(24 * 60),
  /** Minutes a dispatched unit has to acknowledge before replacement. */
  ackMinutes: z.number().positive().max(60),
  /** Units sent when the tier is dispatched. */
  unitsPerDispatch: z.number().int().min(1),
  note: Note,
});
export type Tier = z.infer<typeof Tier>;

/** A crew or team that can be dispatched, with its tier and home. */
export const Unit = z.strictObject({
  callsign: Callsign,
  name: LocalisedText,
  tier: PlanId,
  district: PlanId,
  home: LatLon,
  /** Average travel speed in km/h, for estimates and drill simulation. */
  speedKmh: z.number().positive().max(200),
});
export type Unit = z.infer<typeof Unit>;

/** A district of the mutual-aid area (§4), with its partners. */
export const District = z.strictObject({
  id: PlanId,
  name: LocalisedText,
  seat: LatLon,
  /** Outer ring of the district's area, [lon, lat] pairs as in GeoJSON. */
  boundary: z
    .array(z.tuple([z.number(), z.number()]))
    .min(4, "a boundary ring needs at least 4 points"),
  boundaryApproximate: z.boolean(),
  partners: z.array(PlanId),
});
export type District = z.infer<typeof District>;

/** One checklist step of a playbook (§7), owned by a command-post group. */
export const PlaybookStep = z.strictObject({
  id: PlanId,
  /** The group that owns the step and ticks it off. */
  group: PlanId,
  /** Minutes after the incident's first grading; re-grading keeps it. */
  dueMinutes: z
    .number()
    .min(0)
    .max(7 * 24 * 60),
  /** A required step left undone counts as skipped in the report. */
  required: z.boolean(),
  title: LocalisedText,
  cautions: z.array(LocalisedText).default([]),
});
export type PlaybookStep = z.infer<typeof PlaybookStep>;

/** The checklist of one kind of incident, as held in its own file. */
export const PlaybookSteps = z.strictObject({
  id: PlanId,
  goal: LocalisedText.optional(),
  steps: z.array(PlaybookStep).min(1),
});
export type PlaybookSteps = z.infer<typeof PlaybookSteps>;

/**
 * A playbook the plan offers (§7): its steps inline, or in a file beside
 * the plan (`file`, resolved by the loader), so a district adds its own.
 */
export const PlaybookRef = z.strictObject({
  id: PlanId,
  name: LocalisedText,
  /** Path of a playbook file, relative to the plan file. */
  file: z.string().min(1).optional(),
  goal: LocalisedText.optional(),
  steps: z.array(PlaybookStep).optional(),
});
export type PlaybookRef = z.infer<typeof PlaybookRef>;

/** A district's response plan, as loaded from its YAML file. */
export const Plan = z.strictObject({
  id: PlanId,
  version: z.string().min(1),
  name: LocalisedText,
  /** IANA zone that screens and reports show times in. */
  timezone: z.string().min(1),
  homeDistrict: PlanId,
  levels: z.array(LevelInfo).length(4),
  // partialRecord: zod 4's record over an enum demands every key, but a
  // plan may explain only some conducts.
  conductNotes: z.partialRecord(Conduct, z.string().min(1)).optional(),
  bands: z.array(Band).min(1),
  localAuthority: z.strictObject({
    countyLedFrom: Level,
    note: Note,
  }),
  groups: z.array(Group).min(1),
  /**
   * Minutes a group lead has to acknowledge activation before the wall
   * raises an alert (§2 "an unacknowledged group is shown as such").
   */
  groupAckMinutes: z.number().positive().max(60).default(2),
  posts: z.array(Post).min(1),
  echelons: z.array(Echelon).min(1),
  tiers: z.array(Tier).min(1),
  replacement: z.strictObject({ autoAccept: z.boolean(), note: Note }),
  statusTime: z.strictObject({
    /** Device times count only when the offset is known and under this. */
    maxClockOffsetSeconds: z.number().positive(),
    note: Note,
  }),
  districts: z.array(District).min(1),
  units: z.array(Unit).min(1),
  playbooks: z.array(PlaybookRef),
  /** Optional map tiles; `gcj02` shifts points for Chinese tile servers. */
  map: z
    .strictObject({
      tileUrl: z.string().url().optional(),
      tileDatum: z.enum(["wgs84", "gcj02"]).default("wgs84"),
    })
    .optional(),
});
export type Plan = z.infer<typeof Plan>;
