import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { IncidentService } from "@muster/engine";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import type { StoredEvent } from "@muster/protocol";
import { SqliteEventStore } from "@muster/store/sqlite";
import { nowMs, round } from "./stats.ts";

export interface AppendResult {
  commands: number;
  in_flight: number;
  events: number;
  append_per_s: number;
  raw_insert_per_s: number;
}

/**
 * Durable appends through the service with many commands in flight, each
 * answered only after its transaction is synced; beside it, raw inserts of
 * the same rows with the same pragmas, one transaction per row.
 */
export async function benchAppends(
  commands: number,
  inFlight: number,
): Promise<AppendResult> {
  const dir = mkdtempSync(join(tmpdir(), "muster-bench-"));
  const plan = loadPlan(defaultPlanFile);
  const store = new SqliteEventStore(join(dir, "muster.db"));
  const service = new IncidentService({ plan, store });
  await service.start();

  let next = 0;
  const worker = async () => {
    while (next < commands) {
      const i = next++;
      const result = await service.execute({
        type: "incident.report",
        commandId: `bench-append-${String(i).padStart(8, "0")}`,
        place: {
          name: `gathering ${i}`,
          position: { lat: 30.55, lon: 120.99 },
        },
        incidentType: "other",
        headcount: 10 + (i % 50),
        conduct: "none",
      });
      if (!result.ok) throw new Error(result.error.message);
    }
  };
  const start = nowMs();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (nowMs() - start) / 1000;
  const events = await store.readAfter(0, 1_000_000);
  // A watch-level report is two events; anything else means the figure
  // would not measure what it says.
  if (events.length !== commands * 2) {
    throw new Error(`expected ${commands * 2} events, found ${events.length}`);
  }
  service.stop();
  await store.close();

  const raw = rawInserts(join(dir, "raw.db"), events);
  rmSync(dir, { recursive: true, force: true });
  return {
    commands,
    in_flight: inFlight,
    events: events.length,
    append_per_s: round(events.length / seconds, 0),
    raw_insert_per_s: round(raw, 0),
  };
}

function rawInserts(file: string, events: StoredEvent[]): number {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY, incident_id TEXT, seq INTEGER,
    type TEXT, at TEXT, data TEXT, command_id TEXT)`);
  const insert = db.prepare(
    "INSERT INTO events (incident_id, seq, type, at, data, command_id) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const one = db.transaction((e: StoredEvent) =>
    insert.run(
      e.incidentId,
      e.seq,
      e.type,
      e.at,
      JSON.stringify(e.data),
      e.commandId,
    ),
  );
  const start = nowMs();
  for (const e of events) one(e);
  const seconds = (nowMs() - start) / 1000;
  db.close();
  return events.length / seconds;
}
