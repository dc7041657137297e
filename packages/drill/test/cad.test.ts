import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importCad, nearestRank, parseLocalTime } from "../src/index.ts";

const HEADER =
  "Call Number,Unit ID,Call Type,Received DtTm,Dispatch DtTm," +
  "Response DtTm,On Scene DtTm,Address,Location,Unit Type";

/** A call with units given as [unit, dispatch, response, onScene]. */
function csv(rows: string[][]): string {
  const lines = rows.map(([call, unit, ...times]) =>
    row(call!, unit!, times).join(","),
  );
  return [HEADER, ...lines].join("\r\n") + "\r\n";
}
const day = "06/01/2019";
// Every time in these rows is before noon.
const at = (t: string) => (t === "" ? "" : `${day} ${t} AM`);
const row = (call: string, unit: string, times: string[]) => [
  call,
  unit,
  "Structure Fire",
  ...times.map(at),
  "TURK ST/ARGUELLO BL",
  '"(37.7, -122.4)"',
  "ENGINE",
];

describe("importCad", () => {
  it("reads local times in the given zone, across daylight saving", () => {
    const summer = parseLocalTime(
      "06/01/2019 02:36:01 PM",
      "America/Los_Angeles",
    );
    const winter = parseLocalTime(
      "01/10/2009 02:36:01 PM",
      "America/Los_Angeles",
    );

    expect(new Date(summer!).toISOString()).toBe("2019-06-01T21:36:01.000Z");
    expect(new Date(winter!).toISOString()).toBe("2009-01-10T22:36:01.000Z");
    expect(parseLocalTime("", "UTC")).toBeNull();
    expect(parseLocalTime("yesterday", "UTC")).toBeUndefined();
  });

  it("takes nearest-rank percentiles: the ⌈p·n⌉-th value", () => {
    // n = 5: median rank ⌈2.5⌉ = 3, p90 rank ⌈4.5⌉ = 5.
    expect(nearestRank([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(nearestRank([10, 20, 30, 40, 50], 0.9)).toBe(50);
    // n = 4: median rank 2, p90 rank ⌈3.6⌉ = 4.
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([], 0.5)).toBeNull();
  });

  it(
    "counts intervals per unit, leaves cancelled units out of travel " +
      "and total, and dirty rows and outliers out of everything",
    () => {
      const text = csv([
        // received 10:00:00 for every unit of call 1
        ["1", "E1", "10:00:00", "10:01:00", "10:02:00", "10:06:00"],
        ["1", "E2", "10:00:00", "10:01:30", "10:03:00", "10:09:00"],
        ["1", "T1", "10:00:00", "10:05:00", "10:06:00", ""], // cancelled
        // call 2: a negative interval (on scene before response): dirty
        ["2", "E3", "11:00:00", "11:01:00", "11:05:00", "11:04:00"],
        // call 3: an unparseable time: dirty
        ["3", "E4", "09:00:00", "noon", "09:02:00", "09:05:00"],
        // call 4: travel 01:02→04:22 = 12 000 s and total 01:00→04:22 =
        // 12 120 s, both over 3 h (10 800 s): outliers, left out
        ["4", "E5", "01:00:00", "01:01:00", "01:02:00", "04:22:00"],
      ]);
      const { stats, scenarios } = importCad(text, "t.csv", "UTC");

      expect(stats).toMatchObject({ calls: 2, units: 4, dirtyRows: 2 });
      expect(stats.cancelled).toBe(1);
      expect(stats.outliers).toEqual([
        { call: "4", unit: "E5", interval: "travel", seconds: 12_000 },
        { call: "4", unit: "E5", interval: "total", seconds: 12_120 },
      ]);
      // call processing: E1 60, E2 90, T1 300, E5 60 → sorted 60 60 90 300
      expect(stats.intervals.callProcessing).toEqual({
        n: 4,
        median: 60,
        p90: 300,
      });
      // turnout: E1 60, E2 90, T1 60, E5 60 → 60 60 60 90
      expect(stats.intervals.turnout).toEqual({ n: 4, median: 60, p90: 90 });
      // travel: E1 240, E2 360 (T1 cancelled, E5 outlier)
      expect(stats.intervals.travel).toEqual({ n: 2, median: 240, p90: 360 });
      // total: E1 360, E2 540
      expect(stats.intervals.total).toEqual({ n: 2, median: 360, p90: 540 });

      // Waves: E1 and E2 within a minute of each other; T1 four minutes on.
      const call1 = scenarios.find((s) => s.call === "1")!;
      expect(call1.tiers.map((t) => [t.id, t.units])).toEqual([
        ["wave-1", ["E1", "E2"]],
        ["wave-2", ["T1"]],
      ]);
      expect(call1).toMatchObject({
        kind: "replay",
        receivedAt: "2019-06-01T10:00:00.000Z",
        place: { position: { lat: 37.7, lon: -122.4 } },
      });
      expect(call1.units.find((u) => u.unit === "T1")?.cancelled).toBe(true);
    },
  );

  it("reads the SFFD sample: one replay per call, times in Los Angeles", () => {
    const text = readFileSync(
      new URL("./fixtures/sffd-sample.csv", import.meta.url),
      "utf8",
    );
    const { stats, scenarios } = importCad(text, "sffd-sample.csv");

    expect(stats).toMatchObject({ calls: 9, units: 40, dirtyRows: 0 });
    expect(scenarios[0]).toMatchObject({
      call: "090100225",
      // 01/10/2009 02:36:01 PM, Pacific standard time (UTC−8)
      receivedAt: "2009-01-10T22:36:01.000Z",
      tiers: [{ id: "wave-1", units: ["E21"] }],
    });
  });
});
