import { expect, test } from "vitest";
import { wallClockIn, zoneOffsetMs } from "./time.ts";

const hour = 3600_000;

test("the wall clock and offset of a zone at an instant, across a clock change", () => {
  const instant = Date.UTC(2026, 11, 4, 17, 44, 5);
  expect(wallClockIn("Asia/Shanghai", instant)).toEqual({
    year: 2026,
    month: 12,
    day: 5,
    hour: 1,
    minute: 44,
    second: 5,
  });
  expect(zoneOffsetMs("Asia/Shanghai", instant)).toBe(8 * hour);
  // San Francisco moves from -8 h to -7 h on 8 March 2026 at 10:00 UTC.
  expect(zoneOffsetMs("America/Los_Angeles", Date.UTC(2026, 2, 8, 9, 59))).toBe(
    -8 * hour,
  );
  expect(zoneOffsetMs("America/Los_Angeles", Date.UTC(2026, 2, 8, 10, 1))).toBe(
    -7 * hour,
  );
});
