import { describe, expect, it } from "vitest";
import type { IncidentState } from "@muster/engine";
import { levelsOf, newsworthy } from "./focus.ts";

const incident = (incidentId: string, level: IncidentState["level"]) =>
  ({ incidentId, level }) as IncidentState;

describe("newsworthy", () => {
  const before = levelsOf([incident("A", "III"), incident("B", "II")]);

  it("turns to a new incident", () => {
    const now = [
      incident("B", "II"),
      incident("C", "III"),
      incident("A", "III"),
    ];
    expect(newsworthy(before, now)?.incidentId).toBe("C");
  });

  it("turns to an incident whose level rose, not to one that fell", () => {
    expect(
      newsworthy(before, [incident("A", "I"), incident("B", "II")])?.incidentId,
    ).toBe("A");
    expect(
      newsworthy(before, [incident("B", "III"), incident("A", "III")]),
    ).toBeNull();
  });
});
