import { describe, expect, test } from "vitest";
import { auditQuery, noFilters, zonedToIso } from "./auditQuery.ts";

describe("zonedToIso", () => {
  test("reads a typed time in the plan's zone, not the device's", () => {
    expect(zonedToIso("2026-03-10T08:30", "Asia/Shanghai")).toBe(
      "2026-03-10T00:30:00.000Z",
    );
    expect(zonedToIso("2026-01-01T00:00:15", "Asia/Shanghai")).toBe(
      "2025-12-31T16:00:15.000Z",
    );
  });

  test("follows daylight saving where the zone has it", () => {
    expect(zonedToIso("2026-01-15T12:00", "Europe/London")).toBe(
      "2026-01-15T12:00:00.000Z",
    );
    expect(zonedToIso("2026-07-15T12:00", "Europe/London")).toBe(
      "2026-07-15T11:00:00.000Z",
    );
    // 01:30 does not exist on 29 March 2026 in London; 02:30 BST does.
    expect(zonedToIso("2026-03-29T01:30", "Europe/London")).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  test("an empty or malformed field is no filter", () => {
    expect(zonedToIso("", "Asia/Shanghai")).toBeNull();
    expect(zonedToIso("yesterday", "Asia/Shanghai")).toBeNull();
  });
});

describe("auditQuery", () => {
  test("sends only the filters given, trimmed, with the limit", () => {
    const query = auditQuery(
      {
        ...noFilters,
        incident: " 2026-0042 ",
        from: "2026-03-10T08:00",
        outcome: "refused",
      },
      "Asia/Shanghai",
    );
    expect(query.toString()).toBe(
      "incident=2026-0042&from=2026-03-10T00%3A00%3A00.000Z" +
        "&outcome=refused&limit=500",
    );
  });
});
