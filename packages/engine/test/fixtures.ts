import { loadPlan, defaultPlanFile } from "@muster/plan/load";
import type { Clock } from "../src/clock.ts";

/** The default Wanghai plan, loaded once for the engine's tests. */
export const plan = loadPlan(defaultPlanFile);

/** A clock the test moves by hand; timers fire in due order. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void }[] = [];

  constructor(public ms: number) {}

  now(): number {
    return this.ms;
  }

  setTimer(atMs: number, fn: () => void): () => void {
    const timer = { at: atMs, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves to `ms`, firing every timer due on the way, in order. */
  advanceTo(ms: number): void {
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= ms)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.ms = Math.max(this.ms, due.at);
      due.fn();
    }
    this.ms = ms;
  }
}

export const T0 = Date.parse("2026-12-04T02:00:00.000Z");
export const minutes = (n: number) => n * 60_000;
export const iso = (ms: number) => new Date(ms).toISOString();
