import { booleanPointInPolygon, polygon } from "@turf/turf";
import { levels, type Level } from "@muster/protocol";
import { checkBands, levelsYielded, type PlanProblem } from "./bands.ts";
import type { District, Plan } from "./schema.ts";

export type { PlanProblem } from "./bands.ts";

/**
 * The checks zod cannot express: band coverage and order, references between
 * parts of the plan, unique ids, enough units per tier, district geometry and
 * the time zone. An empty list means the plan is usable.
 *
 * @example
 * const problems = checkPlan(plan);
 * // [{ path: "echelons[0].commander", message: "no post \"chief\"; …" }]
 */
export function checkPlan(plan: Plan): PlanProblem[] {
  return [
    ...checkUniqueIds(plan),
    ...checkLevels(plan),
    ...checkBands(plan.bands),
    ...checkEchelons(plan),
    ...checkTiers(plan),
    ...checkDistricts(plan),
    ...checkUnits(plan),
    ...checkPlaybooks(plan),
    ...checkTimezone(plan.timezone),
  ];
}

function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  pathOf: (index: number) => string,
  what: string,
): PlanProblem[] {
  const firstAt = new Map<string, number>();
  const problems: PlanProblem[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    const first = firstAt.get(value);
    if (first === undefined) {
      firstAt.set(value, index);
      return;
    }
    problems.push({
      path: pathOf(index),
      message: `duplicate ${what} "${value}", first used at ${pathOf(first)}`,
    });
  });
  return problems;
}

function checkUniqueIds(plan: Plan): PlanProblem[] {
  const byId = (item: { id: string }): string => item.id;
  const at =
    (collection: string, field: string) =>
    (index: number): string =>
      `${collection}[${index}].${field}`;

  return [
    ...duplicates(plan.levels, byId, at("levels", "id"), "id"),
    ...duplicates(plan.bands, byId, at("bands", "id"), "id"),
    ...duplicates(plan.groups, byId, at("groups", "id"), "id"),
    ...duplicates(plan.posts, byId, at("posts", "id"), "id"),
    ...duplicates(
      plan.echelons,
      (e) => e.level,
      at("echelons", "level"),
      "level",
    ),
    ...duplicates(plan.tiers, byId, at("tiers", "id"), "id"),
    ...duplicates(plan.districts, byId, at("districts", "id"), "id"),
    ...duplicates(
      plan.units,
      (u) => u.callsign,
      at("units", "callsign"),
      "callsign",
    ),
    ...duplicates(plan.playbooks, byId, at("playbooks", "id"), "id"),
  ];
}

function checkLevels(plan: Plan): PlanProblem[] {
  const listed = new Set(plan.levels.map((l) => l.id));
  return levels
    .filter((level) => !listed.has(level))
    .map((level) => ({
      path: "levels",
      message: `no entry for level ${level}; expected one for each of ${levels.join(", ")}`,
    }));
}

/** A reference to another part of the plan that must exist. */
function reference(
  path: string,
  id: string,
  known: ReadonlySet<string>,
  kind: string,
): PlanProblem[] {
  if (known.has(id)) return [];
  const choices = [...known].join(", ");
  return [{ path, message: `no ${kind} "${id}"; expected one of ${choices}` }];
}

function ids(items: readonly { id: string }[]): Set<string> {
  return new Set(items.map((item) => item.id));
}

function checkEchelons(plan: Plan): PlanProblem[] {
  const posts = ids(plan.posts);
  const groups = ids(plan.groups);
  const tiers = ids(plan.tiers);
  const problems: PlanProblem[] = [];

  plan.echelons.forEach((echelon, i) => {
    const at = `echelons[${i}]`;
    problems.push(
      ...reference(`${at}.commander`, echelon.commander, posts, "post"),
    );
    if (echelon.firstDeputy !== null) {
      problems.push(
        ...reference(`${at}.firstDeputy`, echelon.firstDeputy, posts, "post"),
      );
      if (echelon.firstDeputy === echelon.commander) {
        problems.push({
          path: `${at}.firstDeputy`,
          message:
            `"${echelon.firstDeputy}" is already the commander; ` +
            `expected another post or null`,
        });
      }
    }
    echelon.groups.forEach((id, j) => {
      problems.push(...reference(`${at}.groups[${j}]`, id, groups, "group"));
    });
    echelon.tiers.forEach((id, j) => {
      problems.push(...reference(`${at}.tiers[${j}]`, id, tiers, "tier"));
    });
    const same = (id: string): string => id;
    problems.push(
      ...duplicates(echelon.groups, same, (j) => `${at}.groups[${j}]`, "group"),
      ...duplicates(echelon.tiers, same, (j) => `${at}.tiers[${j}]`, "tier"),
    );
  });

  // Watch stands nothing up (§2), so only graded levels need an echelon.
  const covered = new Set(plan.echelons.map((e) => e.level));
  for (const level of levelsYielded(plan.bands)) {
    if (level === "watch" || covered.has(level)) continue;
    problems.push({
      path: "echelons",
      message:
        `no echelon for level ${level}, which band ` +
        `"${firstBandOf(plan, level)}" yields; ` +
        `expected one for every graded level`,
    });
  }

  return problems;
}

function firstBandOf(plan: Plan, level: Level): string {
  return plan.bands.find((b) => b.level === level)?.id ?? "";
}

function checkTiers(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  plan.tiers.forEach((tier, i) => {
    // Dispatch draws on the home district's own units; partners' units come
    // only through mutual aid, which not every level requests (§4).
    const own = plan.units.filter(
      (u) => u.tier === tier.id && u.district === plan.homeDistrict,
    ).length;
    if (own >= tier.unitsPerDispatch) return;
    problems.push({
      path: `tiers[${i}].unitsPerDispatch`,
      message:
        `tier ${tier.id} sends ${tier.unitsPerDispatch} per dispatch but ` +
        `${plan.homeDistrict} has ${own} ${tier.id} unit${own === 1 ? "" : "s"}; ` +
        `expected at least as many units as a dispatch sends`,
    });
  });
  return problems;
}

function checkDistricts(plan: Plan): PlanProblem[] {
  const known = ids(plan.districts);
  const problems = reference(
    "homeDistrict",
    plan.homeDistrict,
    known,
    "district",
  );

  plan.districts.forEach((district, i) => {
    const at = `districts[${i}]`;
    problems.push(...checkBoundary(district, at));
    district.partners.forEach((partner, j) => {
      const path = `${at}.partners[${j}]`;
      if (partner === district.id) {
        problems.push({
          path,
          message: `${district.id} lists itself as a partner`,
        });
        return;
      }
      const found = reference(path, partner, known, "district");
      problems.push(...found);
      if (found.length > 0) return;
      // Mutual aid is mutual: a one-sided link is almost always a typo.
      const other = plan.districts.find((d) => d.id === partner);
      if (other && !other.partners.includes(district.id)) {
        problems.push({
          path,
          message:
            `${district.id} lists ${partner} as a partner but ${partner} ` +
            `does not list ${district.id}; expected partner links both ways`,
        });
      }
    });
  });
  return problems;
}

function checkBoundary(district: District, at: string): PlanProblem[] {
  const ring = district.boundary;
  const problems: PlanProblem[] = [];
  ring.forEach(([lon, lat], j) => {
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      problems.push({
        path: `${at}.boundary[${j}]`,
        message: `expected [lon, lat] in degrees, got [${lon}, ${lat}]`,
      });
    }
  });
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    problems.push({
      path: `${at}.boundary`,
      message: "expected a closed ring: the last point must repeat the first",
    });
  }
  if (problems.length > 0) return problems;

  // A seat outside its own area is usually lat and lon swapped somewhere.
  const { lat, lon } = district.seat;
  if (!booleanPointInPolygon([lon, lat], polygon([ring]))) {
    problems.push({
      path: `${at}.seat`,
      message: `seat (${lat}, ${lon}) lies outside the district's boundary; expected it inside`,
    });
  }
  return problems;
}

function checkUnits(plan: Plan): PlanProblem[] {
  const tiers = ids(plan.tiers);
  const districts = ids(plan.districts);
  return plan.units.flatMap((unit, i) => [
    ...reference(`units[${i}].tier`, unit.tier, tiers, "tier"),
    ...reference(`units[${i}].district`, unit.district, districts, "district"),
  ]);
}

function checkPlaybooks(plan: Plan): PlanProblem[] {
  return plan.playbooks.flatMap((playbook, i) => {
    const at = `playbooks[${i}]`;
    if (playbook.file !== undefined && playbook.steps !== undefined) {
      return [
        {
          path: `${at}.steps`,
          message: "expected either file or steps, not both",
        },
      ];
    }
    return checkPlaybookSteps(plan, playbook.steps ?? [], `${at}.steps`);
  });
}

/**
 * The checks on a playbook's steps that zod cannot express: unique step
 * ids and owning groups that the plan has. `at` prefixes each path.
 */
export function checkPlaybookSteps(
  plan: Plan,
  steps: readonly { id: string; group: string }[],
  at: string,
): PlanProblem[] {
  const groups = ids(plan.groups);
  return [
    ...duplicates(
      steps,
      (s) => s.id,
      (i) => `${at}[${i}].id`,
      "step id",
    ),
    ...steps.flatMap((step, i) =>
      reference(`${at}[${i}].group`, step.group, groups, "group"),
    ),
  ];
}

function checkTimezone(timezone: string): PlanProblem[] {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return [];
  } catch {
    return [
      {
        path: "timezone",
        message: `expected an IANA time zone like Asia/Shanghai, got "${timezone}"`,
      },
    ];
  }
}
