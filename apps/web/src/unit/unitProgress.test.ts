import { describe, expect, it } from "vitest";
import type { CommandStatus } from "@muster/client";
import type { UnitAssignment } from "@muster/engine";
import { shownProgress } from "./unitProgress.ts";

const assignment = {
  callsign: "WH-P1",
  status: "dispatched",
  dispatchedAt: "2026-01-01T08:00:00.000Z",
} as UnitAssignment;

function sent(
  type: "unit.acknowledge" | "unit.enRoute",
  state: CommandStatus["state"],
): CommandStatus {
  return {
    command: {
      type,
      commandId: `c-${type}-${state}`,
      incidentId: "2026-0001",
      callsign: "WH-P1",
    },
    state,
    queuedAt: "2026-01-01T08:01:00.000Z",
    attempts: 1,
    result: null,
    error: null,
  };
}

describe("shownProgress", () => {
  it("moves ahead on a command still on its way", () => {
    expect(shownProgress(assignment, [])).toBe(0);
    expect(
      shownProgress(assignment, [sent("unit.acknowledge", "pending")]),
    ).toBe(1);
  });

  it("ignores a command the server refused", () => {
    expect(shownProgress(assignment, [sent("unit.enRoute", "failed")])).toBe(0);
  });

  it("offers no step for a declined unit", () => {
    const declined = { ...assignment, status: "declined" as const };
    expect(shownProgress(declined, [])).toBeNull();
  });
});
