import { levels, type Level } from "@muster/protocol";
import { yearIn, type Plan } from "@muster/plan";

/** The plan's minimum of drills a year (§8: at least three). */
export const DRILLS_PER_YEAR = 3;

/** What the server keeps of one hosted drill run. */
export interface DrillRecordInput {
  drillRunId: string;
  playbook: string;
  expectedLevel: string;
  levelReached: string | null;
  startedAt: string;
  endReason: string;
  /** Played through on the server; dry runs never have a record. */
  counts: boolean;
}

/** The year's programme: drills counted and what is still to cover. */
export interface Programme {
  year: number;
  minimum: number;
  completed: {
    drillRunId: string;
    startedAt: string;
    playbook: string;
    level: string;
  }[];
  met: boolean;
  playbooks: { id: string; lastDrilled: string | null; thisYear: boolean }[];
  levels: { level: Level; lastDrilled: string | null; thisYear: boolean }[];
}

/**
 * The drills completed on the server in `year` against the minimum, and
 * for each playbook and graded level when it was last drilled (up to the
 * end of that year), so the coordinator sees what is still to cover. A
 * drill covers the level it reached, or else the one it expected.
 *
 * @example
 * programme(plan, records, 2026).met; // true once three drills counted
 */
export function programme(
  plan: Plan,
  records: readonly DrillRecordInput[],
  year: number,
  minimum = DRILLS_PER_YEAR,
): Programme {
  const zone = plan.timezone;
  const counted = records
    .filter((r) => r.counts && yearIn(zone, r.startedAt) <= year)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const levelOf = (r: DrillRecordInput) => r.levelReached ?? r.expectedLevel;
  const completed = counted
    .filter((r) => yearIn(zone, r.startedAt) === year)
    .map((r) => ({
      drillRunId: r.drillRunId,
      startedAt: r.startedAt,
      playbook: r.playbook,
      level: levelOf(r),
    }));
  const last = (match: (r: DrillRecordInput) => boolean) =>
    counted.filter(match).at(-1)?.startedAt ?? null;
  const inYear = (at: string | null) =>
    at !== null && yearIn(zone, at) === year;

  return {
    year,
    minimum,
    completed,
    met: completed.length >= minimum,
    playbooks: plan.playbooks.map((p) => {
      const at = last((r) => r.playbook === p.id);
      return { id: p.id, lastDrilled: at, thisYear: inYear(at) };
    }),
    levels: levels
      .filter((l) => l !== "watch")
      .map((level) => {
        const at = last((r) => levelOf(r) === level);
        return { level, lastDrilled: at, thisYear: inYear(at) };
      }),
  };
}
