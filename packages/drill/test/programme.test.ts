import { describe, expect, it } from "vitest";
import { programme, type DrillRecordInput } from "../src/index.ts";
import { plan } from "./helpers.ts";

const record = (
  n: number,
  startedAt: string,
  playbook: string,
  level: string,
  counts = true,
): DrillRecordInput => ({
  drillRunId: `drill-x-${n}`,
  playbook,
  expectedLevel: level,
  levelReached: level,
  startedAt,
  endReason: "closed",
  counts,
});

describe("the yearly programme", () => {
  const records = [
    record(1, "2025-11-02T02:00:00Z", "nimby", "II"),
    record(2, "2026-03-12T01:30:00Z", "labour-wage", "III"),
    record(3, "2026-06-01T01:30:00Z", "public-safety", "I"),
    record(4, "2026-07-01T01:30:00Z", "land-demolition", "II", false),
    // 2026-12-31 17:00 UTC is 2027-01-01 01:00 in Shanghai: next year.
    record(5, "2026-12-31T17:00:00Z", "abnormal-death", "I"),
  ];

  it("counts only the year's drills that completed on the server, in the plan's zone", () => {
    const p = programme(plan, records, 2026);

    expect(p.completed.map((d) => d.drillRunId)).toEqual([
      "drill-x-2",
      "drill-x-3",
    ]);
    expect([p.minimum, p.met]).toEqual([3, false]);
  });

  it("says when each playbook and level was last drilled", () => {
    const p = programme(plan, records, 2026);
    const pb = Object.fromEntries(p.playbooks.map((b) => [b.id, b]));
    const lv = Object.fromEntries(p.levels.map((l) => [l.level, l]));

    expect(pb.nimby).toMatchObject({
      lastDrilled: "2025-11-02T02:00:00Z",
      thisYear: false,
    });
    expect(pb["labour-wage"]?.thisYear).toBe(true);
    expect(pb["land-demolition"]?.lastDrilled).toBeNull();
    expect(pb["abnormal-death"]?.lastDrilled).toBeNull();
    expect(lv.II).toMatchObject({ thisYear: false });
    expect([lv.III?.thisYear, lv.I?.thisYear]).toEqual([true, true]);
  });
});
