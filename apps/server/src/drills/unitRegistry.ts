import type { IncidentService } from "@muster/engine";

/** Unit statuses that hold a unit on an incident. */
const HOLDING = new Set([
  "dispatched",
  "acknowledged",
  "enRoute",
  "assembled",
  "ackOverdue",
]);

/**
 * Who may send which unit, across the live incident service and a hosted
 * drill's own service. The rules:
 *
 * - Live work always comes first. The live service does not consult this
 *   registry: it may send any unit, enlisted in a drill or not.
 * - A drill sends only the units enlisted in it, and never one that
 *   holds a live assignment.
 * - When the live service dispatches an enlisted unit, the unit leaves
 *   the drill at once (`withdraw`), and the drill host releases it from
 *   the drill incident.
 */
export class UnitRegistry {
  private readonly enlisted = new Set<string>();

  constructor(private readonly live: IncidentService) {}

  /** True when the unit holds an assignment on an open live incident. */
  isOnLiveWork(callsign: string): boolean {
    return this.live
      .incidents()
      .some(
        (incident) =>
          incident.drillRunId === null &&
          incident.units.some(
            (u) => u.callsign === callsign && HOLDING.has(u.status),
          ),
      );
  }

  /** Enlists units for a drill: those on live work are left out. */
  enlist(callsigns: readonly string[]): string[] {
    this.enlisted.clear();
    for (const cs of callsigns) {
      if (!this.isOnLiveWork(cs)) this.enlisted.add(cs);
    }
    return [...this.enlisted];
  }

  /** Takes a unit out of the drill; true when it was enlisted. */
  withdraw(callsign: string): boolean {
    return this.enlisted.delete(callsign);
  }

  /** Ends the drill's claim on every unit. */
  clear(): void {
    this.enlisted.clear();
  }

  isEnlisted(callsign: string): boolean {
    return this.enlisted.has(callsign);
  }

  /** What the drill's service asks before sending a unit. */
  drillMayNotSend = (callsign: string): boolean =>
    !this.enlisted.has(callsign) || this.isOnLiveWork(callsign);

  list(): string[] {
    return [...this.enlisted].sort();
  }
}
