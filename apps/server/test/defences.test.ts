import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { io } from "socket.io-client";
import { socketEvents, type CommandResult } from "@muster/protocol";
import {
  startServer,
  tempDir,
  TestClient,
  type ServerProcess,
} from "./serverProcess.ts";
import { People } from "./people.ts";

const dataDir = tempDir();
let server: ServerProcess;
/** A commander's token: each defence must hold for someone signed in. */
let token = "";

beforeAll(async () => {
  server = await startServer({ dataDir });
  token = (await (await People.open(server)).commander()).token;
});

const bearer = () => ({ authorization: `Bearer ${token}` });

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("pages carry security headers and a content-security policy", async () => {
  const res = await fetch(`${server.url}/healthz`);
  const csp = res.headers.get("content-security-policy") ?? "";

  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
});

test("a body over the size limit is refused and changes nothing", async () => {
  const res = await fetch(`${server.url}/api/commands`, {
    method: "POST",
    headers: { "content-type": "application/json", ...bearer() },
    body: JSON.stringify({
      type: "incident.report",
      padding: "x".repeat(100_000),
    }),
  });
  const events = (await (
    await fetch(`${server.url}/api/events`, { headers: bearer() })
  ).json()) as { events: unknown[] };

  expect(res.status).toBe(413);
  expect(events.events).toEqual([]);
});

test("a browser socket from a foreign origin is refused", async () => {
  const socket = io(server.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: "http://evil.example" },
    // Signed in: only the origin may be the reason for the refusal.
    auth: { token },
  });
  const outcome = await new Promise<string>((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", () => resolve("refused"));
  });
  socket.close();
  expect(outcome).toBe("refused");
});

test("a flooding socket is told to slow down while others are still served", async () => {
  const flood = new TestClient(server.url, token);
  const calm = new TestClient(server.url, token);
  const answers = await Promise.all(
    Array.from(
      { length: 150 },
      () =>
        flood.socket
          .timeout(10_000)
          .emitWithAck(socketEvents.command, {}) as Promise<CommandResult>,
    ),
  );
  const codes = answers.map((a) => (a.ok ? "ok" : a.error.code));
  const calmAnswer = await calm.subscribe(0);
  flood.close();
  calm.close();

  expect(codes).toContain("RATE_LIMITED");
  expect(codes).toContain("BAD_REQUEST");
  expect(calmAnswer.ok).toBe(true);
});

test("a socket message over the size limit is answered, not hung up on", async () => {
  const client = new TestClient(server.url, token);
  const answer = (await client.socket
    .timeout(10_000)
    .emitWithAck(socketEvents.command, {
      type: "incident.report",
      padding: "x".repeat(100_000),
    })) as CommandResult;
  const still = await client.subscribe(0);
  client.close();

  expect(answer).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  expect(!answer.ok && answer.error.message).toContain("message too large");
  expect(still.ok).toBe(true);
});

test("a subscription from beyond the last event is refused, not left silent", async () => {
  const client = new TestClient(server.url, token);
  const answer = await client.subscribe(1e15);
  client.close();
  expect(answer).toMatchObject({
    ok: false,
    error: { code: "BAD_REQUEST", path: "after" },
  });
});

test("an unknown route answers in the usual error shape", async () => {
  const res = await fetch(`${server.url}/api/nope`, { headers: bearer() });
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({
    ok: false,
    error: { code: "NOT_FOUND", path: "", message: "no route GET /api/nope" },
  });
});

test("a place name with control characters is refused", async () => {
  const client = new TestClient(server.url, token);
  const answer = await client.send({
    type: "incident.report",
    commandId: "defence-rlo-0001",
    place: { name: "gate\u202Eevil", position: { lat: 30.55, lon: 120.99 } },
    incidentType: "other",
    headcount: 5,
    conduct: "tendency",
  });
  client.close();
  expect(answer).toMatchObject({
    ok: false,
    error: { code: "BAD_REQUEST", path: "place.name" },
  });
});
