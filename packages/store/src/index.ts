/**
 * Event stores behind one asynchronous interface. The SQLite store is a
 * Node-only subpath export, `@muster/store/sqlite`.
 */
export type {
  AppendInput,
  CommandRecord,
  CommitBatch,
  EventStore,
  StoredSnapshot,
} from "./eventStore.ts";
export { MemoryEventStore } from "./memoryStore.ts";
