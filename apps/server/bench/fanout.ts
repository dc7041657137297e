import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pino from "pino";
import { Server } from "socket.io";
import { openAccess } from "@muster/auth/sqlite";
import { IncidentService } from "@muster/engine";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import { SqliteEventStore } from "@muster/store/sqlite";
import { buildApp } from "../src/app.ts";
import { nowMs, percentile, round } from "./stats.ts";

interface ClientPool {
  expect(marker: number): Promise<number[]>;
  close(): Promise<void>;
}

const WORKERS = 2;

/**
 * Starts worker threads holding `count` sockets on `url` in all, each
 * signed in with `token` (a bare Socket.IO server ignores it).
 */
async function connectPool(
  url: string,
  token: string,
  count: number,
  eventName: string,
  subscribe: boolean,
): Promise<ClientPool> {
  const workers = Array.from({ length: WORKERS }, (_, i) => {
    const share = Math.floor(count / WORKERS) + (i < count % WORKERS ? 1 : 0);
    return new Worker(new URL("./tsWorker.mjs", import.meta.url), {
      workerData: {
        entry: new URL("./fanoutClients.ts", import.meta.url).href,
        url,
        token,
        count: share,
        eventName,
        subscribe,
      },
    });
  });
  const next = (w: Worker, kind: string) =>
    new Promise<{ times?: number[] }>((resolve) => {
      const on = (msg: { kind: string; times?: number[] }) => {
        if (msg.kind !== kind) return;
        w.off("message", on);
        resolve(msg);
      };
      w.on("message", on);
    });
  await Promise.all(workers.map((w) => next(w, "ready")));

  return {
    async expect(marker) {
      const rounds = workers.map((w) => next(w, "round"));
      workers.forEach((w) => w.postMessage({ kind: "expect", round: marker }));
      // Give the workers a moment to take the marker before the send.
      await new Promise((r) => setTimeout(r, 20));
      const all = await Promise.all(rounds);
      return all.flatMap((m) => m.times ?? []);
    },
    async close() {
      await Promise.all(
        workers.map((w) => {
          const closed = next(w, "closed");
          w.postMessage({ kind: "close" });
          return closed;
        }),
      );
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export interface FanoutResult {
  clients: number;
  rounds: number;
  payload_bytes: number;
  fanout_p50_ms: number;
  fanout_p99_ms: number;
  fanout_max_ms: number;
  bare_fanout_p50_ms: number;
  bare_fanout_p99_ms: number;
  bare_fanout_max_ms: number;
}

/**
 * One incident change delivered to many subscribed clients, from the
 * durable append to each client's receipt; and, as the floor, a bare
 * Socket.IO broadcast of a payload of the same size.
 */
export async function benchFanout(
  clients: number,
  rounds: number,
): Promise<FanoutResult> {
  const dir = mkdtempSync(join(tmpdir(), "muster-bench-"));
  const plan = loadPlan(defaultPlanFile);
  const store = new SqliteEventStore(join(dir, "muster.db"));
  const service = new IncidentService({ plan, store });
  await service.start();
  // The clients read as a wall would: one observer of the home district.
  const access = openAccess(dir);
  const observer = { name: "bench-observer", password: "bench-observer-pw" };
  await access.directory.createAccount(
    {
      name: observer.name,
      displayName: "Bench observer",
      role: "observer",
      districts: [plan.homeDistrict],
    },
    null,
    { text: observer.password, oneTime: false },
  );
  const session = await access.directory.signIn(
    observer.name,
    observer.password,
    "127.0.0.1",
  );
  if (!session.ok)
    throw new Error(`the bench observer could not sign in: ${session.reason}`);
  const { app, io } = await buildApp({
    plan,
    store,
    service,
    access,
    logger: pino({ level: "silent" }),
    webDir: join(dir, "no-web"),
    tileUrl: null,
    demo: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const opened = await service.execute({
    type: "incident.report",
    commandId: "bench-report-0001",
    place: { name: "bench", position: { lat: 30.55, lon: 120.99 } },
    incidentType: "other",
    headcount: 30,
    conduct: "tendency",
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const incidentId = opened.incidentId;

  let appendedAt = 0;
  let payloadBytes = 0;
  service.onEvents((events) => {
    appendedAt = nowMs();
    payloadBytes = JSON.stringify(events.at(-1)).length;
  });

  const pool = await connectPool(url, session.token, clients, "event", true);
  const muster: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const seq = service.incident(incidentId)!.seq + 2;
    const receipts = pool.expect(seq);
    await new Promise((r) => setTimeout(r, 25));
    await service.execute({
      type: "incident.update",
      commandId: `bench-update-${String(i).padStart(6, "0")}`,
      incidentId,
      headcount: 30 + (i % 2),
      conduct: "tendency",
    });
    const times = await receipts;
    muster.push(...times.map((t) => t - appendedAt));
  }
  await pool.close();
  service.stop();
  await io.close();
  await app.close();
  await store.close();
  access.close();

  const bare = await bareFanout(clients, rounds, payloadBytes);
  rmSync(dir, { recursive: true, force: true });

  return {
    clients,
    rounds,
    payload_bytes: payloadBytes,
    fanout_p50_ms: round(percentile(muster, 50)),
    fanout_p99_ms: round(percentile(muster, 99)),
    fanout_max_ms: round(Math.max(...muster)),
    bare_fanout_p50_ms: round(percentile(bare, 50)),
    bare_fanout_p99_ms: round(percentile(bare, 99)),
    bare_fanout_max_ms: round(Math.max(...bare)),
  };
}

async function bareFanout(clients: number, rounds: number, bytes: number) {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const pool = await connectPool(url, "", clients, "event", false);
  const out: number[] = [];
  for (let i = 1; i <= rounds; i++) {
    const receipts = pool.expect(i);
    await new Promise((r) => setTimeout(r, 25));
    const payload = { marker: i, padding: "" };
    payload.padding = "x".repeat(
      Math.max(0, bytes - JSON.stringify(payload).length),
    );
    const sentAt = nowMs();
    io.emit("event", payload);
    const times = await receipts;
    out.push(...times.map((t) => t - sentAt));
  }
  await pool.close();
  await io.close();
  return out;
}
