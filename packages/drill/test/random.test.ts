import { describe, expect, test } from "vitest";
import { drawMs, mulberry32, streamFor } from "../src/random.ts";

describe("seeded randomness", () => {
  test("gives the same numbers for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test("gives other numbers for another seed or key", () => {
    expect(streamFor(1, "unit:WH-P1:1")()).not.toBe(
      streamFor(2, "unit:WH-P1:1")(),
    );
    expect(streamFor(1, "unit:WH-P1:1")()).not.toBe(
      streamFor(1, "unit:WH-P2:1")(),
    );
  });

  test("draws whole milliseconds within the range, both ends included", () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 2000 }, () => drawMs(random, 10, 13));
    expect(new Set(draws)).toEqual(new Set([10, 11, 12, 13]));
    expect(drawMs(random, 5, 5)).toBe(5);
  });
});
