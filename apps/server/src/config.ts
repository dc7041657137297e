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
  webDir: string;
  demo: boolean;
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
  return {
    port,
    host: flags.host ?? env.MUSTER_HOST ?? "127.0.0.1",
    dataDir: resolve(
      flags.data ?? env.MUSTER_DATA ?? resolve(repoRoot, ".data"),
    ),
    planFile: resolve(
      flags.plan ??
        env.MUSTER_PLAN ??
        resolve(repoRoot, "scenarios/wanghai.plan.yaml"),
    ),
    tileUrl: env.MUSTER_TILE_URL || null,
    webDir: resolve(env.MUSTER_WEB_DIR ?? resolve(repoRoot, "apps/web/dist")),
    demo: flags.demo ?? env.MUSTER_DEMO === "1",
  };
}
