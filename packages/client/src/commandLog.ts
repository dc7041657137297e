import type { CommandStatus } from "./types.ts";

/**
 * The statuses of recent commands by id, copy-on-write like the read
 * model: a published map is never changed. Pending commands are always
 * kept; of the settled ones, only the newest `keepSettled`.
 */
export class CommandLog {
  readonly #keepSettled: number;
  #statuses = new Map<string, CommandStatus>();
  #own = false;

  constructor(keepSettled: number) {
    this.#keepSettled = keepSettled;
  }

  /** Records the latest status of one command. */
  record(status: CommandStatus): void {
    if (!this.#own) {
      this.#statuses = new Map(this.#statuses);
      this.#own = true;
    }
    this.#statuses.set(status.command.commandId, status);
    this.#forgetOld();
  }

  /** Hands out the current map; later records go to a fresh copy. */
  publish(): ReadonlyMap<string, CommandStatus> {
    this.#own = false;
    return this.#statuses;
  }

  #forgetOld(): void {
    let settled = 0;
    for (const status of this.#statuses.values()) {
      if (status.state !== "pending") settled++;
    }
    for (const [id, status] of this.#statuses) {
      if (settled <= this.#keepSettled) break;
      if (status.state === "pending") continue;
      this.#statuses.delete(id);
      settled--;
    }
  }
}
