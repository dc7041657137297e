import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MusterError } from "@muster/protocol";

/** Where the repository is, to find the default plan and the built web. */
export const repoRoot = resolve(
  fileURLToPath(new URL(".", import.meta.url)),
  "../../..",
);

export interface ServeConfig {
  port: number;
  host: string;
  dataDir: string;
  planFile: string;
  tileUrl: string | null;
  /** Browser origins besides the server's own (MUSTER_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Messages a second one socket may send (MUSTER_SOCKET_RATE). */
  socketRate: number;
  webDir: string;
  demo: boolean;
  /** Certificate and key (PEM) to serve HTTPS; plain HTTP without. */
  tls: TlsFiles | null;
  /** How long a person's sign-in lasts (MUSTER_SESSION_HOURS, 12). */
  sessionHours: number;
  /**
   * Sign-in tries and enrolments a minute per address (MUSTER_SIGNIN_RATE,
   * 30; MUSTER_ENROL_RATE, 20): slow
   * enough to stop guessing, raised for a depot enrolling a fleet.
   */
  signInRate: number;
  enrolRate: number;
}

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

export interface ServeFlags {
  port?: string | undefined;
  host?: string | undefined;
  data?: string | undefined;
  plan?: string | undefined;
  demo?: boolean | undefined;
}

/** Flags win over the environment, which wins over the defaults. */
export function resolveServeConfig(
  flags: ServeFlags,
  env: NodeJS.ProcessEnv = process.env,
): ServeConfig {
  const portText = flags.port ?? env.MUSTER_PORT ?? "4100";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MusterError(
      "BAD_REQUEST",
      `port: expected a whole number 0–65535, got "${portText}"`,
      { path: "port" },
    );
  }
  const demo = flags.demo ?? env.MUSTER_DEMO === "1";
  return {
    port,
    host: flags.host ?? env.MUSTER_HOST ?? "127.0.0.1",
    // The demo keeps its own folder: its accounts are not for real use.
    dataDir: resolve(
      flags.data ??
        env.MUSTER_DATA ??
        resolve(repoRoot, demo ? ".data-demo" : ".data"),
    ),
    planFile: resolve(
      flags.plan ??
        env.MUSTER_PLAN ??
        resolve(repoRoot, "scenarios/wanghai.plan.yaml"),
    ),
    tileUrl: env.MUSTER_TILE_URL || null,
    socketRate: positive(env.MUSTER_SOCKET_RATE, "MUSTER_SOCKET_RATE", 20),
    allowedOrigins: (env.MUSTER_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    webDir: resolve(env.MUSTER_WEB_DIR ?? resolve(repoRoot, "apps/web/dist")),
    demo,
    tls: readTls(env),
    // A week at most: a sign-in should not outlive the person's shifts.
    sessionHours: positive(
      env.MUSTER_SESSION_HOURS,
      "MUSTER_SESSION_HOURS",
      12,
      168,
    ),
    signInRate: positive(env.MUSTER_SIGNIN_RATE, "MUSTER_SIGNIN_RATE", 30),
    enrolRate: positive(env.MUSTER_ENROL_RATE, "MUSTER_ENROL_RATE", 20),
  };
}

/**
 * Reads MUSTER_TLS_CERT and MUSTER_TLS_KEY (PEM file paths). Both or
 * neither: tablets need a secure context for the service worker, wake
 * lock and geolocation, and half a setting would silently serve HTTP.
 */
function readTls(env: NodeJS.ProcessEnv): TlsFiles | null {
  const certFile = env.MUSTER_TLS_CERT || undefined;
  const keyFile = env.MUSTER_TLS_KEY || undefined;
  if (!certFile && !keyFile) return null;

  const read = (name: string, file: string | undefined): Buffer => {
    if (!file) {
      throw new MusterError(
        "BAD_REQUEST",
        `${name}: required when the other of MUSTER_TLS_CERT and MUSTER_TLS_KEY is set`,
        { path: name },
      );
    }
    try {
      return readFileSync(resolve(file));
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new MusterError(
        "BAD_REQUEST",
        `${name}: cannot read "${file}" (${reason})`,
        { path: name, cause: err },
      );
    }
  };
  return {
    cert: read("MUSTER_TLS_CERT", certFile),
    key: read("MUSTER_TLS_KEY", keyFile),
  };
}

function positive(
  text: string | undefined,
  name: string,
  fallback: number,
  max = Infinity,
) {
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > max) {
    const range = max === Infinity ? "above 0" : `above 0 and at most ${max}`;
    throw new MusterError(
      "BAD_REQUEST",
      `${name}: expected a number ${range}, got "${text}"`,
      { path: name },
    );
  }
  return n;
}
