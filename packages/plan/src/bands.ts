import {
  compareLevels,
  conducts,
  type Conduct,
  type Level,
} from "@muster/protocol";
import type { Band } from "./schema.ts";

/** One problem found in a plan: where it is and what was expected. */
export interface PlanProblem {
  /** Path in the plan, as `bands[2].maxHeadcount`. */
  path: string;
  message: string;
}

/** A headcount range in words: "1–49 people", "100 or more people". */
export function describeRange(min: number, max: number | null): string {
  if (max === null)
    return min <= 1 ? "any number of people" : `${min} or more people`;
  if (min === max) return min === 1 ? "1 person" : `${min} people`;
  return `${min}–${max} people`;
}

/** The bands of one conduct that hold a headcount. */
export function bandsAt(
  bands: readonly Band[],
  conduct: Conduct,
  headcount: number,
): Band[] {
  return bands.filter(
    (b) =>
      b.conduct === conduct &&
      b.minHeadcount <= headcount &&
      (b.maxHeadcount === null || headcount <= b.maxHeadcount),
  );
}

interface Indexed {
  band: Band;
  index: number;
}

const upper = (band: Band): number => band.maxHeadcount ?? Infinity;

function overlaps(own: readonly Indexed[], conduct: Conduct): PlanProblem[] {
  const problems: PlanProblem[] = [];
  own.forEach((a, i) => {
    for (const b of own.slice(i + 1)) {
      const lo = Math.max(a.band.minHeadcount, b.band.minHeadcount);
      const hi = Math.min(upper(a.band), upper(b.band));
      if (lo > hi) continue;
      const range = describeRange(lo, hi === Infinity ? null : hi);
      problems.push({
        path: `bands[${b.index}]`,
        message:
          `band "${b.band.id}" overlaps band "${a.band.id}" ` +
          `(bands[${a.index}]) for ${conduct} with ${range}; ` +
          `expected exactly one band for each headcount`,
      });
    }
  });
  return problems;
}

function gaps(sorted: readonly Indexed[], conduct: Conduct): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const gap = (from: number, to: number | null): void => {
    problems.push({
      path: "bands",
      message:
        `no band for ${conduct} with ${describeRange(from, to)}; ` +
        `expected the bands of each conduct to cover every headcount from 1 up`,
    });
  };

  let next = 1;
  for (const { band } of sorted) {
    if (band.minHeadcount > next) gap(next, band.minHeadcount - 1);
    next = Math.max(next, upper(band) + 1);
  }
  if (next !== Infinity) gap(next, null);
  return problems;
}

function dropsWithHeadcount(
  sorted: readonly Indexed[],
  conduct: Conduct,
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (!before || !after) continue;
    if (compareLevels(after.band.level, before.band.level) >= 0) continue;
    problems.push({
      path: `bands[${after.index}].level`,
      message:
        `level drops from ${before.band.level} to ${after.band.level} ` +
        `as headcount grows from ${before.band.maxHeadcount ?? "∞"} to ` +
        `${after.band.minHeadcount} with ${conduct} (band "${after.band.id}"); ` +
        `expected the level never to drop as headcount grows`,
    });
  }
  return problems;
}

/**
 * Compares neighbouring conducts at every band edge: the level is constant
 * between edges, so checking the edges checks every headcount.
 */
function dropsWithConduct(
  bands: readonly Band[],
  usable: readonly Conduct[],
): PlanProblem[] {
  const edges = new Set<number>([1]);
  for (const b of bands) {
    edges.add(b.minHeadcount);
    if (b.maxHeadcount !== null) edges.add(b.maxHeadcount + 1);
  }
  const sortedEdges = [...edges].sort((a, b) => a - b);

  const problems: PlanProblem[] = [];
  const reported = new Set<string>();
  for (let i = 1; i < usable.length; i++) {
    const milder = usable[i - 1];
    const graver = usable[i];
    if (!milder || !graver) continue;
    for (const headcount of sortedEdges) {
      const low = bandsAt(bands, milder, headcount)[0];
      const high = bandsAt(bands, graver, headcount)[0];
      if (!low || !high || compareLevels(high.level, low.level) >= 0) continue;
      if (reported.has(`${low.id}|${high.id}`)) continue;
      reported.add(`${low.id}|${high.id}`);
      problems.push({
        path: `bands[${bands.indexOf(high)}].level`,
        message:
          `at ${describeRange(headcount, headcount)} ${graver} gives ` +
          `${high.level} (band "${high.id}") but ${milder} gives ` +
          `${low.level} (band "${low.id}"); ` +
          `expected the level never to drop as conduct grows`,
      });
    }
  }
  return problems;
}

/**
 * Checks that the bands grade every (headcount, conduct) pair exactly once
 * and that the level never drops as headcount or conduct grows (§1).
 */
export function checkBands(bands: readonly Band[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const usable: Conduct[] = [];

  for (const conduct of conducts) {
    const own: Indexed[] = [];
    let malformed = false;
    bands.forEach((band, index) => {
      if (band.conduct !== conduct) return;
      if (band.maxHeadcount !== null && band.maxHeadcount < band.minHeadcount) {
        problems.push({
          path: `bands[${index}].maxHeadcount`,
          message:
            `expected a headcount ≥ minHeadcount (${band.minHeadcount}) ` +
            `or null, got ${band.maxHeadcount}`,
        });
        malformed = true;
        return;
      }
      own.push({ band, index });
    });
    const sorted = [...own].sort(
      (a, b) => a.band.minHeadcount - b.band.minHeadcount,
    );

    const coverage = [...overlaps(own, conduct), ...gaps(sorted, conduct)];
    problems.push(...coverage);
    // Where coverage is broken the level at a headcount is not defined, so
    // asking whether it drops would only repeat the same fault.
    if (coverage.length > 0 || malformed) continue;
    problems.push(...dropsWithHeadcount(sorted, conduct));
    usable.push(conduct);
  }

  problems.push(...dropsWithConduct(bands, usable));
  return problems;
}

/** Levels that some band yields, in order of gravity. */
export function levelsYielded(bands: readonly Band[]): Level[] {
  const yielded = new Set(bands.map((b) => b.level));
  return [...yielded].sort(compareLevels);
}
