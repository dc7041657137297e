import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { openAccess } from "@muster/auth/sqlite";
import { readDefaultPlan } from "../test/serverProcess.ts";

interface PlanDoc {
  tiers: { id: string; unitsPerDispatch: number }[];
  districts: { id: string; seat: { lat: number; lon: number } }[];
  units: unknown[];
}

/** Units per district and tier: 400 per district, 2,000 in all. */
const perDistrict: Record<string, [code: string, n: number]> = {
  police: ["P", 100],
  standby: ["S", 100],
  departments: ["D", 60],
  volunteers: ["V", 80],
  "x.fire": ["F", 20],
  "x.traffic": ["T", 20],
  "x.medical": ["M", 10],
  "x.publicinfo": ["I", 10],
};

/** Ten units per Level III incident, a dozen at II, fourteen at I. */
const unitsPerDispatch: Record<string, number> = {
  police: 3,
  standby: 3,
  departments: 2,
  volunteers: 2,
};

/** A deterministic pseudo-random stream, so every run draws the same. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The default plan with its units replaced by 2,000 generated ones spread
 * around the five district seats, written beside the bench's data.
 */
export function writeBenchPlan(dir: string): string {
  const plan = readDefaultPlan() as unknown as PlanDoc;
  const rand = random(42);
  const units: unknown[] = [];

  for (const [d, district] of plan.districts.entries()) {
    for (const [tier, [code, n]] of Object.entries(perDistrict)) {
      for (let i = 1; i <= n; i++) {
        const callsign = `B${d + 1}-${code}${String(i).padStart(3, "0")}`;
        units.push({
          callsign,
          name: { zh: `测试${callsign}`, en: `Bench ${callsign}` },
          tier,
          district: district.id,
          home: {
            lat: district.seat.lat + (rand() - 0.5) * 0.05,
            lon: district.seat.lon + (rand() - 0.5) * 0.05,
          },
          speedKmh: 25 + Math.round(rand() * 25),
        });
      }
    }
  }
  plan.units = units;
  for (const tier of plan.tiers) {
    tier.unitsPerDispatch = unitsPerDispatch[tier.id] ?? 1;
  }
  const file = join(dir, "bench-wall.plan.yaml");
  writeFileSync(file, stringify(plan));
  return file;
}

/**
 * Enrols a tablet for every unit of the bench plan, straight into the
 * access database of a data folder the server has not started on yet,
 * as the enrolment route would: over HTTP, enrolments are limited to a
 * few a minute, and 2,000 would take hours. Returns each unit's device
 * token, signed with the folder's secret (or MUSTER_SECRET, as the server
 * will use it).
 */
export async function enrolTablets(
  dataDir: string,
  planFile: string,
): Promise<Map<string, string>> {
  const doc = parse(readFileSync(planFile, "utf8")) as {
    units: { callsign: string; district: string }[];
  };
  const access = openAccess(dataDir, {
    secretBase64: process.env.MUSTER_SECRET,
  });
  const tokens = new Map<string, string>();
  try {
    for (const unit of doc.units) {
      const { code } = access.directory.createEnrolmentCode(
        { kind: "unit", unit: unit.callsign },
        unit.district,
        { id: "bench" },
      );
      const { token } = await access.directory.enrol(
        code,
        undefined,
        "127.0.0.1",
      );
      tokens.set(unit.callsign, token);
    }
  } finally {
    access.close();
  }
  return tokens;
}
