/**
 * The wire contract of Muster: domain value types, commands, events,
 * socket event names and the error catalogue, all validated with zod.
 */
export * from "./domain.ts";
export * from "./errors.ts";
export * from "./commands.ts";
export * from "./events.ts";
export * from "./wire.ts";
export * from "./auth.ts";
