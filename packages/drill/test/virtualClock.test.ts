import { describe, expect, test } from "vitest";
import { VirtualClock } from "../src/virtualClock.ts";

function drain(clock: VirtualClock): void {
  while (clock.fireNext()) {
    // Each timer runs in turn; the loop only moves the clock.
  }
}

describe("VirtualClock", () => {
  test("fires timers by due time, then by insertion order", () => {
    const clock = new VirtualClock(1000);
    const fired: string[] = [];
    const at = (ms: number, name: string) =>
      clock.setTimer(ms, () => fired.push(`${name}@${clock.now()}`));
    at(5000, "c");
    at(2000, "a");
    at(5000, "d");
    at(3000, "b");
    at(5000, "e");

    drain(clock);

    expect(fired).toEqual(["a@2000", "b@3000", "c@5000", "d@5000", "e@5000"]);
  });

  test("keeps insertion order among many timers due at once", () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    // Enough timers to exercise the heap beyond a few levels.
    for (let i = 0; i < 200; i++) {
      clock.setTimer((i * 7919) % 13, () => fired.push(i));
    }
    drain(clock);

    const keyed = fired.map((i) => [(i * 7919) % 13, i] as const);
    const sorted = [...keyed].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keyed).toEqual(sorted);
  });

  test("does not fire a cancelled timer", () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    const cancel = clock.setTimer(10, () => fired.push("cancelled"));
    clock.setTimer(20, () => fired.push("kept"));
    cancel();

    drain(clock);

    expect(fired).toEqual(["kept"]);
    expect(clock.nextDue()).toBeNull();
  });

  test("runs a timer set from inside a timer at its own due time", () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    clock.setTimer(10, () => {
      fired.push(`outer@${clock.now()}`);
      clock.setTimer(10, () => fired.push(`same instant@${clock.now()}`));
      clock.setTimer(15, () => fired.push(`later@${clock.now()}`));
    });
    clock.setTimer(12, () => fired.push(`between@${clock.now()}`));

    drain(clock);

    expect(fired).toEqual([
      "outer@10",
      "same instant@10",
      "between@12",
      "later@15",
    ]);
  });

  test("never moves backwards for a timer set in the past", () => {
    const clock = new VirtualClock(100);
    let seen = -1;
    clock.setTimer(50, () => (seen = clock.now()));

    clock.fireNext();

    expect(seen).toBe(100);
    expect(clock.now()).toBe(100);
  });
});
