import { describe, expect, test } from "vitest";
import { formatDuration, parseDuration } from "../src/duration.ts";

describe("scenario offsets", () => {
  test.each([
    ["0s", 0],
    ["90s", 90_000],
    ["4m", 240_000],
    ["1m30s", 90_000],
    ["1h5m", 3_900_000],
    ["5m1ms", 300_001],
    ["250ms", 250],
  ])("reads %s as %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(["", "soon", "90", "1.5m", "30s1m", "-5s", "5 m"])(
    "refuses %j",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  test("writes milliseconds back as the shortest offset", () => {
    expect(formatDuration(90_000)).toBe("1m30s");
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(3_600_001)).toBe("1h1ms");
  });
});
