import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { MusterError } from "@muster/protocol";
import { AuditTrail } from "./auditTrail.ts";
import { AccessDirectory, type DirectoryOptions } from "./directory.ts";
import { createSchema } from "./schema.ts";
import { newSigningSecret } from "./secrets.ts";
import { TokenSigner } from "./tokens.ts";

export interface Access {
  directory: AccessDirectory;
  audit: AuditTrail;
  close(): void;
}

/** File names in the data folder. */
export const accessFiles = { db: "access.db", secret: "secret.key" } as const;

/**
 * Opens the access database in the data folder. The token signing secret
 * comes from MUSTER_SECRET (base64, 32 bytes or more) when set, else from
 * `secret.key` in the data folder, made on first start and readable only
 * by the server's user.
 */
export function openAccess(
  dataDir: string,
  options: {
    secretBase64?: string | undefined;
  } & Omit<DirectoryOptions, "db" | "signer"> = {},
): Access {
  // A bad MUSTER_SECRET stops start-up before anything is written.
  const fromEnv = options.secretBase64
    ? secretFromEnv(options.secretBase64)
    : null;
  mkdirSync(dataDir, { recursive: true });
  const signer = new TokenSigner(fromEnv ?? secretFromFolder(dataDir));
  // Password hashes, sessions and the audit trail: the server's user only.
  // SQLite gives its -wal and -shm files the mode of the database file.
  const file = join(dataDir, accessFiles.db);
  closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  createSchema(db);
  const { secretBase64: _secret, ...rest } = options;
  const directory = new AccessDirectory({ db, signer, ...rest });
  const audit = new AuditTrail(db);
  return {
    directory,
    audit,
    close() {
      audit.flush();
      db.close();
    },
  };
}

function secretFromEnv(base64: string): Buffer {
  const secret = Buffer.from(base64, "base64");
  if (secret.byteLength < 32) {
    throw new MusterError(
      "BAD_REQUEST",
      `MUSTER_SECRET: expected at least 32 bytes in base64, got ${secret.byteLength}`,
      { path: "MUSTER_SECRET" },
    );
  }
  return secret;
}

function secretFromFolder(dataDir: string): Buffer {
  const file = join(dataDir, accessFiles.secret);
  if (existsSync(file)) {
    const secret = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    if (secret.byteLength >= 32) return secret;
    throw new MusterError(
      "BAD_REQUEST",
      `${file}: expected a base64 secret of at least 32 bytes`,
      { path: file },
    );
  }
  const secret = newSigningSecret();
  writeFileSync(file, secret.toString("base64") + "\n", { mode: 0o600 });
  return secret;
}
