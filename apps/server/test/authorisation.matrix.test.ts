import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { People, api } from "./people.ts";
import {
  startServer,
  tempDir,
  TestClient,
  writeFastPlan,
  type ServerProcess,
} from "./serverProcess.ts";

/**
 * Every role against every action, in its own district (Wanghai, the
 * plan's home) and out of it (Wuyuan, a mutual-aid partner), plus the
 * devices and nobody at all. The expected answers are written out here,
 * by hand, from the rules — not read from the server's table.
 */

/** The actions tried, each as a person or device would send it. */
const actions = [
  "report",
  "update",
  "groupAck",
  "unitAckOwn",
  "unitAckOther",
  "positionOwn",
  "replacementAccept",
  "release",
  "resolve",
  "alertAck",
  "stepComplete",
  "subscribe",
  "incidentsGet",
  "reportGet",
  "drillGet",
  "drillStart",
  "drillCommand",
  "drillUpdate",
  "enrolCode",
  "deviceRevoke",
  "accountsGet",
  "auditGet",
] as const;
type ActionName = (typeof actions)[number];

const staffCommands: ActionName[] = [
  "report",
  "update",
  "groupAck",
  "unitAckOwn",
  "unitAckOther",
  "replacementAccept",
  "release",
  "resolve",
  "alertAck",
  "stepComplete",
];
const reads: ActionName[] = [
  "subscribe",
  "incidentsGet",
  "reportGet",
  "drillGet",
];
/**
 * Reads a partner district may make: it is shown only incidents that asked
 * it for mutual aid, so the list and the stream answer (with nothing of
 * this incident), while this incident's report is refused.
 */
const filteredReads: ActionName[] = ["subscribe", "incidentsGet"];

/** Who may do what. Anything not listed must be refused. */
const expected: Record<string, ActionName[]> = {
  admin: ["deviceRevoke", "accountsGet", "auditGet"],
  commander: [
    ...staffCommands,
    ...reads,
    "drillCommand",
    "drillUpdate",
    "enrolCode",
    "deviceRevoke",
    "auditGet",
  ],
  deputy: [
    ...staffCommands,
    ...reads,
    "drillCommand",
    "drillUpdate",
    "auditGet",
  ],
  // In a drill each role does what it does in earnest: a group lead
  // records no unit's status there either.
  groupLead: ["groupAck", "stepComplete", ...reads],
  dispatcher: [
    "report",
    "update",
    "unitAckOwn",
    "unitAckOther",
    "replacementAccept",
    "release",
    "alertAck",
    ...reads,
    "drillCommand",
    "drillUpdate",
  ],
  // Leader of WH-P1: its own unit only; sees live incidents and drills.
  unitLeader: [
    "unitAckOwn",
    "positionOwn",
    "subscribe",
    "incidentsGet",
    "drillGet",
    "drillCommand",
  ],
  // The coordinator plays every part a drill leaves to people.
  drillCoordinator: [...reads, "drillStart", "drillCommand", "drillUpdate"],
  observer: [...reads],
  // The tablet enrolled for WH-P1 acts as its leader.
  tablet: [
    "unitAckOwn",
    "positionOwn",
    "subscribe",
    "incidentsGet",
    "drillGet",
    "drillCommand",
  ],
  // A wall display only reads.
  display: [...reads],
  // Out of district: staff of Wuyuan see only incidents that asked Wuyuan
  // for mutual aid, and change nothing of Wanghai's.
  "commander@wuyuan": [...filteredReads],
  "deputy@wuyuan": [...filteredReads],
  "groupLead@wuyuan": [...filteredReads],
  "dispatcher@wuyuan": [...filteredReads],
  "unitLeader@wuyuan": ["subscribe", "incidentsGet"],
  "drillCoordinator@wuyuan": [...filteredReads],
  "observer@wuyuan": [...filteredReads],
  nobody: [],
};

const dataDir = tempDir();
const planFile = writeFastPlan(dataDir, 600, 600);
let server: ServerProcess;
let people: People;
const tokens = new Map<string, string>();
let incidentId = "";
let throwawayDevice = "";
let commandCount = 0;

beforeAll(async () => {
  server = await startServer({ dataDir, planFile });
  people = await People.open(server);
  tokens.set("admin", people.admin.token);
  tokens.set("commander", (await people.commander()).token);
  for (const role of [
    "deputy",
    "groupLead",
    "dispatcher",
    "drillCoordinator",
    "observer",
  ] as const) {
    tokens.set(role, (await people.person(role)).token);
    tokens.set(
      `${role}@wuyuan`,
      (await people.person(role, { districts: ["wuyuan"] })).token,
    );
  }
  const wuyuanCommander = await people.person("commander", {
    districts: ["wuyuan"],
  });
  tokens.set("commander@wuyuan", wuyuanCommander.token);
  tokens.set(
    "unitLeader",
    (await people.person("unitLeader", { unit: "WH-P1" })).token,
  );
  tokens.set(
    "unitLeader@wuyuan",
    (
      await people.person("unitLeader", {
        districts: ["wuyuan"],
        unit: "WY-P1",
      })
    ).token,
  );
  tokens.set("tablet", await people.tablet("WH-P1"));
  tokens.set("display", await people.display());
  tokens.set("nobody", "");

  // One Level III incident with WH-P1 and WH-P2 sent, to act on.
  const operator = new TestClient(server.url, tokens.get("commander")!);
  const reported = await operator.send({
    type: "incident.report",
    commandId: "matrix-setup-report",
    place: {
      name: "Haibin Road gate",
      position: { lat: 30.548, lon: 120.995 },
    },
    incidentType: "labour-wage",
    headcount: 30,
    conduct: "tendency",
  });
  operator.close();
  if (!reported.ok) throw new Error(JSON.stringify(reported));
  incidentId = reported.incidentId;

  // A device that the revoke attempts can aim at.
  await people.tablet("WH-P3");
  const devices = await api(server.url, "GET", "/api/devices", {
    token: tokens.get("commander"),
  });
  throwawayDevice = (
    devices.body.devices as { id: string; unit: string }[]
  ).find((d) => d.unit === "WH-P3")!.id;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends one command over a real socket; the answer's code, or null if done. */
async function command(token: string, body: Record<string, unknown>) {
  const client = new TestClient(server.url, token);
  try {
    const refused = await client.admitted();
    if (refused) return refused;
    const result = await client.send({
      ...body,
      commandId: `matrix-${String(++commandCount).padStart(5, "0")}`,
    });
    return result.ok ? null : result.error.code;
  } finally {
    client.close();
  }
}

async function http(
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const answer = await api(server.url, method, path, {
    token: token || undefined,
    body,
  });
  return answer.body.ok
    ? null
    : (answer.body.error?.code ?? `HTTP ${answer.status}`);
}

const tryAction: Record<ActionName, (token: string) => Promise<string | null>> =
  {
    report: (t) =>
      command(t, {
        type: "incident.report",
        place: {
          name: "Matrix square",
          position: { lat: 30.549, lon: 120.99 },
        },
        incidentType: "labour-wage",
        headcount: 12,
        conduct: "tendency",
      }),
    update: (t) =>
      command(t, {
        type: "incident.update",
        incidentId,
        headcount: 31,
        conduct: "tendency",
      }),
    groupAck: (t) =>
      command(t, { type: "group.acknowledge", incidentId, group: "intel" }),
    unitAckOwn: (t) =>
      command(t, {
        type: "unit.acknowledge",
        incidentId,
        callsign: "WH-P1",
        deviceAt: new Date().toISOString(),
      }),
    unitAckOther: (t) =>
      command(t, {
        type: "unit.acknowledge",
        incidentId,
        callsign: "WH-P2",
        deviceAt: new Date().toISOString(),
      }),
    positionOwn: (t) =>
      command(t, {
        type: "unit.reportPosition",
        incidentId,
        callsign: "WH-P1",
        deviceAt: new Date().toISOString(),
        position: { lat: 30.55, lon: 120.99 },
      }),
    replacementAccept: (t) =>
      command(t, { type: "replacement.accept", incidentId, replaces: "WH-P3" }),
    release: (t) =>
      command(t, { type: "unit.release", incidentId, callsign: "WH-V4" }),
    resolve: (t) =>
      command(t, { type: "incident.resolve", incidentId, note: "matrix" }),
    alertAck: (t) =>
      command(t, {
        type: "alert.acknowledge",
        incidentId,
        alertId: "no-such-alert",
      }),
    stepComplete: (t) =>
      command(t, { type: "step.complete", incidentId, step: "no-such-step" }),
    subscribe: async (t) => {
      const client = new TestClient(server.url, t);
      try {
        const refused = await client.admitted();
        if (refused) return refused;
        const result = await client.subscribe(0);
        return result.ok ? null : result.error.code;
      } finally {
        client.close();
      }
    },
    incidentsGet: (t) => http(t, "GET", "/api/incidents"),
    reportGet: async (t) => {
      const code = await http(
        t,
        "GET",
        `/api/incidents/${incidentId}/report.json`,
      );
      // An open incident has no report yet: that is an answer, not a refusal.
      return code === "COMMAND_REJECTED" ? null : code;
    },
    drillGet: (t) => http(t, "GET", "/api/drill"),
    drillStart: async (t) => {
      const code = await http(t, "POST", "/api/drill/start", {
        scenario: "no-such-scenario",
      });
      return code === "NOT_FOUND" || code === "SCENARIO_INVALID" ? null : code;
    },
    drillCommand: async (t) => {
      const code = await http(t, "POST", "/api/drill/commands", {
        type: "unit.acknowledge",
        commandId: `matrix-drill-${++commandCount}`,
        incidentId: "2026-9999",
        callsign: "WH-P1",
        deviceAt: new Date().toISOString(),
      });
      // No drill is running: allowed callers hear that, not a refusal.
      return code === "COMMAND_REJECTED" || code === "NOT_FOUND" ? null : code;
    },
    drillUpdate: async (t) => {
      const code = await http(t, "POST", "/api/drill/commands", {
        type: "incident.update",
        commandId: `matrix-drill-${++commandCount}`,
        incidentId: "2026-9999",
        headcount: 900,
        conduct: "serious",
      });
      return code === "COMMAND_REJECTED" || code === "NOT_FOUND" ? null : code;
    },
    enrolCode: (t) =>
      http(t, "POST", "/api/enrolment-codes", { kind: "unit", unit: "WH-S1" }),
    deviceRevoke: (t) =>
      http(t, "POST", `/api/devices/${throwawayDevice}/revoke`),
    accountsGet: (t) => http(t, "GET", "/api/accounts"),
    auditGet: (t) => http(t, "GET", "/api/audit?limit=1"),
  };

/** Refusals for lack of a right; any other answer means the role was let in. */
const refusals = new Set(["NOT_AUTHORISED", "UNAUTHENTICATED"]);

describe("who may do what", () => {
  const outcomes: Record<string, Record<string, "allowed" | "refused">> = {};
  let refusedCount = 0;

  test("every role, device and nobody, against every action", async () => {
    for (const who of Object.keys(expected)) {
      outcomes[who] = {};
      for (const action of actions) {
        const code = await tryAction[action](tokens.get(who)!);
        const refused = code !== null && refusals.has(code);
        if (refused) refusedCount++;
        outcomes[who][action] = refused ? "refused" : "allowed";
      }
    }
    const wanted = Object.fromEntries(
      Object.entries(expected).map(([who, allowed]) => [
        who,
        Object.fromEntries(
          actions.map((a) => [a, allowed.includes(a) ? "allowed" : "refused"]),
        ),
      ]),
    );
    expect(outcomes).toEqual(wanted);
  }, 300_000);

  test("every refusal left a line in the audit trail", async () => {
    const audit = await api(
      server.url,
      "GET",
      "/api/audit?outcome=refused&limit=5000",
      {
        token: tokens.get("admin"),
      },
    );
    const lines = audit.body.entries as { code: string }[];
    const forRights = lines.filter((l) => refusals.has(l.code));
    expect(forRights.length).toBe(refusedCount);
  });

  test("a partner district's staff are shown nothing of an incident that did not ask them", async () => {
    const client = new TestClient(server.url, tokens.get("observer@wuyuan")!);
    const result = await client.subscribe(0);
    client.close();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.events.length).toBeGreaterThan(0);
    expect(result.events.every((e) => e.type === "withheld")).toBe(true);
    const incidents = await api(server.url, "GET", "/api/incidents", {
      token: tokens.get("observer@wuyuan"),
    });
    expect(incidents.body.incidents).toEqual([]);
  });
});

describe("mutual aid opens an incident to the partner districts", () => {
  test("a partner's open socket is told to start over and then sees the whole incident", async () => {
    const partner = new TestClient(server.url, tokens.get("observer@wuyuan")!);
    let resyncs = 0;
    partner.socket.on("resync", () => resyncs++);
    expect((await partner.subscribe(0)).ok).toBe(true);

    const operator = new TestClient(server.url, tokens.get("commander")!);
    const reported = await operator.send({
      type: "incident.report",
      commandId: "matrix-aid-report",
      place: { name: "Wharf gate", position: { lat: 30.551, lon: 120.992 } },
      incidentType: "labour-wage",
      headcount: 20,
      conduct: "tendency",
    });
    expect(reported.ok).toBe(true);
    if (!reported.ok) return;
    const aided = reported.incidentId;
    // Level III asks no one; Level I asks the partners for mutual aid.
    const escalated = await operator.send({
      type: "incident.update",
      commandId: "matrix-aid-escalate",
      incidentId: aided,
      headcount: 150,
      conduct: "tendency",
    });
    operator.close();
    expect(escalated.ok).toBe(true);

    await expect.poll(() => resyncs, { timeout: 10_000 }).toBeGreaterThan(0);
    partner.events.length = 0;
    const again = await partner.subscribe(0);
    partner.close();
    expect(again.ok).toBe(true);
    const seen = new Set(partner.events.map((e) => e.incidentId));
    expect([...seen]).toEqual([aided]);
    expect(partner.events[0]).toMatchObject({
      type: "incident.reported",
      seq: 1,
    });
  });
});

test("a partner's unit leader learns nothing of an incident it may not see", async () => {
  const leader = tokens.get("unitLeader@wuyuan")!;
  const ack = (id: string) =>
    command(leader, {
      type: "unit.acknowledge",
      incidentId: id,
      callsign: "WY-P1",
      deviceAt: new Date().toISOString(),
    });
  // The real incident (no mutual aid asked) and one that never existed
  // answer alike.
  expect(await ack(incidentId)).toBe("NOT_FOUND");
  expect(await ack("2026-9998")).toBe("NOT_FOUND");
});
