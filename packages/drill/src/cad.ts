import { zoneOffsetMs } from "@muster/plan";
import { MusterError } from "@muster/protocol";

/** Intervals per unit, in seconds, from a calls-for-service log. */
export type IntervalName = "callProcessing" | "turnout" | "travel" | "total";

/** One unit's row of a replay: the log's own times, as UTC instants. */
export interface ReplayUnit {
  unit: string;
  unitType: string;
  /** Dispatch wave, from 1: units sent together form one tier. */
  wave: number;
  dispatchedAt: string;
  respondedAt: string | null;
  onSceneAt: string | null;
  /** No on-scene time: cancelled on the way (normal, counted). */
  cancelled: boolean;
}

/**
 * A replay scenario: one call of a dispatch log with the log's own
 * times and no grading inputs (no headcount, conduct or expected level).
 */
export interface ReplayScenario {
  kind: "replay";
  source: string;
  call: string;
  callType: string;
  receivedAt: string;
  place: { name: string; position: { lat: number; lon: number } | null };
  tiers: { id: string; dispatchedAt: string; units: string[] }[];
  units: ReplayUnit[];
}

export interface IntervalStats {
  n: number;
  median: number | null;
  p90: number | null;
}

/** What `muster drill import-cad --json` prints. */
export interface CadStatistics {
  calls: number;
  units: number;
  dirtyRows: number;
  cancelled: number;
  /** Intervals over three hours, left out of the statistics. */
  outliers: {
    call: string;
    unit: string;
    interval: IntervalName;
    seconds: number;
  }[];
  intervals: Record<IntervalName, IntervalStats>;
}

const OUTLIER_SECONDS = 3 * 3600;
/** Dispatches this close to a wave's first one belong to that wave. */
const WAVE_SECONDS = 60;

/** Splits CSV text (RFC 4180: quotes, doubled quotes, CRLF) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== "");
}

/**
 * `MM/DD/YYYY hh:mm:ss AM` in local time without an offset, read in
 * `zone`; null when empty, NaN-like (undefined) when unparseable.
 */
export function parseLocalTime(
  text: string,
  zone: string,
): number | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(
    value,
  );
  if (!m) return undefined;
  const [, mo, d, y, h, mi, s, ampm] = m;
  let hour = Number(h) % 12;
  if (ampm === "PM") hour += 12;
  const asUtc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    hour,
    Number(mi),
    Number(s),
  );
  if (Number.isNaN(asUtc) || Number(mo) > 12 || Number(d) > 31) {
    return undefined;
  }
  // Two passes settle the offset across a change of daylight saving.
  let ms = asUtc - zoneOffsetMs(zone, asUtc);
  ms = asUtc - zoneOffsetMs(zone, ms);
  return ms;
}

/** Nearest-rank percentile of sorted values: the ⌈p·n⌉-th value. */
export function nearestRank(
  sorted: readonly number[],
  p: number,
): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

interface Row {
  call: string;
  unit: string;
  unitType: string;
  callType: string;
  address: string;
  location: string;
  received: number;
  dispatch: number;
  response: number | null;
  onScene: number | null;
}

const COLUMNS = {
  call: "Call Number",
  unit: "Unit ID",
  callType: "Call Type",
  received: "Received DtTm",
  dispatch: "Dispatch DtTm",
  response: "Response DtTm",
  onScene: "On Scene DtTm",
  address: "Address",
  location: "Location",
  unitType: "Unit Type",
} as const;

/**
 * Reads a San Francisco Fire Department calls-for-service export (one
 * row per unit, local times without an offset) into replay scenarios,
 * one per call, and per-unit interval statistics. Dirty rows
 * (unparseable times, negative intervals) are counted and left out;
 * intervals over three hours are reported as outliers and left out;
 * a unit with no on-scene time was cancelled on the way and counts
 * only toward call processing and turnout.
 *
 * @example
 * const { scenarios, stats } = importCad(text, "sffd.csv");
 * stats.intervals.travel.p90; // seconds
 */
export function importCad(
  text: string,
  source: string,
  zone = "America/Los_Angeles",
): { scenarios: ReplayScenario[]; stats: CadStatistics } {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new MusterError("BAD_REQUEST", `${source}: empty file`);
  const index = {} as Record<keyof typeof COLUMNS, number>;
  for (const [key, name] of Object.entries(COLUMNS)) {
    const at = header.indexOf(name);
    if (at < 0) {
      throw new MusterError(
        "BAD_REQUEST",
        `${source}: no column "${name}"; expected the SFFD calls-for-service format`,
      );
    }
    index[key as keyof typeof COLUMNS] = at;
  }

  let dirtyRows = 0;
  const rows: Row[] = [];
  for (const cells of body) {
    const get = (k: keyof typeof COLUMNS) => cells[index[k]] ?? "";
    const time = (k: keyof typeof COLUMNS) => parseLocalTime(get(k), zone);
    const received = time("received");
    const dispatch = time("dispatch");
    const response = time("response");
    const onScene = time("onScene");
    const ordered = [received, dispatch, response, onScene].filter(
      (t): t is number => typeof t === "number",
    );
    const dirty =
      typeof received !== "number" ||
      typeof dispatch !== "number" ||
      response === undefined ||
      onScene === undefined ||
      ordered.some((t, i) => i > 0 && t < ordered[i - 1]!);
    if (dirty || get("call") === "" || get("unit") === "") {
      dirtyRows++;
      continue;
    }
    rows.push({
      call: get("call"),
      unit: get("unit"),
      unitType: get("unitType"),
      callType: get("callType"),
      address: get("address"),
      location: get("location"),
      received,
      dispatch,
      response,
      onScene,
    });
  }

  const values: Record<IntervalName, number[]> = {
    callProcessing: [],
    turnout: [],
    travel: [],
    total: [],
  };
  const outliers: CadStatistics["outliers"] = [];
  let cancelled = 0;
  for (const r of rows) {
    const add = (
      name: IntervalName,
      from: number | null,
      to: number | null,
    ) => {
      if (from === null || to === null) return;
      const seconds = (to - from) / 1000;
      if (seconds > OUTLIER_SECONDS) {
        outliers.push({ call: r.call, unit: r.unit, interval: name, seconds });
      } else values[name].push(seconds);
    };
    add("callProcessing", r.received, r.dispatch);
    add("turnout", r.dispatch, r.response);
    if (r.onScene === null) {
      cancelled++;
      continue;
    }
    add("travel", r.response, r.onScene);
    add("total", r.received, r.onScene);
  }
  const stat = (name: IntervalName): IntervalStats => {
    const sorted = [...values[name]].sort((a, b) => a - b);
    return {
      n: sorted.length,
      median: nearestRank(sorted, 0.5),
      p90: nearestRank(sorted, 0.9),
    };
  };

  const calls = new Map<string, Row[]>();
  for (const r of rows) calls.set(r.call, [...(calls.get(r.call) ?? []), r]);
  const scenarios = [...calls.values()].map((units) => replayOf(units, source));

  return {
    scenarios,
    stats: {
      calls: calls.size,
      units: rows.length,
      dirtyRows,
      cancelled,
      outliers,
      intervals: {
        callProcessing: stat("callProcessing"),
        turnout: stat("turnout"),
        travel: stat("travel"),
        total: stat("total"),
      },
    },
  };
}

function replayOf(rows: Row[], source: string): ReplayScenario {
  const sorted = [...rows].sort(
    (a, b) => a.dispatch - b.dispatch || a.unit.localeCompare(b.unit),
  );
  const first = sorted[0]!;
  // Tiers from the dispatch waves: a wave is every unit sent within a
  // minute of the wave's first dispatch.
  const tiers: ReplayScenario["tiers"] = [];
  let waveStart = -Infinity;
  const units = sorted.map((r): ReplayUnit => {
    if (r.dispatch - waveStart > WAVE_SECONDS * 1000) {
      waveStart = r.dispatch;
      tiers.push({
        id: `wave-${tiers.length + 1}`,
        dispatchedAt: iso(r.dispatch),
        units: [],
      });
    }
    tiers.at(-1)!.units.push(r.unit);
    return {
      unit: r.unit,
      unitType: r.unitType,
      wave: tiers.length,
      dispatchedAt: iso(r.dispatch),
      respondedAt: r.response === null ? null : iso(r.response),
      onSceneAt: r.onScene === null ? null : iso(r.onScene),
      cancelled: r.onScene === null,
    };
  });
  const m = /\(([-\d.]+),\s*([-\d.]+)\)/.exec(first.location);
  return {
    kind: "replay",
    source,
    call: first.call,
    callType: first.callType,
    receivedAt: iso(Math.min(...rows.map((r) => r.received))),
    place: {
      name: first.address,
      position: m ? { lat: Number(m[1]), lon: Number(m[2]) } : null,
    },
    tiers,
    units,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
