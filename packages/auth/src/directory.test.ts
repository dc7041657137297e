import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { authorise } from "./identity.ts";
import { openAccess, type Access } from "./sqlite.ts";
import { TokenSigner } from "./tokens.ts";

const dirs: string[] = [];
const opened: Access[] = [];
afterEach(() => {
  opened.splice(0).forEach((a) => a.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function open(now: () => number = Date.now, dir?: string) {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), "muster-auth-"));
  if (!dir) dirs.push(dataDir);
  const access = openAccess(dataDir, { now });
  opened.push(access);
  return { access, dataDir };
}

describe("the first start", () => {
  test("creates one administrator with a one-time password, and only once", async () => {
    const { access, dataDir } = open();
    const first = await access.directory.ensureAdministrator("wanghai");
    const second = await access.directory.ensureAdministrator("wanghai");
    expect(first?.name).toBe("admin");
    expect(first?.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(second).toBeNull();

    const session = await access.directory.signIn(
      "admin",
      first!.password,
      "test",
    );
    if (!session.ok) throw new Error(session.reason);
    expect(session.identity.passwordChangeRequired).toBe(true);
    expect(authorise(session.identity, "account.manage")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/new password/) as string,
    });
    // The signing secret is readable by the server's user only.
    expect(statSync(join(dataDir, "secret.key")).mode & 0o077).toBe(0);
  });
});

describe("enrolment codes", () => {
  test("expire after their time and cannot be used again", async () => {
    let now = Date.UTC(2026, 11, 4, 8, 0, 0);
    const { access } = open(() => now);
    const by = { id: "commander" };
    const late = access.directory.createEnrolmentCode(
      { kind: "unit", unit: "WH-P1" },
      "wanghai",
      by,
      60_000,
    );
    const used = access.directory.createEnrolmentCode(
      { kind: "display", district: "wanghai" },
      "wanghai",
      by,
      60_000,
    );
    const enrolled = await access.directory.enrol(used.code, undefined, "test");
    expect(enrolled.identity).toMatchObject({ role: "observer", unit: null });
    now += 60_001;

    await expect(
      access.directory.enrol(late.code, undefined, "test"),
    ).rejects.toThrow(/expired/);
    await expect(
      access.directory.enrol(used.code, undefined, "test"),
    ).rejects.toThrow(/already been used/);
  });
});

describe("sessions", () => {
  test("live sessions come back after a restart; ended ones do not", async () => {
    const { access, dataDir } = open();
    await access.directory.createAccount(
      {
        name: "li",
        displayName: "Li",
        role: "observer",
        districts: ["wanghai"],
      },
      null,
      { text: "a password of her own", oneTime: false },
    );
    const signIn = async () => {
      const session = await access.directory.signIn(
        "li",
        "a password of her own",
        "test",
      );
      if (!session.ok) throw new Error(session.reason);
      return session;
    };
    const kept = await signIn();
    const ended = await signIn();
    access.directory.signOut(ended.identity.sessionId);
    access.close();
    opened.length = 0;

    const again = open(Date.now, dataDir).access;
    expect((await again.directory.authenticate(kept.token)).ok).toBe(true);
    expect(await again.directory.authenticate(ended.token)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ended/) as string,
    });
  });

  test("a one-time password serves one sign-in, within a day", async () => {
    let now = Date.UTC(2026, 11, 4, 8, 0, 0);
    const { access } = open(() => now);
    const input = {
      displayName: "X",
      role: "observer" as const,
      districts: ["wanghai"],
    };
    const once = await access.directory.createAccount(
      { ...input, name: "once" },
      null,
    );
    const stale = await access.directory.createAccount(
      { ...input, name: "stale" },
      null,
    );

    expect(
      (await access.directory.signIn("once", once.oneTimePassword, "t")).ok,
    ).toBe(true);
    expect(
      await access.directory.signIn("once", once.oneTimePassword, "t"),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/used already/) as string,
    });
    // Signing in with it at the same moment, several times: one gets in.
    const raced = await access.directory.createAccount(
      { ...input, name: "raced" },
      null,
    );
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        access.directory.signIn("raced", raced.oneTimePassword, "t"),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    now += 24 * 3600_000 + 1;
    expect(
      (await access.directory.signIn("stale", stale.oneTimePassword, "t")).ok,
    ).toBe(false);
  });

  test("the last administrator cannot be disabled; a reset brings one back", async () => {
    const { access } = open();
    await access.directory.ensureAdministrator("wanghai");
    const admin = access.directory.accountNamed("admin")!;
    expect(() => access.directory.disableAccount(admin.id)).toThrow(
      /last administrator/,
    );
    await access.directory.createAccount(
      {
        name: "second",
        displayName: "Second",
        role: "admin",
        districts: ["wanghai"],
      },
      null,
    );
    access.directory.disableAccount(admin.id);
    expect(access.directory.accountNamed("admin")?.disabled).toBe(true);
    await access.directory.resetPassword(admin.id);
    expect(access.directory.accountNamed("admin")?.disabled).toBe(false);
  });

  test("a token signed with another secret is refused", async () => {
    const { access } = open();
    const other = new TokenSigner(Buffer.alloc(32, 7));
    const token = await other.sign(
      { sub: "x", sid: "x", kind: "person" },
      null,
    );
    expect(await access.directory.authenticate(token)).toMatchObject({
      ok: false,
      reason: "the token is not valid",
    });
  });
});
