/**
 * Who may do what: the role × action × scope table, identities of people
 * and enrolled devices, their sessions, and the audit trail. The SQLite
 * side (`@muster/auth/sqlite`) opens the access database.
 */
export * from "./permissions.ts";
export * from "./identity.ts";
export * from "./tokens.ts";
export * from "./directory.ts";
export * from "./auditTrail.ts";
export { readableSecret } from "./secrets.ts";
