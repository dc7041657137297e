import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IncidentService } from "@muster/engine";
import { defaultPlanFile, loadPlan } from "@muster/plan/load";
import { SqliteEventStore } from "@muster/store/sqlite";
import { nowMs, round } from "./stats.ts";

export interface RecoveryResult {
  recovery_events: number;
  recovery_open_incidents: number;
  recovery_ms: number;
}

/**
 * Start-up after a crash: a store with a long history (incidents opened,
 * worked and closed, a few still open) is reopened and every open
 * incident rebuilt, its deadlines armed. No clean shutdown: the snapshot
 * is whatever the periodic one left.
 */
export async function benchRecovery(
  incidents: number,
): Promise<RecoveryResult> {
  const dir = mkdtempSync(join(tmpdir(), "muster-bench-"));
  const file = join(dir, "muster.db");
  const plan = loadPlan(defaultPlanFile);
  const store = new SqliteEventStore(file);
  const service = new IncidentService({ plan, store });
  await service.start();
  let n = 0;
  const id = () => `bench-recovery-${String(n++).padStart(8, "0")}`;
  for (let i = 0; i < incidents; i++) {
    const opened = await service.execute({
      type: "incident.report",
      commandId: id(),
      place: { name: `incident ${i}`, position: { lat: 30.55, lon: 120.99 } },
      incidentType: "other",
      headcount: 30,
      conduct: "tendency",
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const incidentId = opened.incidentId;
    const units = service.incident(incidentId)!.units;
    await Promise.all(
      units.flatMap((u) =>
        (["unit.acknowledge", "unit.enRoute", "unit.assemble"] as const).map(
          (type) =>
            service.execute({
              type,
              commandId: id(),
              incidentId,
              callsign: u.callsign,
            }),
        ),
      ),
    );
    // All but the last few are closed, as in a long-running district.
    if (i < incidents - 5) {
      await service.execute({
        type: "incident.resolve",
        commandId: id(),
        incidentId,
      });
      await service.execute({
        type: "incident.close",
        commandId: id(),
        incidentId,
      });
    }
  }
  service.stop();
  const events = await store.head();
  await store.close();

  const start = nowMs();
  const reopened = new SqliteEventStore(file);
  const recovered = new IncidentService({ plan, store: reopened });
  await recovered.start();
  const ms = nowMs() - start;
  const open = recovered.incidents().length;
  recovered.stop();
  await reopened.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    recovery_events: events,
    recovery_open_incidents: open,
    recovery_ms: round(ms),
  };
}
