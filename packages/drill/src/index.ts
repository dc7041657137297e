export * from "./runner.ts";
export * from "./scenario.ts";
export * from "./parse.ts";
