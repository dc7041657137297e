import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import {
  MusterError,
  type AccountView,
  type DeviceView,
  type CreateAccount,
  type CreateEnrolmentCode,
  type Role,
} from "@muster/protocol";
import type { Identity } from "./identity.ts";
import {
  codeDigest,
  enrolmentCode,
  hashPassword,
  oneTimePassword,
  passwordMatches,
} from "./secrets.ts";
import type { TokenSigner } from "./tokens.ts";

export type Account = AccountView;
export type Device = DeviceView;

/** Why a session stopped: the server tells open sockets and then hangs up. */
export type EndReason = "signedOut" | "revoked" | "disabled" | "expired";

export interface DirectoryOptions {
  db: Database;
  signer: TokenSigner;
  /** How long a person's sign-in lasts: a shift, by default 12 hours. */
  sessionMs?: number;
  /** How long an enrolment code may wait to be used; 15 minutes. */
  codeMs?: number;
  now?: () => number;
}

interface AccountRow {
  id: string;
  name: string;
  display_name: string;
  role: Role;
  districts: string;
  unit: string | null;
  password_hash: string;
  password_one_time: number;
  password_set_at: number;
  one_time_used: number;
  disabled: number;
  created_at: string;
}

interface DeviceRow {
  id: string;
  kind: "unit" | "display";
  unit: string | null;
  district: string;
  label: string;
  enrolled_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

const hour = 3600_000;

/** A one-time password serves one sign-in within a day of being made. */
const ONE_TIME_MS = 24 * hour;

/**
 * Accounts, sign-in sessions, enrolled devices and enrolment codes, kept
 * in the access database. Live sessions are also held in memory so that
 * every socket message can be checked without a query; every change goes
 * to the database first.
 */
export class AccessDirectory {
  readonly #db: Database;
  readonly #signer: TokenSigner;
  readonly #sessionMs: number;
  readonly #codeMs: number;
  readonly #now: () => number;
  /** Session id → who it is, for sessions not ended and devices not revoked. */
  readonly #live = new Map<string, Identity>();
  readonly #endListeners = new Set<
    (sessionId: string, why: EndReason) => void
  >();

  constructor(options: DirectoryOptions) {
    this.#db = options.db;
    this.#signer = options.signer;
    this.#sessionMs = options.sessionMs ?? 12 * hour;
    this.#codeMs = options.codeMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
    this.#loadLive();
  }

  /** Called when a session ends, so that sockets using it are closed. */
  onEnded(listener: (sessionId: string, why: EndReason) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /**
   * Marks the accounts as the demo's: their passwords were printed. The
   * mark lives in the database, so a backup of it carries it too.
   */
  markDemo(): void {
    this.#db
      .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')")
      .run();
  }

  /** True when the demo made these accounts. */
  madeByDemo(): boolean {
    return Boolean(
      this.#db.prepare("SELECT 1 FROM meta WHERE key = 'demo'").get(),
    );
  }

  /** True when no account exists: the very first start. */
  isEmpty(): boolean {
    const row = this.#db
      .prepare("SELECT COUNT(*) AS n FROM accounts")
      .get() as {
      n: number;
    };
    return row.n === 0;
  }

  /**
   * Creates the first administrator when there is no account at all, and
   * returns its one-time password (to be shown once); null otherwise.
   */
  async ensureAdministrator(
    homeDistrict: string,
  ): Promise<{ name: string; password: string } | null> {
    if (!this.isEmpty()) return null;
    const { oneTimePassword: password } = await this.createAccount(
      {
        name: "admin",
        displayName: "Administrator",
        role: "admin",
        districts: [homeDistrict],
      },
      null,
    );
    return { name: "admin", password };
  }

  async createAccount(
    input: CreateAccount,
    by: Identity | null,
    password?: { text: string; oneTime: boolean },
  ): Promise<{ account: Account; oneTimePassword: string }> {
    const exists = this.#db
      .prepare("SELECT 1 FROM accounts WHERE name = ?")
      .get(input.name);
    if (exists) {
      throw new MusterError(
        "COMMAND_REJECTED",
        `an account named ${input.name} already exists`,
        { path: "name" },
      );
    }
    const text = password?.text ?? oneTimePassword();
    const id = randomUUID();
    const createdAt = new Date(this.#now()).toISOString();
    this.#db
      .prepare(
        `INSERT INTO accounts (id, name, display_name, role, districts, unit,
           password_hash, password_one_time, password_set_at, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.name,
        input.displayName,
        input.role,
        JSON.stringify(input.districts),
        input.unit ?? null,
        await hashPassword(text),
        (password?.oneTime ?? true) ? 1 : 0,
        this.#now(),
        createdAt,
        by?.id ?? null,
      );
    return { account: this.account(id)!, oneTimePassword: text };
  }

  account(id: string): Account | null {
    const row = this.#db
      .prepare("SELECT * FROM accounts WHERE id = ?")
      .get(id) as AccountRow | undefined;
    return row ? accountOf(row) : null;
  }

  accountNamed(name: string): Account | null {
    const row = this.#db
      .prepare("SELECT * FROM accounts WHERE name = ?")
      .get(name) as AccountRow | undefined;
    return row ? accountOf(row) : null;
  }

  accounts(): Account[] {
    const rows = this.#db
      .prepare("SELECT * FROM accounts ORDER BY name")
      .all() as AccountRow[];
    return rows.map(accountOf);
  }

  /**
   * Sets a password: one-time (an administrator's reset, which ends the
   * account's sessions) or chosen (the demo's accounts).
   */
  async setPassword(
    id: string,
    password: { text: string; oneTime: boolean },
  ): Promise<void> {
    this.#requireAccount(id);
    this.#db
      .prepare(
        `UPDATE accounts SET password_hash = ?, password_one_time = ?,
           password_set_at = ?, one_time_used = 0 WHERE id = ?`,
      )
      .run(
        await hashPassword(password.text),
        password.oneTime ? 1 : 0,
        this.#now(),
        id,
      );
    this.#endSessionsOf(id, "revoked");
  }

  /**
   * A new one-time password. The account is enabled again too: a reset is
   * how an administrator (or `muster reset-admin`) brings one back.
   */
  async resetPassword(id: string): Promise<string> {
    const text = oneTimePassword();
    await this.setPassword(id, { text, oneTime: true });
    this.#db.prepare("UPDATE accounts SET disabled = 0 WHERE id = ?").run(id);
    return text;
  }

  /** Disables an account and ends its sessions; never the last administrator. */
  disableAccount(id: string): void {
    const account = this.#requireAccount(id);
    if (account.role === "admin" && !account.disabled) {
      const { n } = this.#db
        .prepare(
          "SELECT COUNT(*) AS n FROM accounts WHERE role = 'admin' AND disabled = 0",
        )
        .get() as { n: number };
      if (n <= 1) {
        throw new MusterError(
          "COMMAND_REJECTED",
          `${account.name} is the last administrator: create another before disabling it`,
        );
      }
    }
    this.#db.prepare("UPDATE accounts SET disabled = 1 WHERE id = ?").run(id);
    this.#endSessionsOf(id, "disabled");
  }

  enableAccount(id: string): void {
    this.#requireAccount(id);
    this.#db.prepare("UPDATE accounts SET disabled = 0 WHERE id = ?").run(id);
  }

  /**
   * A new session for a right name and password; why not otherwise. Only
   * a right password learns that it was a spent or stale one-time one.
   */
  async signIn(
    name: string,
    password: string,
    from: string,
  ): Promise<
    | { ok: true; identity: Identity; token: string }
    | { ok: false; reason: string }
  > {
    const row = this.#db
      .prepare("SELECT * FROM accounts WHERE name = ?")
      .get(name) as AccountRow | undefined;
    // A missing name costs a hash as well, so timing does not tell names.
    const matches = await passwordMatches(
      row?.password_hash ?? DUMMY_HASH,
      password,
    );
    if (!row || !matches || row.disabled) {
      return {
        ok: false,
        reason: "wrong name or password, or the account is disabled",
      };
    }
    const now = this.#now();
    if (row.password_one_time) {
      // Spent in one step, so that sign-ins racing with it find it spent.
      const spent = this.#db
        .prepare(
          `UPDATE accounts SET one_time_used = 1
           WHERE id = ? AND password_hash = ? AND one_time_used = 0
             AND password_set_at >= ?`,
        )
        .run(row.id, row.password_hash, now - ONE_TIME_MS);
      if (spent.changes !== 1) {
        return {
          ok: false,
          reason:
            "this one-time password was used already or is over a day old: ask the administrator for a new one",
        };
      }
    }

    const sessionId = randomUUID();
    const expiresAt = now + this.#sessionMs;
    this.#db
      .prepare(
        `INSERT INTO sessions (id, account_id, created_at, expires_at, from_addr)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(sessionId, row.id, new Date(now).toISOString(), expiresAt, from);
    const identity = personOf(row, sessionId, expiresAt);
    this.#live.set(sessionId, identity);
    const token = await this.#signer.sign(
      { sub: row.id, sid: sessionId, kind: "person" },
      expiresAt,
    );
    return { ok: true, identity, token };
  }

  /** Replaces a person's password; the session goes on, others end. */
  async changePassword(
    identity: Identity,
    current: string,
    next: string,
  ): Promise<void> {
    const row = this.#db
      .prepare("SELECT * FROM accounts WHERE id = ?")
      .get(identity.id) as AccountRow | undefined;
    if (!row || !(await passwordMatches(row.password_hash, current))) {
      throw new MusterError(
        "NOT_AUTHORISED",
        "the current password is not right",
        { path: "current" },
      );
    }
    if (current === next) {
      throw new MusterError(
        "BAD_REQUEST",
        "the new password must differ from the current one",
        { path: "next" },
      );
    }
    this.#db
      .prepare(
        "UPDATE accounts SET password_hash = ?, password_one_time = 0 WHERE id = ?",
      )
      .run(await hashPassword(next), identity.id);
    this.#endSessionsOf(identity.id, "revoked", identity.sessionId);
    const live = this.#live.get(identity.sessionId);
    if (live) {
      this.#live.set(identity.sessionId, {
        ...live,
        passwordChangeRequired: false,
      });
    }
  }

  signOut(sessionId: string): void {
    this.#db
      .prepare(
        "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
      )
      .run(new Date(this.#now()).toISOString(), sessionId);
    this.#end(sessionId, "signedOut");
  }

  createEnrolmentCode(
    input: CreateEnrolmentCode,
    district: string,
    by: { id: string },
    validMs = this.#codeMs,
  ): { code: string; expiresAt: string } {
    const code = enrolmentCode();
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT INTO enrolment_codes (digest, kind, unit, district, created_by,
           created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        codeDigest(code),
        input.kind,
        input.kind === "unit" ? input.unit : null,
        district,
        by.id,
        new Date(now).toISOString(),
        now + validMs,
      );
    return { code, expiresAt: new Date(now + validMs).toISOString() };
  }

  /** Enrols the device that presents a good code: the code is then spent. */
  async enrol(
    code: string,
    label: string | undefined,
    from: string,
  ): Promise<{ identity: Identity; token: string; device: Device }> {
    const now = this.#now();
    const deviceId = randomUUID();
    const spend = this.#db.transaction(() => {
      const row = this.#db
        .prepare("SELECT * FROM enrolment_codes WHERE digest = ?")
        .get(codeDigest(code)) as
        | {
            kind: "unit" | "display";
            unit: string | null;
            district: string;
            expires_at: number;
            used_at: string | null;
          }
        | undefined;
      if (!row) return "unknown" as const;
      if (row.used_at) return "used" as const;
      if (row.expires_at <= now) return "expired" as const;
      const at = new Date(now).toISOString();
      this.#db
        .prepare(
          "UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE digest = ?",
        )
        .run(at, deviceId, codeDigest(code));
      const name = label ?? (row.kind === "unit" ? row.unit! : row.district);
      this.#db
        .prepare(
          `INSERT INTO devices (id, kind, unit, district, label, enrolled_at, enrolled_from)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(deviceId, row.kind, row.unit, row.district, name, at, from);
      return "enrolled" as const;
    });
    const outcome = spend();
    if (outcome !== "enrolled") {
      const why = {
        unknown: "this enrolment code is not known; check it and try again",
        used: "this enrolment code has already been used; ask for a new one",
        expired: "this enrolment code has expired; ask for a new one",
      }[outcome];
      throw new MusterError("UNAUTHENTICATED", why, { path: "code" });
    }
    const device = this.device(deviceId)!;
    const identity = deviceIdentity(device);
    this.#live.set(deviceId, identity);
    const token = await this.#signer.sign(
      { sub: deviceId, sid: deviceId, kind: "device" },
      null,
    );
    return { identity, token, device };
  }

  device(id: string): Device | null {
    const row = this.#db
      .prepare("SELECT * FROM devices WHERE id = ?")
      .get(id) as DeviceRow | undefined;
    return row ? deviceOf(row) : null;
  }

  devices(): Device[] {
    const rows = this.#db
      .prepare("SELECT * FROM devices ORDER BY enrolled_at DESC")
      .all() as DeviceRow[];
    return rows.map(deviceOf);
  }

  /** Revokes a device: its token stops working at once, on every socket. */
  revokeDevice(id: string, by: Identity): void {
    const device = this.device(id);
    if (!device) {
      throw new MusterError("NOT_FOUND", `no device ${id}`, { path: "id" });
    }
    if (device.revokedAt) return;
    this.#db
      .prepare("UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE id = ?")
      .run(new Date(this.#now()).toISOString(), by.id, id);
    this.#end(id, "revoked");
  }

  /** Notes that a device was heard from, at most once a minute. */
  touchDevice(id: string): void {
    const now = this.#now();
    const last = this.#touched.get(id) ?? 0;
    if (now - last < 60_000) return;
    this.#touched.set(id, now);
    this.#db
      .prepare("UPDATE devices SET last_seen_at = ? WHERE id = ?")
      .run(new Date(now).toISOString(), id);
  }
  readonly #touched = new Map<string, number>();

  /**
   * Who a token belongs to, if its signature is good and its session is
   * still live; why not, otherwise.
   */
  async authenticate(
    token: string,
  ): Promise<{ ok: true; identity: Identity } | { ok: false; reason: string }> {
    const verified = await this.#signer.verify(token);
    if (!verified.ok) return verified;
    const { sid, sub } = verified.claims;
    const identity = this.#live.get(sid);
    if (!identity || identity.id !== sub) {
      return {
        ok: false,
        reason:
          verified.claims.kind === "device"
            ? "this device's enrolment was revoked: enrol it again"
            : "this session has ended: sign in again",
      };
    }
    return this.stillLive(identity);
  }

  /** Checks a known identity again: its session may have ended since. */
  stillLive(
    identity: Identity,
  ): { ok: true; identity: Identity } | { ok: false; reason: string } {
    const live = this.#live.get(identity.sessionId);
    if (!live) {
      return {
        ok: false,
        reason:
          identity.kind === "device"
            ? "this device's enrolment was revoked: enrol it again"
            : "this session has ended: sign in again",
      };
    }
    if (live.expiresAt !== null && live.expiresAt <= this.#now()) {
      this.#live.delete(identity.sessionId);
      this.#emitEnded(identity.sessionId, "expired");
      return { ok: false, reason: "the session has expired: sign in again" };
    }
    return { ok: true, identity: live };
  }

  #requireAccount(id: string): Account {
    const account = this.account(id);
    if (!account) {
      throw new MusterError("NOT_FOUND", `no account ${id}`, { path: "id" });
    }
    return account;
  }

  #endSessionsOf(accountId: string, why: EndReason, except?: string): void {
    const rows = this.#db
      .prepare(
        "SELECT id FROM sessions WHERE account_id = ? AND ended_at IS NULL",
      )
      .all(accountId) as { id: string }[];
    const at = new Date(this.#now()).toISOString();
    for (const { id } of rows) {
      if (id === except) continue;
      this.#db
        .prepare("UPDATE sessions SET ended_at = ? WHERE id = ?")
        .run(at, id);
      this.#end(id, why);
    }
  }

  #end(sessionId: string, why: EndReason): void {
    this.#live.delete(sessionId);
    this.#emitEnded(sessionId, why);
  }

  #emitEnded(sessionId: string, why: EndReason): void {
    for (const listener of this.#endListeners) listener(sessionId, why);
  }

  #loadLive(): void {
    const now = this.#now();
    const sessions = this.#db
      .prepare(
        `SELECT s.id AS sid, s.expires_at AS expires, a.* FROM sessions s
         JOIN accounts a ON a.id = s.account_id
         WHERE s.ended_at IS NULL AND s.expires_at > ? AND a.disabled = 0`,
      )
      .all(now) as (AccountRow & { sid: string; expires: number })[];
    for (const row of sessions) {
      this.#live.set(row.sid, personOf(row, row.sid, row.expires));
    }
    const devices = this.#db
      .prepare("SELECT * FROM devices WHERE revoked_at IS NULL")
      .all() as DeviceRow[];
    for (const row of devices) {
      this.#live.set(row.id, deviceIdentity(deviceOf(row)));
    }
  }
}

/** A real argon2id hash of a random string: sign-in of an unknown name. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$GBKeTpuVebrSlj7dBz9lmw$0kvz5NR7iNCApw1yAgOI1J/OkTrcZXEezFfkFzwjne4";

function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    districts: JSON.parse(row.districts) as string[],
    unit: row.unit,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

function personOf(
  row: AccountRow,
  sessionId: string,
  expiresAt: number,
): Identity {
  return {
    kind: "person",
    id: row.id,
    name: row.name,
    role: row.role,
    districts: JSON.parse(row.districts) as string[],
    unit: row.unit,
    sessionId,
    expiresAt,
    passwordChangeRequired: row.password_one_time === 1,
  };
}

function deviceOf(row: DeviceRow): Device {
  return {
    id: row.id,
    kind: row.kind,
    unit: row.unit,
    district: row.district,
    label: row.label,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}

/**
 * A tablet acts as its unit's leader; a wall display only reads. Its name
 * in the audit trail is the server's, not the label its holder typed,
 * which could pose as a person.
 */
function deviceIdentity(device: Device): Identity {
  return {
    kind: "device",
    id: device.id,
    name:
      device.kind === "unit"
        ? `tablet ${device.unit ?? ""}`
        : `wall ${device.district}`,
    role: device.kind === "unit" ? "unitLeader" : "observer",
    districts: [device.district],
    unit: device.unit,
    sessionId: device.id,
    expiresAt: null,
    passwordChangeRequired: false,
  };
}
