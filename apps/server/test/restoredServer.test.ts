import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { accessFiles } from "@muster/auth/sqlite";
import { MemoryEventCache, MusterClient } from "@muster/client";
import type { Command } from "@muster/protocol";
import {
  freePort,
  startServer,
  tempDir,
  type ServerProcess,
} from "./serverProcess.ts";
import { People } from "./people.ts";

const dirs = [tempDir(), tempDir()];
const servers: ServerProcess[] = [];
let client: MusterClient | undefined;

afterAll(async () => {
  client?.close();
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const report = (commandId: string, name: string): Command => ({
  type: "incident.report",
  commandId,
  place: { name, position: { lat: 30.548, lon: 120.995 } },
  incidentType: "other",
  headcount: 30,
  conduct: "tendency",
});

/** A commander of a server's first start, and a client signed in as her. */
async function signIn(server: ServerProcess) {
  const { token } = await (await People.open(server)).commander();
  const connected = new MusterClient({
    cache: new MemoryEventCache(),
  }).connect({ url: server.url, options: { auth: { token } } });
  return { token, client: connected };
}

/**
 * The restore replaces the event store only, as when an older store is
 * copied over the old one in the same data folder: the accounts, sessions
 * and signing secret stay, so the client's sign-in holds on the restored
 * server.
 */
function keepAccess(from: string, to: string): void {
  for (const file of [
    accessFiles.db,
    `${accessFiles.db}-wal`,
    accessFiles.secret,
  ]) {
    if (existsSync(join(from, file))) {
      copyFileSync(join(from, file), join(to, file));
    }
  }
}

/** Sends a command over HTTP, as a script of the district would. */
async function post(url: string, token: string, command: Command) {
  const res = await fetch(`${url}/api/commands`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(command),
  });
  expect(res.status).toBe(200);
}

test("a client whose copy runs past a restored server's log starts over", async () => {
  const port = await freePort();
  const first = await startServer({ dataDir: dirs[0]!, port });
  servers.push(first);
  const signedIn = await signIn(first);
  client = signedIn.client;
  await client.send(report("restore-first-0001", "before the restore"));
  await client.send(report("restore-first-0002", "also before it"));
  await client.waitFor(
    (s) => s.connection.kind === "live" && s.incidents.size === 2,
  );
  const ahead = client.getSnapshot().position;

  // The district restores an older, here empty, store on the same port;
  // its log (one report) ends before the client's copy (two reports).
  await first.stop("SIGKILL");
  keepAccess(dirs[0]!, dirs[1]!);
  const second = await startServer({ dataDir: dirs[1]!, port });
  servers.push(second);
  await post(
    second.url,
    signedIn.token,
    report("restore-second-001", "after the restore"),
  );

  const snapshot = await client.waitFor(
    (s) =>
      s.connection.kind === "live" &&
      [...s.incidents.values()].some(
        (i) => i.place.name === "after the restore",
      ),
    30_000,
  );
  expect(ahead).toBeGreaterThan(0);
  expect([...snapshot.incidents.values()].map((i) => i.place.name)).toEqual([
    "after the restore",
  ]);
});

test("a client also starts over when the restored log is longer than its copy", async () => {
  client?.close();
  const dataA = tempDir();
  const dataB = tempDir();
  dirs.push(dataA, dataB);
  const port = await freePort();
  const first = await startServer({ dataDir: dataA, port });
  servers.push(first);
  const signedIn = await signIn(first);
  client = signedIn.client;
  await client.send(report("restore-long-0001", "the old log"));
  await client.waitFor(
    (s) => s.connection.kind === "live" && s.incidents.size === 1,
  );

  // Another store with more events than the client's copy: position alone
  // cannot tell them apart; the time of the event at that position can.
  await first.stop("SIGKILL");
  keepAccess(dataA, dataB);
  const second = await startServer({ dataDir: dataB, port });
  servers.push(second);
  for (const n of [1, 2, 3]) {
    await post(
      second.url,
      signedIn.token,
      report(`restore-long-b00${n}`, `new log ${n}`),
    );
  }

  const snapshot = await client.waitFor(
    (s) => s.connection.kind === "live" && s.incidents.size === 3,
    30_000,
  );
  expect(
    [...snapshot.incidents.values()].map((i) => i.place.name).sort(),
  ).toEqual(["new log 1", "new log 2", "new log 3"]);
});
