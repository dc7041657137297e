import type { EventData, EventType, NewEvent } from "@muster/protocol";
import { evolve } from "./evolve.ts";
import type { IncidentState } from "./state.ts";

/**
 * Collects the events of one decision while keeping a scratch state up to
 * date, so that later checks (is the tier complete now?) see the earlier
 * events of the same decision.
 */
export class Draft {
  readonly events: NewEvent[] = [];

  constructor(
    public state: IncidentState,
    readonly at: string,
  ) {}

  emit<T extends EventType>(type: T, data: EventData[T]): void {
    const event = { type, at: this.at, data } as NewEvent;
    this.events.push(event);
    this.state = evolve(this.state, event);
  }
}
