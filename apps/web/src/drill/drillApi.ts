import type { IncidentState, UnitAssignment } from "@muster/engine";
import type { LocalisedText, StoredEvent } from "@muster/protocol";
import { api } from "../lib/identity.ts";

/** The hosted drill's API: its own channel, apart from live events. */

export interface ScenarioEntry {
  file: string;
  title: LocalisedText | null;
  playbook: string | null;
  expectedLevel: string | null;
  liveUnits: string[];
  error: string | null;
}

/** The year's drills against the plan's minimum (domain brief §8). */
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
  levels: { level: string; lastDrilled: string | null; thisYear: boolean }[];
}

export interface TierScore {
  tier: string;
  name: LocalisedText;
  clockMinutes: number;
  minutesToAssembled: number | null;
  result: "onTime" | "late" | "never";
}

export interface DrillStatus {
  active: boolean;
  drillRunId?: string;
  scenario?: {
    file: string;
    title: LocalisedText;
    playbook: string;
    expectedLevel: string;
    liveUnits: string[];
  };
  status?: "ready" | "running" | "paused" | "ended";
  speed?: number | "max";
  virtualNow?: string;
  enlisted?: string[];
  withdrawn?: { callsign: string; liveIncident: string; at: string }[];
  incident?: IncidentState | null;
  evaluation?: {
    tiers: TierScore[];
    strengths: { rule: string; text: LocalisedText }[];
    improvements: { rule: string; text: LocalisedText }[];
  };
  events?: StoredEvent[];
  endReason?: string | null;
}

/** A unit's drill assignment, as its tablet reads it. */
export interface UnitDrillView {
  exercise: true;
  drillRunId: string;
  virtualNow: string;
  incident: IncidentState;
  assignment: UnitAssignment;
}

type Answer = { ok: boolean; error?: { code: string; message: string } };

async function call<T>(path: string, body?: unknown): Promise<T & Answer> {
  const response = await api(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T & Answer;
}

export const drillApi = {
  scenarios: () => call<{ scenarios: ScenarioEntry[] }>("/api/drill/scenarios"),
  status: () => call<DrillStatus>("/api/drill"),
  programme: () => call<Programme>("/api/drill/programme"),
  start: (scenario: string, speed: number | "max") =>
    call("/api/drill/start", { scenario, speed }),
  pause: () => call("/api/drill/pause", {}),
  resume: () => call("/api/drill/resume", {}),
  end: () => call("/api/drill/end", {}),
  speed: (speed: number | "max") => call("/api/drill/speed", { speed }),
  inject: (body: Record<string, unknown>) =>
    call<{ result?: Answer }>("/api/drill/inject", body),
  unit: (callsign: string) =>
    call<{ drill: UnitDrillView | null }>(
      `/api/drill/units/${encodeURIComponent(callsign)}`,
    ),
  command: (body: Record<string, unknown>) =>
    call<{ result?: Answer }>("/api/drill/commands", body),
};
