/**
 * The framework-free client of a Muster server: ordered event stream,
 * folded incidents and a command outbox, shared by the web pages, the
 * tests and the benchmarks.
 */
export {
  MusterClient,
  type MusterClientOptions,
  type SendOptions,
} from "./musterClient.ts";
export type { ConnectTarget } from "./connect.ts";
export {
  MemoryOutboxStore,
  type OutboxEntry,
  type OutboxStore,
} from "./outboxStore.ts";
export { IndexedDbOutboxStore } from "./indexedDbOutboxStore.ts";
export {
  MemoryEventCache,
  type CachedBatch,
  type CachedEvents,
  type EventCache,
} from "./eventCache.ts";
export {
  IndexedDbEventCache,
  type IndexedDbEventCacheOptions,
} from "./indexedDbEventCache.ts";
export { EventSequencer } from "./sequencer.ts";
export { newCommandId } from "./commandId.ts";
export { backoffDelay, type BackoffOptions } from "./backoff.ts";
export type { IncidentReducer, TimelineOptions } from "./readModel.ts";
export type { MusterSocket } from "./socketTypes.ts";
export type {
  ClientSnapshot,
  CommandInput,
  CommandStatus,
  ConnectionState,
  DistributiveOmit,
} from "./types.ts";
