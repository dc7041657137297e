import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { WireEvent as StoredEvent } from "@muster/protocol";
import {
  closedIn,
  emptyCache,
  newPart,
  type CachedBatch,
  type CachedEvents,
  type EventCache,
} from "./eventCache.ts";

interface Mark {
  position: number;
  lastEventAt: string | null;
}

interface EventCacheSchema extends DBSchema {
  events: {
    key: number;
    value: StoredEvent;
    indexes: { byIncident: string };
  };
  mark: { key: "mark"; value: Mark };
}

/** Options of an IndexedDbEventCache. */
export interface IndexedDbEventCacheOptions {
  /** The database's name; one per device is enough. */
  name?: string;
  /**
   * Most events kept; 50,000 (about 15 MB of open incidents with their
   * position reports). Past it the cache empties itself and stays empty
   * for the session: the next opening catches up from the server, as
   * without a cache.
   */
  maxEvents?: number;
}

/**
 * An event cache in the browser's IndexedDB: a tablet reopened with no
 * network shows its dispatch at once, and resumes from where it was.
 *
 * @example
 * const client = new MusterClient({ cache: new IndexedDbEventCache() });
 */
export class IndexedDbEventCache implements EventCache {
  readonly #db: Promise<IDBPDatabase<EventCacheSchema>>;
  readonly #maxEvents: number;

  constructor(options: IndexedDbEventCacheOptions = {}) {
    this.#maxEvents = options.maxEvents ?? 50_000;
    this.#db = openDB<EventCacheSchema>(options.name ?? "muster-events", 1, {
      upgrade(db) {
        const events = db.createObjectStore("events", {
          keyPath: "position",
        });
        events.createIndex("byIncident", "incidentId");
        db.createObjectStore("mark");
      },
    });
  }

  async load(): Promise<CachedEvents> {
    const db = await this.#db;
    const tx = db.transaction(["events", "mark"], "readonly");
    const [mark, events] = await Promise.all([
      tx.objectStore("mark").get("mark"),
      tx.objectStore("events").getAll(),
    ]);
    await tx.done;
    return mark ? { ...mark, events } : emptyCache;
  }

  async clear(): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction(["events", "mark"], "readwrite");
    await Promise.all([
      tx.objectStore("events").clear(),
      tx.objectStore("mark").clear(),
    ]);
    await tx.done;
  }

  async append(batch: CachedBatch): Promise<void> {
    const db = await this.#db;
    // One transaction: the events and the position they run to are kept
    // together or not at all, so a closed page never leaves a hole.
    const tx = db.transaction(["events", "mark"], "readwrite");
    const events = tx.objectStore("events");
    const marks = tx.objectStore("mark");
    const kept = (await marks.get("mark")) ?? emptyCache;
    const fresh = newPart(batch, kept.position);
    const last = fresh?.at(-1);
    if (!fresh || !last) return tx.done;

    const closed = closedIn(fresh);
    for (const incidentId of closed) {
      const keys = await events.index("byIncident").getAllKeys(incidentId);
      await Promise.all(keys.map((key) => events.delete(key)));
    }
    await Promise.all(
      fresh
        .filter((event) => !closed.has(event.incidentId))
        .map((event) => events.put(event)),
    );
    if ((await events.count()) > this.#maxEvents) {
      await Promise.all([events.clear(), marks.clear()]);
    } else {
      await marks.put(
        { position: last.position, lastEventAt: last.at },
        "mark",
      );
    }
    await tx.done;
  }

  /** Closes the database; a page that goes away need not call it. */
  async close(): Promise<void> {
    (await this.#db).close();
  }
}
