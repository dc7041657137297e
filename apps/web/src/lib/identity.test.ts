import { describe, expect, test } from "vitest";
import { speakAs } from "./identity.ts";

describe("speakAs", () => {
  test("a tablet page speaks as its unit", () => {
    expect(speakAs("/unit/WH-P1")).toBe("unit:WH-P1");
    expect(speakAs("/unit/WH-P1/")).toBe("unit:WH-P1");
  });

  test("the wall speaks as the display, every other page as the person", () => {
    expect(speakAs("/wall")).toBe("display");
    for (const path of ["/", "/console", "/unit", "/login", "/enrol"]) {
      expect(speakAs(path)).toBe("person");
    }
  });
});
