import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { People, api } from "./people.ts";
import {
  startServer,
  tempDir,
  TestClient,
  type ServerProcess,
} from "./serverProcess.ts";

/**
 * Tokens that must stop working: expired, tampered with, signed out,
 * revoked — on HTTP and on a socket that is already open.
 */

const dataDir = tempDir();
const shortDir = tempDir();
let server: ServerProcess;
let people: People;
/** A server whose sessions last 4 seconds, so that one expires in a test. */
let shortLived: ServerProcess;
const SESSION_SECONDS = 4;

beforeAll(async () => {
  [server, shortLived] = await Promise.all([
    startServer({ dataDir }),
    startServer({
      dataDir: shortDir,
      env: { MUSTER_SESSION_HOURS: String(SESSION_SECONDS / 3600) },
    }),
  ]);
  people = await People.open(server);
}, 60_000);

afterAll(async () => {
  await Promise.all([server?.stop(), shortLived?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(shortDir, { recursive: true, force: true });
});

/** Resolves with the error the server gave when it signed the socket out. */
function signedOut(
  client: TestClient,
): Promise<{ code: string; message: string }> {
  return new Promise((resolve) => client.socket.once("signedOut", resolve));
}

describe("sessions end when they should", () => {
  test("an expired session is refused on HTTP and its open socket is signed out", async () => {
    const short = await People.open(shortLived);
    const observer = await short.person("observer");
    const client = new TestClient(shortLived.url, observer.token);
    expect(await client.admitted()).toBeNull();
    expect((await client.subscribe(0)).ok).toBe(true);
    const ended = signedOut(client);

    const error = await ended;
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/expired/);
    const http = await api(shortLived.url, "GET", "/api/incidents", {
      token: observer.token,
    });
    expect(http.status).toBe(401);
    expect(http.body.error?.message).toMatch(/expired/);
    client.close();
  }, 20_000);

  test("a tampered token is refused on HTTP and at the socket's door", async () => {
    const observer = await people.person("observer");
    const [head, payload, signature] = observer.token.split(".");
    const claims = JSON.parse(
      Buffer.from(payload!, "base64url").toString(),
    ) as {
      sub: string;
    };
    const forged = [
      head,
      Buffer.from(
        JSON.stringify({ ...claims, sub: people.admin.name }),
      ).toString("base64url"),
      signature,
    ].join(".");

    const http = await api(server.url, "GET", "/api/incidents", {
      token: forged,
    });
    expect(http.status).toBe(401);
    expect(http.body.error).toMatchObject({ code: "UNAUTHENTICATED" });
    const client = new TestClient(server.url, forged);
    expect(await client.admitted()).toBe("UNAUTHENTICATED");
    client.close();
  });

  test("signing out ends the session on HTTP and on every open socket", async () => {
    const observer = await people.person("observer");
    const client = new TestClient(server.url, observer.token);
    expect(await client.admitted()).toBeNull();
    const ended = signedOut(client);

    const out = await api(server.url, "DELETE", "/api/session", {
      token: observer.token,
    });
    expect(out.body.ok).toBe(true);
    expect((await ended).code).toBe("UNAUTHENTICATED");
    const http = await api(server.url, "GET", "/api/incidents", {
      token: observer.token,
    });
    expect(http.status).toBe(401);
    client.close();
  });

  test("a revoked tablet stops at once, on its open socket and when it reconnects", async () => {
    const tablet = await people.tablet("WH-P2");
    const client = new TestClient(server.url, tablet);
    expect(await client.admitted()).toBeNull();
    expect((await client.subscribe(0)).ok).toBe(true);
    const ended = signedOut(client);

    const commander = await people.commander();
    const devices = await api(server.url, "GET", "/api/devices", {
      token: commander.token,
    });
    const device = (
      devices.body.devices as { id: string; unit: string }[]
    ).find((d) => d.unit === "WH-P2")!;
    const revoked = await api(
      server.url,
      "POST",
      `/api/devices/${device.id}/revoke`,
      {
        token: commander.token,
      },
    );
    expect(revoked.body.ok).toBe(true);

    const error = await ended;
    expect(error.message).toMatch(/revoked/);
    const http = await api(server.url, "GET", "/api/incidents", {
      token: tablet,
    });
    expect(http.status).toBe(401);
    const again = new TestClient(server.url, tablet);
    expect(await again.admitted()).toBe("UNAUTHENTICATED");
    again.close();
    client.close();
  });
});

describe("enrolment codes", () => {
  test("a code enrols one device, once", async () => {
    const code = await people.enrolmentCode({ kind: "unit", unit: "WH-S1" });
    const first = await api(server.url, "POST", "/api/devices/enrol", {
      body: { code: code.toLowerCase() },
    });
    const second = await api(server.url, "POST", "/api/devices/enrol", {
      body: { code },
    });
    expect(first.body).toMatchObject({
      ok: true,
      device: { kind: "unit", unit: "WH-S1" },
    });
    expect(second.status).toBe(401);
    expect(second.body.error?.message).toMatch(/already been used/);
  });

  test("a wrong or malformed code is refused with what was wrong", async () => {
    const unknown = await api(server.url, "POST", "/api/devices/enrol", {
      body: { code: "ABCDEFGHJK" },
    });
    const malformed = await api(server.url, "POST", "/api/devices/enrol", {
      body: { code: "nope" },
    });
    expect(unknown.body.error).toMatchObject({
      code: "UNAUTHENTICATED",
      path: "code",
    });
    expect(malformed.body.error).toMatchObject({
      code: "BAD_REQUEST",
      path: "code",
    });
  });
});

describe("guessing", () => {
  test("sign-in tries from one address are slowed, whatever the names tried", async () => {
    const tries: number[] = [];
    for (let i = 0; i < 40; i++) {
      const answer = await api(server.url, "POST", "/api/session", {
        body: { name: `someone-${i}`, password: `guess-${i}` },
      });
      tries.push(answer.status);
      if (answer.status === 429) {
        expect(answer.body.error).toMatchObject({
          code: "RATE_LIMITED",
          message: expect.stringMatching(/too many requests/) as string,
        });
      }
    }
    const first = tries.indexOf(429);
    // At most the default 30 a minute, less what the set-up used.
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(30);
    expect(tries.slice(0, first).every((s) => s === 401)).toBe(true);
    expect(tries.slice(first).every((s) => s === 429)).toBe(true);
  });
});

describe("the audit trail under a flood", () => {
  test("a device's refusals past 60 a minute are counted, not written one by one", async () => {
    // Two sockets of one wall, each within its own message budget.
    const token = await people.display();
    for (const round of [0, 1]) {
      const wall = new TestClient(server.url, token);
      expect(await wall.admitted()).toBeNull();
      for (let i = 0; i < 45; i++) {
        const answer = await wall.send({
          type: "incident.close",
          commandId: `flood-${round}-${String(i).padStart(4, "0")}`,
          incidentId: "2026-0001",
        });
        expect(!answer.ok && answer.error.code).toBe("NOT_AUTHORISED");
      }
      wall.close();
    }
    const audit = await api(
      server.url,
      "GET",
      "/api/audit?actor=wall%20wanghai&outcome=refused&limit=500",
      {
        token: (await people.commander()).token,
      },
    );
    expect((audit.body.entries as unknown[]).length).toBe(60);
  });
});
