// `pnpm bench:wall`: an accelerated hour of drill-like traffic (200
// incidents, 2,000 units on the move) played through a real server into
// the real wall page in headless Chromium. Measures the share of frames
// over 50 ms and the JS heap after garbage collection. A benchmark, never
// a test: it fails nothing. Options: --speed N (default 12, so the hour
// takes five minutes), --incidents N (default 200).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession, Page } from "playwright-core";
import type { LatLon, StoredEvent } from "@muster/protocol";
import { launchChromium } from "../test/browser.ts";
import { People } from "../test/people.ts";
import { startServer, tempDir, TestClient } from "../test/serverProcess.ts";
import { enrolTablets, random, writeBenchPlan } from "./wallPlan.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const speed = arg("speed", 12);
const incidentCount = arg("incidents", 200);
const hourMs = 3_600_000;
/** Simulated seconds between two position reports of a moving unit. */
const positionEverySec = 20;
/** Simulated minutes an incident stays open before it is closed. */
const lifetimeMin = [12, 20] as const;

const rand = random(7);
const between = (lo: number, hi: number) => lo + rand() * (hi - lo);

// ---- a simulated clock and a queue of things to do ----------------------

let startedAt = Date.now();
const simNow = () => (Date.now() - startedAt) * speed;
type Job = { at: number; run: () => Promise<void> | void };
const jobs: Job[] = [];
function schedule(atSim: number, run: Job["run"]): void {
  // Binary insert keeps the queue ordered by due time.
  let lo = 0;
  let hi = jobs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (jobs[mid]!.at <= atSim) lo = mid + 1;
    else hi = mid;
  }
  jobs.splice(lo, 0, { at: atSim, run });
}

// ---- server, sockets and the wall page ----------------------------------

const dataDir = tempDir("muster-bench-wall-");
const planFile = writeBenchPlan(dataDir);
// Each unit speaks for itself from its own tablet: only a unit's tablet
// or leader may report its position.
const tabletTokens = await enrolTablets(dataDir, planFile);
const server = await startServer({ dataDir, planFile });
const people = await People.open(server);
const commander = await people.commander();
const feed = new TestClient(server.url, commander.token);
await feed.subscribe(0);
// The command post's consoles close incidents, over a few sockets.
const consoles = Array.from(
  { length: 4 },
  () => new TestClient(server.url, commander.token),
);
/** A unit's tablet, connected when the unit first has something to say. */
const tablets = new Map<string, TestClient>();
function tabletOf(callsign: string): TestClient {
  let tablet = tablets.get(callsign);
  if (!tablet) {
    const token = tabletTokens.get(callsign);
    if (!token) throw new Error(`no tablet enrolled for ${callsign}`);
    tablet = new TestClient(server.url, token);
    tablets.set(callsign, tablet);
  }
  return tablet;
}
let turn = 0;
let sent = 0;
let refused = 0;
let inFlight = 0;
/** Refusals by command and code: a unit replaced or stood down refuses. */
const refusals = new Map<string, number>();
async function send(command: Record<string, unknown>): Promise<void> {
  const socket =
    typeof command.callsign === "string"
      ? tabletOf(command.callsign)
      : consoles[turn++ % consoles.length]!;
  inFlight += 1;
  sent += 1;
  try {
    const result = await socket.send(command);
    if (!result.ok) {
      refused += 1;
      const key = `${String(command.type)} ${result.error.code}`;
      refusals.set(key, (refusals.get(key) ?? 0) + 1);
    }
  } catch {
    refused += 1;
  } finally {
    inFlight -= 1;
  }
}

const browser = await launchChromium(["--enable-precise-memory-info"]);
const context = await browser.newContext({
  viewport: { width: 1920, height: 1080 },
});
// The wall is a signed-in page: signing in sets the session cookie in
// the browser context, as the sign-in page would.
const viewer = await people.person("observer");
const signIn = await context.request.post(`${server.url}/api/session`, {
  data: { name: viewer.name, password: viewer.password },
});
if (!signIn.ok()) {
  throw new Error(`the wall could not sign in: ${await signIn.text()}`);
}
const page = await context.newPage();
await page.addInitScript(() => {
  localStorage.setItem("muster.language", "zh-CN");
});
await page.goto(`${server.url}/wall`);
await page.getByTestId("wall").waitFor();
// Installed after load: a frame callback set by an init script is lost
// when the first document is replaced.
// A string, not a function: tsx would wrap a named closure in a helper
// that does not exist in the page.
await page.evaluate(`(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`);
const cdp = await page.context().newCDPSession(page);

async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send("HeapProfiler.collectGarbage");
  await session.send("HeapProfiler.collectGarbage");
  const usage = await session.send("Runtime.getHeapUsage");
  return usage.usedSize;
}

/** Frame times since the last call, taken out of the page. */
async function takeFrames(p: Page): Promise<number[]> {
  return p.evaluate(() => {
    const w = window as unknown as { __frames: number[] };
    const out = w.__frames;
    w.__frames = [];
    return out;
  });
}

// ---- the traffic ---------------------------------------------------------

const seats: LatLon[] = [
  { lat: 30.55, lon: 120.99 },
  { lat: 30.53, lon: 120.94 },
  { lat: 30.58, lon: 121.03 },
  { lat: 30.59, lon: 120.86 },
  { lat: 30.66, lon: 120.88 },
];
const homes = new Map<string, { home: LatLon; speedKmh: number }>();
{
  const { parse } = await import("yaml");
  const { readFileSync } = await import("node:fs");
  const doc = parse(readFileSync(planFile, "utf8")) as {
    units: { callsign: string; home: LatLon; speedKmh: number }[];
  };
  for (const u of doc.units) homes.set(u.callsign, u);
}
const points = new Map<string, LatLon>();
let reported = 0;
let commandSeq = 0;
const commandId = () => `bench-${String(++commandSeq).padStart(8, "0")}`;

for (let i = 0; i < incidentCount; i++) {
  // Spread over the hour, so that some 50 are open at any time.
  const at = (i + 0.5) * (hourMs / incidentCount) * 0.92;
  schedule(at, async () => {
    const seat = seats[i % seats.length]!;
    const grave = rand();
    const result = await feed.send({
      type: "incident.report",
      commandId: commandId(),
      place: {
        name: `演练点位 ${i + 1}`,
        position: {
          lat: seat.lat + (rand() - 0.5) * 0.04,
          lon: seat.lon + (rand() - 0.5) * 0.04,
        },
      },
      incidentType: "labour-wage",
      headcount: grave > 0.95 ? 120 : grave > 0.75 ? 60 : 30,
      conduct: "tendency",
    });
    if (!result.ok) {
      if (refused++ === 0) console.log("report refused", result.error);
      return;
    }
    reported += 1;
    const incidentId = result.incidentId;
    const close = simNow() + between(...lifetimeMin) * 60_000;
    schedule(close, async () => {
      await send({
        type: "incident.resolve",
        commandId: commandId(),
        incidentId,
      });
      await send({
        type: "incident.close",
        commandId: commandId(),
        incidentId,
      });
    });
  });
}

/** One unit's trip: acknowledge, set off, report its way, assemble. */
function drive(incidentId: string, callsign: string): void {
  const unit = homes.get(callsign);
  const point = points.get(incidentId);
  if (!unit || !point) return;
  const base = { incidentId, callsign };
  const ack = simNow() + between(10, 40) * 1000;
  const leave = ack + between(10, 60) * 1000;
  schedule(ack, () =>
    send({ type: "unit.acknowledge", commandId: commandId(), ...base }),
  );
  schedule(leave, () =>
    send({ type: "unit.enRoute", commandId: commandId(), ...base }),
  );

  const km = Math.hypot(
    (point.lat - unit.home.lat) * 111,
    (point.lon - unit.home.lon) * 96,
  );
  const tripMs = (km / unit.speedKmh) * hourMs;
  for (
    let t = positionEverySec * 1000;
    t < tripMs;
    t += positionEverySec * 1000
  ) {
    const f = t / tripMs;
    schedule(leave + t, () =>
      send({
        type: "unit.reportPosition",
        commandId: commandId(),
        ...base,
        position: {
          lat: unit.home.lat + (point.lat - unit.home.lat) * f,
          lon: unit.home.lon + (point.lon - unit.home.lon) * f,
        },
      }),
    );
  }
  schedule(leave + tripMs, () =>
    send({ type: "unit.assemble", commandId: commandId(), ...base }),
  );
}

let seen = 0;
function follow(): void {
  for (; seen < feed.events.length; seen++) {
    const e = feed.events[seen] as StoredEvent;
    if (e.type === "tier.dispatched")
      points.set(e.incidentId, e.data.assemblyPoint);
    if (e.type === "unit.dispatched") drive(e.incidentId, e.data.callsign);
  }
  // The feed keeps what it saw only until it is read.
  if (seen > 50_000) {
    feed.events.splice(0, seen);
    seen = 0;
  }
}

// ---- run ----------------------------------------------------------------

const heapStart = await heapAfterGc(cdp);
await takeFrames(page);
startedAt = Date.now();
const warmSim = 15 * 60_000;
let heapWarm = 0;
const heapTrend: number[] = [];
const frames = { warm: [] as number[], steady: [] as number[] };
let lastProgress = 0;
let maxLagMs = 0;

while (simNow() < hourMs) {
  follow();
  const now = simNow();
  while (jobs.length > 0 && jobs[0]!.at <= now && inFlight < 256) {
    const job = jobs.shift()!;
    maxLagMs = Math.max(maxLagMs, (now - job.at) / speed);
    void job.run();
  }
  if (heapTrend.length < 3 && now >= (heapTrend.length + 2) * warmSim) {
    // 30 and 45 minutes: whether the heap climbs or has levelled.
    frames.steady.push(...(await takeFrames(page)));
    heapTrend.push(await heapAfterGc(cdp));
    await takeFrames(page);
  }
  if (heapWarm === 0 && now >= warmSim) {
    frames.warm.push(...(await takeFrames(page)));
    heapWarm = await heapAfterGc(cdp);
    await takeFrames(page); // the collection itself is not a wall frame
  }
  if (now - lastProgress > 5 * 60_000) {
    lastProgress = now;
    const open = await page.evaluate(
      () => document.querySelectorAll("[data-testid^=wall-incident-]").length,
    );
    console.log(
      `${Math.round(now / 60_000)} min: ${reported} reported, ${open} on the wall, ` +
        `${sent} commands, ${refused} refused, ${inFlight} in flight`,
    );
  }
  await new Promise((r) => setTimeout(r, 20));
}
frames.steady.push(...(await takeFrames(page)));
const heapEnd = await heapAfterGc(cdp);
await page.screenshot({ path: join(dataDir, "end.png") });

const share = (list: number[]) =>
  list.length === 0 ? 0 : list.filter((f) => f > 50).length / list.length;
const all = [...frames.warm, ...frames.steady];
const sorted = [...all].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.floor((sorted.length - 1) * p)] ?? 0;
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "" },
  speed,
  incidents: reported,
  units: homes.size,
  commands: sent,
  refused,
  refusals: Object.fromEntries(refusals),
  maxDriverLagMs: Math.round(maxLagMs),
  frames: all.length,
  framesOver50msShare: share(all),
  framesOver50msShareAfterWarmup: share(frames.steady),
  frameP50Ms: Math.round(pct(0.5) * 10) / 10,
  frameP99Ms: Math.round(pct(0.99) * 10) / 10,
  heapStartMb: mb(heapStart),
  heapAfterWarmupMb: mb(heapWarm),
  heapAt30And45MinMb: heapTrend.map(mb),
  heapEndMb: mb(heapEnd),
  heapGrowthAfterWarmup: heapWarm ? (heapEnd - heapWarm) / heapWarm : null,
};
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, "bench"), { recursive: true });
writeFileSync(
  join(repoRoot, "bench/wall-results.json"),
  JSON.stringify(results, null, 2) + "\n",
);

for (const t of [...consoles, ...tablets.values()]) t.close();
feed.close();
await browser.close();
await server.stop();
rmSync(dataDir, { recursive: true, force: true });
