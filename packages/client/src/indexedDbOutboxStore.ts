import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OutboxEntry, OutboxStore } from "./outboxStore.ts";

interface OutboxSchema extends DBSchema {
  entries: {
    /** Auto-incremented, so key order is the order entries were put. */
    key: number;
    value: { commandId: string; entry: OutboxEntry };
    indexes: { byCommandId: string };
  };
}

const STORE = "entries";

/**
 * An outbox store in the browser's IndexedDB: commands survive a closed
 * tab, a reload and a restarted tablet, and the next session delivers
 * them with the same command id and body.
 *
 * @example
 * const client = new MusterClient({ outbox: new IndexedDbOutboxStore() });
 */
export class IndexedDbOutboxStore implements OutboxStore {
  readonly #db: Promise<IDBPDatabase<OutboxSchema>>;

  /** `name` is the database's; one per device is enough. */
  constructor(name = "muster-outbox") {
    this.#db = openDB<OutboxSchema>(name, 1, {
      upgrade(db) {
        const store = db.createObjectStore(STORE, { autoIncrement: true });
        store.createIndex("byCommandId", "commandId", { unique: true });
      },
    });
  }

  async load(): Promise<OutboxEntry[]> {
    const db = await this.#db;
    const rows = await db.getAll(STORE);
    return rows.map((row) => row.entry);
  }

  async put(entry: OutboxEntry): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction(STORE, "readwrite");
    const commandId = entry.command.commandId;
    // Putting a command again keeps its place in the order.
    const key = await tx.store.index("byCommandId").getKey(commandId);
    const row = { commandId, entry };
    await (key === undefined ? tx.store.add(row) : tx.store.put(row, key));
    await tx.done;
  }

  async remove(commandId: string): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction(STORE, "readwrite");
    const key = await tx.store.index("byCommandId").getKey(commandId);
    if (key !== undefined) await tx.store.delete(key);
    await tx.done;
  }

  /** Closes the database; a page that goes away need not call it. */
  async close(): Promise<void> {
    (await this.#db).close();
  }
}
