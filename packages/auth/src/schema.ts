import type { Database } from "better-sqlite3";

/** Tables of the access database, kept apart from the event log. */
export function createSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS accounts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL,
      districts TEXT NOT NULL,
      unit TEXT,
      password_hash TEXT NOT NULL,
      password_one_time INTEGER NOT NULL,
      -- when the password was set (epoch ms) and, if one-time, whether
      -- it has been used to sign in: a one-time password serves once, for
      -- a day
      password_set_at INTEGER NOT NULL DEFAULT 0,
      one_time_used INTEGER NOT NULL DEFAULT 0,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      created_by TEXT
    );
    CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      created_at TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      ended_at TEXT,
      from_addr TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS devices (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      unit TEXT,
      district TEXT NOT NULL,
      label TEXT NOT NULL,
      enrolled_at TEXT NOT NULL,
      enrolled_from TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT,
      last_seen_at TEXT
    );
    CREATE TABLE IF NOT EXISTS enrolment_codes (
      digest TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      unit TEXT,
      district TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at TEXT,
      device_id TEXT
    );
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT,
      role TEXT,
      from_addr TEXT NOT NULL,
      action TEXT NOT NULL,
      incident_id TEXT,
      command_id TEXT,
      outcome TEXT NOT NULL,
      code TEXT,
      message TEXT
    );
    -- facts about the database itself, e.g. that the demo made it
    CREATE TABLE IF NOT EXISTS meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
    CREATE INDEX IF NOT EXISTS audit_incident ON audit(incident_id);
    CREATE INDEX IF NOT EXISTS audit_actor ON audit(actor_name);
  `);
}
