import { describe, expect, test } from "vitest";
import type { IdentityView } from "@muster/protocol";
import {
  pageNeed,
  safeNext,
  verdict,
  type PageNeed,
  type Session,
} from "./pageAccess.ts";

const person: IdentityView = {
  kind: "person",
  id: "a1",
  name: "li.wei",
  role: "dispatcher",
  districts: ["wanghai"],
  unit: null,
  expiresAt: "2026-05-01T12:00:00.000Z",
  passwordChangeRequired: false,
};
const tablet: IdentityView = {
  ...person,
  kind: "device",
  name: "WH-P1 tablet",
  role: "unitLeader",
  unit: "WH-P1",
  expiresAt: null,
};
const signedIn = (identity: IdentityView): Session => ({
  status: "signedIn",
  identity,
  demo: false,
});
const signedOut: Session = {
  status: "signedOut",
  error: { code: "UNAUTHENTICATED", path: "", message: "not signed in" },
  demo: false,
};
const unreachable: Session = { status: "unreachable", message: "offline" };

describe("verdict", () => {
  const needs: PageNeed[] = ["open", "person", "wall", "unit"];

  test("the desks send whoever is not signed in to sign in", () => {
    expect(verdict("person", signedOut)).toBe("signIn");
    expect(verdict("person", signedIn(tablet))).toBe("signIn");
    expect(verdict("person", signedIn(person))).toBe("show");
  });

  test("a tablet or wall nobody enrolled says so", () => {
    expect(verdict("unit", signedOut)).toBe("notEnrolled");
    expect(verdict("wall", signedOut)).toBe("notEnrolled");
    expect(verdict("wall", signedIn(person))).toBe("show");
  });

  test("a tablet out of reach of the server works from its copy", () => {
    expect(verdict("unit", unreachable)).toBe("show");
    expect(verdict("person", unreachable)).toBe("wait");
    expect(verdict("wall", unreachable)).toBe("wait");
  });

  test("a one-time password must be changed before anything else", () => {
    const required = signedIn({ ...person, passwordChangeRequired: true });
    for (const need of needs) {
      expect(verdict(need, required)).toBe("changePassword");
    }
    expect(verdict("bare", required)).toBe("show");
  });

  test("the front page is for anyone, once the server has answered", () => {
    expect(verdict("open", { status: "checking" })).toBe("wait");
    expect(verdict("open", signedOut)).toBe("show");
    expect(verdict("open", unreachable)).toBe("show");
  });

  test("sign-in and enrolment show whatever the session", () => {
    for (const session of [signedOut, unreachable, { status: "checking" }]) {
      expect(verdict("bare", session as Session)).toBe("show");
    }
  });

  test("pages are sorted by who they are for", () => {
    expect(pageNeed("/admin")).toBe("person");
    expect(pageNeed("/audit/")).toBe("person");
    expect(pageNeed("/unit/WH-S2")).toBe("unit");
    expect(pageNeed("/unit")).toBe("open");
    expect(pageNeed("/enrol")).toBe("bare");
  });
});

describe("safeNext", () => {
  test("keeps a path on this site with its query", () => {
    expect(safeNext("/audit?incident=2026-0042")).toBe(
      "/audit?incident=2026-0042",
    );
  });

  test("refuses anything that leaves the site", () => {
    for (const raw of [
      null,
      "",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "console",
    ]) {
      expect(safeNext(raw)).toBe("/");
    }
  });

  test("never comes back to the sign-in page itself", () => {
    expect(safeNext("/login?next=/admin")).toBe("/");
  });
});
