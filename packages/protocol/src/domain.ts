import { z } from "zod";

/** Conduct observed at a gathering, in rising gravity. */
export const conducts = ["none", "tendency", "serious"] as const;
export const Conduct = z.enum(conducts);
export type Conduct = z.infer<typeof Conduct>;

/** Levels in rising gravity: the numerals run backwards, Level I is gravest. */
export const levels = ["watch", "III", "II", "I"] as const;
export const Level = z.enum(levels);
export type Level = z.infer<typeof Level>;

/** Compares two levels by gravity: negative when `a` is less grave. */
export function compareLevels(a: Level, b: Level): number {
  return levels.indexOf(a) - levels.indexOf(b);
}

/** Compares two conducts by gravity. */
export function compareConducts(a: Conduct, b: Conduct): number {
  return conducts.indexOf(a) - conducts.indexOf(b);
}

/** A WGS 84 position. */
export const LatLon = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type LatLon = z.infer<typeof LatLon>;

/** A headcount: a whole number of people, at least one. */
export const Headcount = z
  .number()
  .int("headcount must be a whole number")
  .min(1, "headcount must be at least 1")
  .max(1_000_000, "headcount must be at most 1000000");

/** A name in the two languages of the product. */
export const LocalisedText = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type LocalisedText = z.infer<typeof LocalisedText>;

/** Id pattern for plan objects: lower-case words, dots and dashes. */
export const PlanId = z
  .string()
  .regex(/^[a-z][a-z0-9.-]*$/, "expected a lower-case id like x.fire");

/** A unit's radio callsign, e.g. `WH-P1`. */
export const Callsign = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, "expected a callsign like WH-P1");

/** An ISO 8601 UTC instant string. */
export const Instant = z.iso.datetime({ offset: false });

/** Incident id `YYYY-NNNN`, or `D<run>-NNNN` for drill incidents. */
export const IncidentId = z
  .string()
  .regex(/^[A-Z0-9-]{4,40}$/, "expected an incident id like 2026-0042");
