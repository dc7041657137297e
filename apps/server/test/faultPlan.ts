import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { readDefaultPlan } from "./serverProcess.ts";

interface PlanTier {
  id: string;
  clockMinutes: number;
  ackMinutes: number;
  unitsPerDispatch: number;
}

interface PlanUnit {
  callsign: string;
  name: { zh: string; en: string };
  tier: string;
  district: string;
  home: { lat: number; lon: number };
  speedKmh: number;
}

/** A plan for the fault test and the callsigns of all of its units. */
export interface FaultPlan {
  file: string;
  callsigns: string[];
}

/**
 * Writes a copy of the default plan whose home district holds exactly
 * `incidents × unitsPerIncident` units, spread over the tiers so that
 * `incidents` Level I incidents (which stand up every tier) dispatch every
 * unit once. Clocks and acknowledgement times are an hour (the most a
 * plan allows): the fault test is about losing and repeating words, not
 * about lateness, so no deadline may fire and add events of its own.
 */
export function writeFaultPlan(
  dir: string,
  incidents: number,
  unitsPerIncident: number,
): FaultPlan {
  const plan = readDefaultPlan() as {
    homeDistrict: string;
    groupAckMinutes?: number;
    tiers: PlanTier[];
    units: PlanUnit[];
  };
  const tiers = plan.tiers;
  if (unitsPerIncident < tiers.length) {
    throw new Error(`a Level I dispatch needs ${tiers.length} units or more`);
  }

  const units: PlanUnit[] = [];
  tiers.forEach((tier, t) => {
    // Spread as evenly as whole units allow; the first tiers take the rest.
    const perDispatch =
      Math.floor(unitsPerIncident / tiers.length) +
      (t < unitsPerIncident % tiers.length ? 1 : 0);
    tier.unitsPerDispatch = perDispatch;
    tier.clockMinutes = 60;
    tier.ackMinutes = 60;
    for (let n = 1; n <= perDispatch * incidents; n++) {
      const callsign = `FT${t}-${String(n).padStart(3, "0")}`;
      units.push({
        callsign,
        name: { zh: `演练单位 ${callsign}`, en: `Fault-test unit ${callsign}` },
        tier: tier.id,
        district: plan.homeDistrict,
        home: { lat: 30.55 + n * 1e-4, lon: 120.99 + t * 1e-4 },
        speedKmh: 30,
      });
    }
  });
  plan.units = units;
  plan.groupAckMinutes = 60;

  const file = join(dir, "fault.plan.yaml");
  writeFileSync(file, stringify(plan));
  return { file, callsigns: units.map((u) => u.callsign) };
}
