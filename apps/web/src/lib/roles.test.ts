import { describe, expect, test } from "vitest";
import type { IdentityView, Role } from "@muster/protocol";
import {
  mayDo,
  mayEnrolDevices,
  mayOpen,
  pagesFor,
  readOnly,
  rolesThatMay,
  screenOf,
} from "./roles.ts";

const as = (role: Role, unit: string | null = null): IdentityView => ({
  kind: "person",
  id: "a1",
  name: "li.wei",
  role,
  districts: ["wanghai"],
  unit,
  expiresAt: null,
  passwordChangeRequired: false,
});

describe("screens", () => {
  test("the administrator keeps accounts and reads the trail, nothing live", () => {
    const admin = as("admin");
    expect(mayOpen(admin, "/admin")).toBe(true);
    expect(mayOpen(admin, "/audit/")).toBe(true);
    for (const path of ["/console", "/wall", "/drill", "/unit/WH-P1"]) {
      expect(mayOpen(admin, path)).toBe(false);
    }
    expect(pagesFor(admin)).toEqual(["/admin", "/audit"]);
  });

  test("commander and deputy open everything, any unit's tablet too; devices are the commander's", () => {
    for (const role of ["commander", "deputy"] as const) {
      for (const path of ["/console", "/drill", "/audit", "/wall"]) {
        expect(mayOpen(as(role), path)).toBe(true);
      }
      expect(mayOpen(as(role), "/unit/WH-P1")).toBe(true);
    }
    expect(mayOpen(as("commander"), "/admin")).toBe(true);
    expect(mayOpen(as("deputy"), "/admin")).toBe(false);
  });

  test("a unit leader has its own unit's tablet only", () => {
    const leader = as("unitLeader", "WH-P1");
    expect(mayOpen(leader, "/unit/WH-P1")).toBe(true);
    expect(mayOpen(leader, "/unit/WH-S2")).toBe(false);
    expect(mayOpen(leader, "/console")).toBe(false);
    expect(pagesFor(leader)).toEqual(["/unit/WH-P1"]);
  });

  test("the desks read the console; only the coordinator runs drills", () => {
    for (const role of ["groupLead", "dispatcher", "observer"] as const) {
      expect(mayOpen(as(role), "/console")).toBe(true);
      expect(mayOpen(as(role), "/drill")).toBe(false);
      expect(mayOpen(as(role), "/admin")).toBe(false);
    }
    expect(mayOpen(as("drillCoordinator"), "/drill")).toBe(true);
  });

  test("the pages for anyone are for every role", () => {
    for (const path of ["/", "/unit", "/login", "/enrol"]) {
      expect(screenOf(path)).toBeNull();
      expect(mayOpen(as("admin"), path)).toBe(true);
    }
  });
});

describe("live rights", () => {
  test("observer and drill coordinator change nothing", () => {
    expect(readOnly("observer")).toBe(true);
    expect(readOnly("drillCoordinator")).toBe(true);
    expect(readOnly("dispatcher")).toBe(false);
  });

  test("a dispatcher reports and releases, but neither closes out nor ticks steps", () => {
    expect(mayDo("dispatcher", "incident.report")).toBe(true);
    expect(mayDo("dispatcher", "unit.release")).toBe(true);
    expect(mayDo("dispatcher", "alert.acknowledge")).toBe(true);
    expect(mayDo("dispatcher", "incident.closeout")).toBe(false);
    expect(mayDo("dispatcher", "group.acknowledge")).toBe(false);
    expect(mayDo("dispatcher", "step.complete")).toBe(false);
  });

  test("a group lead acknowledges for its group and ticks steps only", () => {
    expect(mayDo("groupLead", "group.acknowledge")).toBe(true);
    expect(mayDo("groupLead", "step.complete")).toBe(true);
    expect(mayDo("groupLead", "incident.report")).toBe(false);
  });

  test("who to ask is named by role", () => {
    expect(rolesThatMay("incident.closeout")).toEqual(["commander", "deputy"]);
    expect(rolesThatMay("step.complete")).toEqual([
      "commander",
      "deputy",
      "groupLead",
    ]);
  });

  test("only the commander enrols devices", () => {
    expect(mayEnrolDevices("commander")).toBe(true);
    expect(mayEnrolDevices("admin")).toBe(false);
    expect(mayEnrolDevices("deputy")).toBe(false);
  });
});
