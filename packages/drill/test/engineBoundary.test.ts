import { expect, test } from "vitest";
import { runScenario } from "../src/index.ts";
import { levelIIIUnits, plan, scenarioWith, scriptAll } from "./helpers.ts";

// Domain brief §3: a unit at or before the deadline is on time, and a tier
// is late only once its deadline has *passed*; the engine's deadline timer
// falls due the millisecond after the deadline.
test("does not mark a tier late when its last unit assembles exactly at the deadline", async () => {
  const { police, standby, departments, volunteers } = levelIIIUnits;
  // Everyone else is done within a minute, so nothing re-arms the
  // police deadline after WH-P2 sets out: its timer was armed first.
  const scenario = scenarioWith(
    [
      ...scriptAll(
        [police[0], ...standby, ...departments, ...volunteers],
        "5s",
        "40s",
      ),
      { at: "0s", unit: police[1], ackAfter: "50s", assembleAfter: "5m" },
    ],
    { simulation: { groupAckSeconds: [1, 1] } },
  );
  const run = await runScenario({ plan, scenario });
  const police5 = run.events.filter(
    (e) =>
      (e.type === "tier.late" || e.type === "tier.assembled") &&
      e.data.tier === "police",
  );

  expect(police5.map((e) => [e.type, e.at])).toEqual([
    ["tier.assembled", "2026-03-12T01:35:00.000Z"],
  ]);
});
