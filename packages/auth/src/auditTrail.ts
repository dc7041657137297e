import type { Database } from "better-sqlite3";
import type {
  AuditEntry,
  AuditQuery,
  Command,
  CommandResult,
} from "@muster/protocol";
import type { Identity } from "./identity.ts";

/** One thing to record: who asked for what, from where, and the answer. */
export interface AuditRecord {
  at: number;
  /** Null: nobody signed in (a refused anonymous request). */
  actor: Identity | null;
  /** Set for the server's own actors: the demo player, a hosted drill. */
  system?: string;
  from: string;
  action: string;
  incidentId?: string | null;
  commandId?: string | null;
  outcome: "accepted" | "refused";
  code?: string | null;
  message?: string | null;
}

/** What the audit trail says of a command and its answer. */
export function commandAnswer(
  command: Command,
  result: CommandResult,
): Pick<
  AuditRecord,
  "incidentId" | "commandId" | "outcome" | "code" | "message"
> {
  if (!result.ok) {
    return {
      incidentId: "incidentId" in command ? command.incidentId : null,
      commandId: command.commandId,
      outcome: "refused",
      code: result.error.code,
      message: result.error.message,
    };
  }
  return {
    incidentId: result.incidentId,
    commandId: command.commandId,
    outcome: "accepted",
    message: result.duplicate
      ? "answered again for a retried command id"
      : null,
  };
}

/** Rows written per transaction, and the longest a row waits for one. */
const BATCH_ROWS = 500;
const BATCH_WAIT_MS = 50;

/**
 * The audit trail: every accepted command and every refusal, with who,
 * from where and when. Rows are written in batches, one transaction
 * each, so that recording does not slow the command path; a command is
 * answered only once its line is written (`durable`), so no answered
 * command is missing after a crash. Reading writes what is waiting first.
 */
export class AuditTrail {
  readonly #db: Database;
  #waiting: AuditRecord[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #soon: ReturnType<typeof setImmediate> | null = null;
  #waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];

  constructor(db: Database) {
    this.#db = db;
  }

  record(entry: AuditRecord): void {
    this.#waiting.push(entry);
    if (this.#waiting.length >= BATCH_ROWS) this.#flushQuietly();
    else {
      this.#timer ??= setTimeout(() => this.#flushQuietly(), BATCH_WAIT_MS);
    }
  }

  /**
   * Resolves once every line recorded so far is written and synced; the
   * lines of one turn of the event loop share a transaction.
   */
  durable(): Promise<void> {
    if (this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#soon ??= setImmediate(() => this.#flushQuietly());
    });
  }

  /** Writes what waits; a failure reaches whoever waits for `durable`. */
  #flushQuietly(): void {
    try {
      this.flush();
    } catch {
      // Rows stay waiting for the next try; the waiters were told.
    }
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#soon) clearImmediate(this.#soon);
    this.#timer = null;
    this.#soon = null;
    const waiters = this.#waiters;
    this.#waiters = [];
    const rows = this.#waiting;
    if (rows.length === 0) {
      waiters.forEach((w) => w.resolve());
      return;
    }
    this.#waiting = [];
    try {
      this.#write(rows);
    } catch (err) {
      this.#waiting = [...rows, ...this.#waiting];
      waiters.forEach((w) => w.reject(err));
      throw err;
    }
    waiters.forEach((w) => w.resolve());
  }

  #write(rows: AuditRecord[]): void {
    const insert = this.#db.prepare(
      `INSERT INTO audit (at, actor_kind, actor_id, actor_name, role, from_addr,
         action, incident_id, command_id, outcome, code, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      for (const r of rows) {
        insert.run(
          new Date(r.at).toISOString(),
          r.system ? "system" : (r.actor?.kind ?? "anonymous"),
          r.actor?.id ?? null,
          r.system ?? r.actor?.name ?? null,
          r.actor?.role ?? null,
          r.from,
          r.action,
          r.incidentId ?? null,
          r.commandId ?? null,
          r.outcome,
          r.code ?? null,
          r.message ?? null,
        );
      }
    })();
  }

  /** Entries matching the filters, newest first. */
  query(filter: AuditQuery): AuditEntry[] {
    this.flush();
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.incident) {
      where.push("incident_id = ?");
      args.push(filter.incident);
    }
    if (filter.actor) {
      where.push("actor_name = ?");
      args.push(filter.actor);
    }
    if (filter.from) {
      where.push("at >= ?");
      args.push(new Date(filter.from).toISOString());
    }
    if (filter.to) {
      where.push("at <= ?");
      args.push(new Date(filter.to).toISOString());
    }
    if (filter.outcome) {
      where.push("outcome = ?");
      args.push(filter.outcome);
    }
    const sql =
      "SELECT * FROM audit" +
      (where.length ? ` WHERE ${where.join(" AND ")}` : "") +
      " ORDER BY id DESC LIMIT ?";
    const rows = this.#db.prepare(sql).all(...args, filter.limit) as Row[];
    return rows.map(entryOf);
  }
}

interface Row {
  id: number;
  at: string;
  actor_kind: AuditEntry["actorKind"];
  actor_id: string | null;
  actor_name: string | null;
  role: AuditEntry["role"];
  from_addr: string;
  action: string;
  incident_id: string | null;
  command_id: string | null;
  outcome: "accepted" | "refused";
  code: string | null;
  message: string | null;
}

function entryOf(row: Row): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    role: row.role,
    from: row.from_addr,
    action: row.action,
    incidentId: row.incident_id,
    commandId: row.command_id,
    outcome: row.outcome,
    code: row.code,
    message: row.message,
  };
}

const csvColumns: (keyof AuditEntry)[] = [
  "at",
  "actorKind",
  "actorId",
  "actorName",
  "role",
  "from",
  "action",
  "incidentId",
  "commandId",
  "outcome",
  "code",
  "message",
];

/**
 * The entries as CSV (RFC 4180), for the export: with a byte-order mark,
 * which spreadsheets in Chinese locales need to read UTF-8; times in UTC
 * (ISO 8601 with Z); control characters shown as "?".
 */
export function auditCsv(entries: AuditEntry[]): string {
  const cell = (value: AuditEntry[keyof AuditEntry]) => {
    const raw = value === null || value === undefined ? "" : String(value);
    // eslint-disable-next-line no-control-regex -- replacing them is the point
    const text = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");
    // A leading = + - @ would be run as a formula by a spreadsheet.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [csvColumns.join(",")];
  for (const entry of entries) {
    lines.push(csvColumns.map((c) => cell(entry[c])).join(","));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
