import {
  compareLevels,
  conducts,
  MusterError,
  type Conduct,
  type Level,
} from "@muster/protocol";
import { bandsAt, describeRange } from "./bands.ts";
import type { Band, Plan } from "./schema.ts";

/** The facts an incident is graded by (§1). */
export interface ClassifyInput {
  /** People gathered: a whole number, at least 1. */
  headcount: number;
  /** One of `none`, `tendency`, `serious`; checked at run time. */
  conduct: string;
}

/** The grade of an incident, the band that gave it and why, in one line. */
export interface Classification {
  level: Level;
  band: Band;
  /** e.g. "tendency with 50–99 people → Level II (shared bound, …)". */
  reason: string;
}

function badInput(path: string, message: string): MusterError {
  return new MusterError("BAD_REQUEST", message, { path });
}

function validHeadcount(value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw badInput(
      "headcount",
      `headcount must be a number, got ${String(value)}`,
    );
  }
  if (!Number.isInteger(value)) {
    throw badInput(
      "headcount",
      `headcount must be a whole number, got ${value}`,
    );
  }
  if (value < 1) {
    throw badInput("headcount", `headcount must be at least 1, got ${value}`);
  }
  return value;
}

function validConduct(value: unknown): Conduct {
  const known = conducts.find((c) => c === value);
  if (known) return known;
  throw badInput(
    "conduct",
    `conduct must be one of ${conducts.join(", ")}, got ${JSON.stringify(value) ?? String(value)}`,
  );
}

/** The first clause of a band's note, short enough for a one-line reason. */
function shortNote(note: string | undefined): string {
  const clause = note
    ?.split(/;|\.\s/)[0]
    ?.trim()
    .replace(/\.$/, "");
  return clause ? ` (${clause})` : "";
}

/**
 * Grades an incident by the plan's bands. Pure; throws `BAD_REQUEST` (with
 * path `headcount` or `conduct`) for input that cannot be graded, and
 * `PLAN_INVALID` if the plan has no band for valid input, which a checked
 * plan never lacks.
 *
 * @example
 * classify(plan, { headcount: 50, conduct: "tendency" }).level; // "II"
 */
export function classify(plan: Plan, input: ClassifyInput): Classification {
  const headcount = validHeadcount(input.headcount);
  const conduct = validConduct(input.conduct);

  // A checked plan has exactly one band here; should an unchecked one have
  // more, the graver reading is the safe one.
  const band = bandsAt(plan.bands, conduct, headcount).sort((a, b) =>
    compareLevels(b.level, a.level),
  )[0];
  if (!band) {
    throw new MusterError(
      "PLAN_INVALID",
      `plan ${plan.id} has no band for ${conduct} with ${describeRange(headcount, headcount)}`,
      { path: "bands" },
    );
  }

  const levelName =
    plan.levels.find((l) => l.id === band.level)?.name.en ?? band.level;
  const range = describeRange(band.minHeadcount, band.maxHeadcount);
  const reason = `${conduct} with ${range} → ${levelName}${shortNote(band.note)}`;
  return { level: band.level, band, reason };
}
