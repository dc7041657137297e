import { execFile } from "node:child_process";
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { startServer, tempDir } from "./serverProcess.ts";

/**
 * The demo's accounts have passwords printed on a terminal and its
 * incidents are made up: a folder the demo used never serves real work,
 * and the demo never writes into a folder that holds real work.
 */
const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const dirs: string[] = [];
afterAll(() =>
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true })),
);

test("a data folder the demo used does not start for real work", async () => {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const demo = await startServer({ dataDir, env: { MUSTER_DEMO: "1" } });
  expect(demo.output()).toMatch(/demo-commander/);
  // Backed up while it runs, as an operator would.
  const backups = tempDir();
  dirs.push(backups);
  await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "apps/server/src/cli.ts",
      "backup",
      backups,
      "--data",
      dataDir,
    ],
    { cwd: repoRoot },
  );
  await demo.stop();

  await expect(startServer({ dataDir })).rejects.toThrow(
    /was used by the demo: its accounts and incidents are not real/,
  );

  // Its backup restored into a fresh folder: still the demo's.
  const restored = tempDir();
  dirs.push(restored);
  for (const copy of readdirSync(backups)) {
    const target = copy.startsWith("access-") ? "access.db" : "muster.db";
    copyFileSync(join(backups, copy), join(restored, target));
  }
  await expect(startServer({ dataDir: restored })).rejects.toThrow(
    /was used by the demo/,
  );
}, 60_000);

test("the demo does not start on a folder that holds real work", async () => {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const real = await startServer({ dataDir });
  await real.stop();

  await expect(
    startServer({ dataDir, env: { MUSTER_DEMO: "1" } }),
  ).rejects.toThrow(/holds real data; the demo would add its accounts/);
}, 60_000);
