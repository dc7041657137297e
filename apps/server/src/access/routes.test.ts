import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import pino from "pino";
import { openAccess, type Access } from "@muster/auth/sqlite";
import { IncidentService } from "@muster/engine";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import { MemoryEventStore } from "@muster/store";
import { buildApp } from "../app.ts";
import { repoRoot } from "../config.ts";
import { DrillHost } from "../drills/drillHost.ts";

/**
 * Every HTTP route the server has, tried with nobody signed in: only the
 * routes a stranger needs (health, the pages, sign-in, enrolment, the
 * public config) answer; every other route says "sign in" — so a route
 * added without a check fails here.
 */
const publicRoutes = new Set([
  "GET /healthz",
  "GET /api/config",
  "POST /api/session",
  "POST /api/devices/enrol",
]);

const dir = mkdtempSync(join(tmpdir(), "muster-routes-"));
let access: Access;
let app: Awaited<ReturnType<typeof buildApp>>["app"];
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  const plan = loadPlan(defaultPlanFile);
  const store = new MemoryEventStore();
  const service = new IncidentService({ plan, store });
  await service.start();
  access = openAccess(dir);
  const logger = pino({ level: "silent" });
  ({ app } = await buildApp({
    plan,
    store,
    service,
    access,
    logger,
    webDir: join(dir, "no-web"),
    tileUrl: null,
    demo: false,
    drills: new DrillHost({
      plan,
      live: service,
      scenarioDir: join(repoRoot, "scenarios", "drills"),
      dataDir: dir,
      log: logger,
    }),
  }));
  await app.ready();
  // Fastify lists routes as a tree: each node's text follows its parent's.
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const at = line.search(/[├└]── /);
    const match = /── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (at < 0 || !match) continue;
    const depth = at / 4;
    const path = (depth > 0 ? stack[depth - 1]! : "") + match[1]!;
    stack[depth] = path;
    for (const method of match[2]?.split(", ") ?? []) {
      if (method !== "HEAD") routes.push({ method, url: path });
    }
  }
});

afterAll(async () => {
  await app?.close();
  access?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("every API route but the public ones refuses a request with no sign-in", async () => {
  const api = routes.filter((r) => r.url.startsWith("/api/"));
  expect(api.length).toBeGreaterThan(20);
  const open: string[] = [];
  for (const route of api) {
    const key = `${route.method} ${route.url}`;
    const url = route.url
      .replace(":id", "2026-0001")
      .replace(":callsign", "WH-P1")
      .replace(":format", "json");
    const response = await app.inject({
      method: route.method as "GET",
      url,
      ...(route.method === "GET" || route.method === "DELETE"
        ? {}
        : { payload: {} }),
    });
    const refused = response.statusCode === 401;
    if (publicRoutes.has(key)) {
      expect(refused, `${key} is public`).toBe(false);
    } else if (!refused) {
      open.push(`${key} → ${response.statusCode}`);
    }
  }
  expect(open).toEqual([]);
});

test("a route spelled another way is checked the same", async () => {
  for (const url of [
    "/api/%64rill",
    "/api/drill/%73cenarios",
    "/%61pi/incidents",
  ]) {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode, url).toBe(401);
  }
  const head = await app.inject({
    method: "HEAD",
    url: "/api/drill/report.html",
  });
  expect(head.statusCode).toBe(401);
});
