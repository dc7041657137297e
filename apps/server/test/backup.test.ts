import { execFile } from "node:child_process";
import { copyFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import type { StoredEvent } from "@muster/protocol";
import {
  startServer,
  tempDir,
  TestClient,
  writeFastPlan,
  type ServerProcess,
} from "./serverProcess.ts";
import { api, People } from "./people.ts";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const dirs = [tempDir(), tempDir(), tempDir()];
const [dataA, dataB, backups] = dirs as [string, string, string];
const planFile = writeFastPlan(backups, 8);
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];

afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test("a backup taken while the server runs restores every incident and deadline", async () => {
  const a = await startServer({ dataDir: dataA, planFile });
  servers.push(a);
  const commander = await (await People.open(a)).commander();
  const { token } = commander;
  const operator = new TestClient(a.url, token);
  clients.push(operator);
  await operator.subscribe(0);
  const reported = await operator.send({
    type: "incident.report",
    commandId: "backup-report-01",
    place: { name: "gate", position: { lat: 30.548, lon: 120.995 } },
    incidentType: "other",
    headcount: 30,
    conduct: "tendency",
  });
  expect(reported.ok).toBe(true);
  const before = (await (
    await fetch(`${a.url}/api/incidents`, signedIn(token))
  ).json()) as { incidents: unknown[] };

  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "apps/server/src/cli.ts",
      "backup",
      backups,
      "--data",
      dataA,
    ],
    { cwd: repoRoot },
  );
  expect(stdout).toContain("backed up");
  await a.stop("SIGKILL");

  // Restore: the copies become the store and the accounts of a fresh
  // data folder.
  const copies = readdirSync(backups);
  const store = copies.find((f) => /^muster-.*\.db$/.test(f));
  const accounts = copies.find((f) => /^access-.*\.db$/.test(f));
  copyFileSync(join(backups, store!), join(dataB, "muster.db"));
  copyFileSync(join(backups, accounts!), join(dataB, "access.db"));
  const b = await startServer({ dataDir: dataB, planFile });
  servers.push(b);
  // The signing secret is not in a backup: the commander signs in again.
  const again = await api(b.url, "POST", "/api/session", {
    body: { name: commander.name, password: commander.password },
  });
  expect(again.body.ok).toBe(true);
  const tokenB = again.body.token as string;
  const after = (await (
    await fetch(`${b.url}/api/incidents`, signedIn(tokenB))
  ).json()) as { incidents: unknown[] };
  // What the backup held, not what happened since: on a slow machine the
  // police deadline may already have fired on the restored server.
  expect(after.incidents.map(held)).toEqual(before.incidents.map(held));

  // The police deadline (8 s) was armed again from the restored store.
  const wall = new TestClient(b.url, tokenB);
  clients.push(wall);
  await wall.subscribe(0);
  const late = (await wall.waitFor(
    (e) => e.type === "tier.late" && e.data.tier === "police",
    20_000,
  )) as Extract<StoredEvent, { type: "tier.late" }>;
  expect(late.incidentId).toBe(reported.ok && reported.incidentId);
});

/** Request options that carry a sign-in. */
function signedIn(token: string) {
  return { headers: { authorization: `Bearer ${token}` } };
}

/** The parts of an incident a passing deadline cannot change. */
function held(incident: unknown) {
  const i = incident as {
    incidentId: string;
    level: string;
    units: unknown[];
    tiers: { tier: string; deadline: string }[];
  };
  return {
    incidentId: i.incidentId,
    level: i.level,
    units: i.units,
    deadlines: i.tiers.map((t) => [t.tier, t.deadline]),
  };
}
