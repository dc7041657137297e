import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const scenario = "scenarios/drills/level-i-public-safety.yaml";

function muster(args: string[], env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "apps/server/src/cli.ts", ...args],
    { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" },
  );
}

function drillRun(env: Record<string, string>): Buffer {
  const out = mkdtempSync(join(tmpdir(), "muster-drill-"));
  const result = muster(
    ["drill", "run", scenario, "--seed", "7", "--out", out],
    env,
  );
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(join(out, "report.json"));
  return readFileSync(join(out, "report.json"));
}

describe("muster drill run", () => {
  test("writes the same report.json bytes under any TZ and LANG", () => {
    const a = drillRun({ TZ: "UTC", LANG: "C", LC_ALL: "C" });
    const b = drillRun({
      TZ: "America/New_York",
      LANG: "zh_CN.UTF-8",
      LC_ALL: "zh_CN.UTF-8",
    });

    expect(a.length).toBeGreaterThan(1000);
    expect(b.equals(a)).toBe(true);
  });

  test("prints each tier's minutes against its clock", () => {
    const out = mkdtempSync(join(tmpdir(), "muster-drill-"));
    const { stdout } = muster(
      ["drill", "run", scenario, "--seed", "7", "--out", out, "--speed", "max"],
      {},
    );
    expect(stdout).toMatch(/^tier\s+clock\s+assembled\s+result$/m);
    expect(stdout).toMatch(/^police\s+5 min\s+\d+\.\d\d min\s+(on time|late)/m);
  });

  test.each([
    [["--speed", "0"], '--speed: expected a positive number or "max", got "0"'],
    [
      ["--speed", "fast"],
      '--speed: expected a positive number or "max", got "fast"',
    ],
    [["--seed", "1.5"], "--seed: expected a whole number from 0 to 4294967295"],
  ])("refuses %j as a bad request", (flags, message) => {
    const result = muster(["drill", "run", scenario, ...flags], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
