import { describe, expect, it } from "vitest";
import type { AlertState, IncidentState } from "@muster/engine";
import { newAlertKeys, openAlerts } from "./openAlerts.ts";

function alert(alertId: string, raisedAt: string, acked = false): AlertState {
  return {
    alertId,
    kind: "tier.late",
    subject: "police",
    raisedAt,
    acknowledgedAt: acked ? raisedAt : null,
  };
}

function incident(
  incidentId: string,
  level: IncidentState["level"],
  alerts: AlertState[],
): IncidentState {
  return {
    incidentId,
    level,
    phase: "responding",
    reportedAt: "2026-01-01T08:00:00.000Z",
    alerts,
  } as IncidentState;
}

describe("openAlerts", () => {
  const list = [
    incident("A", "III", [alert("a1", "2026-01-01T08:01:00Z")]),
    incident("B", "I", [
      alert("b1", "2026-01-01T08:01:00Z"),
      alert("b2", "2026-01-01T08:03:00Z"),
      alert("b3", "2026-01-01T08:04:00Z", true),
    ]),
  ];

  it("lists the gravest incident's alerts first, newest first, open only", () => {
    expect(openAlerts(list).map((a) => a.key)).toEqual([
      "B/b2",
      "B/b1",
      "A/a1",
    ]);
  });

  it("finds the alerts raised since the last look", () => {
    const known = new Set(["B/b1", "A/a1"]);
    expect(newAlertKeys(openAlerts(list), known)).toEqual(["B/b2"]);
  });
});
