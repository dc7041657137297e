// `pnpm bench`: measures, in one run, Muster beside its baselines and
// writes bench/results.json. A benchmark, never a test: it fails nothing.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchAppends } from "./appends.ts";
import { benchEngine } from "./engine.ts";
import { benchFanout } from "./fanout.ts";
import { benchRecovery } from "./recovery.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const quick = process.argv.includes("--quick");

const engine = await benchEngine(quick ? 20 : 200);
const appends = await benchAppends(quick ? 200 : 2000, 200);
const recovery = await benchRecovery(quick ? 50 : 2000);
const fanout = await benchFanout(quick ? 100 : 1000, quick ? 5 : 30);
// Peak resident memory of this process: the server and, in worker
// threads of the same process, the 1,000 clients of the fan-out.
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);

const results = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? "",
    node: process.version,
  },
  quick,
  ...fanout,
  ...appends,
  ...engine,
  ...recovery,
  max_rss_mb: rssMb,
};
mkdirSync(join(repoRoot, "bench"), { recursive: true });
writeFileSync(
  join(repoRoot, "bench/results.json"),
  JSON.stringify(results, null, 2) + "\n",
);

const rows: [string, string, string][] = [
  [
    "fan-out p50 / p99 / max ms",
    `${fanout.fanout_p50_ms} / ${fanout.fanout_p99_ms} / ${fanout.fanout_max_ms}`,
    `${fanout.bare_fanout_p50_ms} / ${fanout.bare_fanout_p99_ms} / ${fanout.bare_fanout_max_ms} (bare Socket.IO)`,
  ],
  [
    "durable appends /s",
    String(appends.append_per_s),
    `${appends.raw_insert_per_s} (raw inserts, 1 tx/row)`,
  ],
  [
    "recovery ms",
    `${recovery.recovery_ms} (${recovery.recovery_events} events, ${recovery.recovery_open_incidents} open)`,
    "target under 3000",
  ],
  [
    "peak RSS MB",
    String(rssMb),
    "target under 600 (server and clients in one process)",
  ],
  [
    "engine events /s",
    String(engine.engine_events_per_s),
    `${engine.fold_events_per_s} (client fold, no machine)`,
  ],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${"measure".padEnd(w0)}  ${"Muster".padEnd(w1)}  baseline`);
for (const [a, b, c] of rows)
  console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log(
  `\n${fanout.clients} clients, ${fanout.rounds} rounds; ` +
    `${appends.commands} commands, ${appends.in_flight} in flight; ` +
    "written to bench/results.json",
);
process.exit(0);
