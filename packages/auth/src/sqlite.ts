import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, accessFiles.db));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  createSchema(db);
  const signer = new TokenSigner(signingSecret(dataDir, options.secretBase64));
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

function signingSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) {
    const secret = Buffer.from(fromEnv, "base64");
    if (secret.byteLength < 32) {
      throw new MusterError(
        "BAD_REQUEST",
        `MUSTER_SECRET: expected at least 32 bytes in base64, got ${secret.byteLength}`,
        { path: "MUSTER_SECRET" },
      );
    }
    return secret;
  }
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
