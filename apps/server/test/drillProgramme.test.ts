import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, tempDir, type ServerProcess } from "./serverProcess.ts";
import { People } from "./people.ts";

const dataDir = tempDir();
let server: ServerProcess;
/** Request options that carry a commander's sign-in. */
let signedIn: RequestInit = {};

beforeAll(async () => {
  server = await startServer({ dataDir });
  const { token } = await (await People.open(server)).commander();
  signedIn = { headers: { authorization: `Bearer ${token}` } };
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("the programme page's data: no drill yet, so the minimum is not met", async () => {
  const res = await fetch(
    `${server.url}/api/drill/programme?year=2026`,
    signedIn,
  );
  const body = (await res.json()) as {
    ok: boolean;
    year: number;
    minimum: number;
    met: boolean;
    playbooks: { id: string; lastDrilled: string | null }[];
    levels: { level: string }[];
  };

  expect(body).toMatchObject({ ok: true, year: 2026, minimum: 3, met: false });
  expect(body.playbooks.map((p) => p.id)).toHaveLength(6);
  expect(body.playbooks.every((p) => p.lastDrilled === null)).toBe(true);
  expect(body.levels.map((l) => l.level)).toEqual(["III", "II", "I"]);
});

test("a malformed year is refused with its path", async () => {
  const res = await fetch(
    `${server.url}/api/drill/programme?year=abc`,
    signedIn,
  );
  const body = (await res.json()) as {
    ok: boolean;
    error: { code: string; path: string };
  };

  expect(res.status).toBe(400);
  expect(body.error).toMatchObject({ code: "BAD_REQUEST", path: "query.year" });
});
