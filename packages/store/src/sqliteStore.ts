import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { StoredEvent, WireError } from "@muster/protocol";
import {
  reused,
  seqConflict,
  type AppendInput,
  type CommandRecord,
  type CommitBatch,
  type EventStore,
  type StoredSnapshot,
} from "./eventStore.ts";

const schema = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    type        TEXT NOT NULL,
    at          TEXT NOT NULL,
    data        TEXT NOT NULL,
    command_id  TEXT,
    UNIQUE (incident_id, seq)
  );
  CREATE TABLE IF NOT EXISTS commands (
    command_id  TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    incident_id TEXT,
    positions   TEXT NOT NULL,
    error       TEXT
  );
  CREATE TABLE IF NOT EXISTS snapshots (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    body     TEXT NOT NULL
  );
`;

interface EventRow {
  position: number;
  incident_id: string;
  seq: number;
  type: string;
  at: string;
  data: string;
  command_id: string | null;
}

interface CommandRow {
  command_id: string;
  body: string;
  incident_id: string | null;
  positions: string;
  error: string | null;
}

/**
 * The embedded event store: one SQLite file, WAL with synchronous=FULL so
 * that an answered command survives a crash or a power cut.
 *
 * @example
 * const store = openSqliteStore("/var/lib/muster/muster.db");
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly commitTx;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(schema);

    const db = this.db;
    this.statements = {
      seq: db.prepare<[string], { seq: number | null }>(
        "SELECT MAX(seq) AS seq FROM events WHERE incident_id = ?",
      ),
      head: db.prepare<[], { head: number | null }>(
        "SELECT MAX(position) AS head FROM events",
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (incident_id, seq, type, at, data, command_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertCommand: db.prepare(
        `INSERT INTO commands (command_id, body, incident_id, positions, error)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      findCommand: db.prepare<[string], CommandRow>(
        "SELECT * FROM commands WHERE command_id = ?",
      ),
      readAfter: db.prepare<[number, number], EventRow>(
        "SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?",
      ),
      readIncident: db.prepare<[string], EventRow>(
        "SELECT * FROM events WHERE incident_id = ? ORDER BY seq",
      ),
      saveSnapshot: db.prepare(
        `INSERT INTO snapshots (id, position, body) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position,
           body = excluded.body
         WHERE excluded.position >= snapshots.position`,
      ),
      loadSnapshot: db.prepare<[], StoredSnapshot>(
        "SELECT position, body FROM snapshots WHERE id = 1",
      ),
    };
    this.commitTx = db.transaction((batch: CommitBatch) => {
      const stored = batch.appends.map((input) => this.appendNow(input));
      for (const r of batch.rejections) this.insertRejection(r);
      return stored;
    });
  }

  append(input: AppendInput): Promise<StoredEvent[]> {
    return this.commit({ appends: [input], rejections: [] }).then(
      ([stored]) => stored ?? [],
    );
  }

  commit(batch: CommitBatch): Promise<StoredEvent[][]> {
    try {
      return Promise.resolve(this.commitTx.immediate(batch));
    } catch (err) {
      return Promise.reject(
        err instanceof Error ? err : new Error(String(err)),
      );
    }
  }

  private appendNow(input: AppendInput): StoredEvent[] {
    const s = this.statements;
    const seq = s.seq.get(input.incidentId)?.seq ?? 0;
    if (seq !== input.expectedSeq) {
      throw seqConflict(input.incidentId, seq, input);
    }
    const id = input.command?.commandId ?? null;
    if (id !== null && s.findCommand.get(id)) throw reused(id);

    const stored = input.events.map((e, i) => {
      const info = s.insertEvent.run(
        input.incidentId,
        seq + i + 1,
        e.type,
        e.at,
        JSON.stringify(e.data),
        id,
      );
      return {
        ...e,
        position: Number(info.lastInsertRowid),
        incidentId: input.incidentId,
        seq: seq + i + 1,
        commandId: id,
      };
    });
    if (input.command) {
      s.insertCommand.run(
        input.command.commandId,
        input.command.body,
        input.incidentId,
        JSON.stringify(stored.map((e) => e.position)),
        null,
      );
    }
    return stored;
  }

  recordRejection(record: CommandRecord): Promise<void> {
    this.insertRejection(record);
    return Promise.resolve();
  }

  private insertRejection(record: CommandRecord): void {
    if (this.statements.findCommand.get(record.commandId)) return;
    this.statements.insertCommand.run(
      record.commandId,
      record.body,
      record.incidentId,
      "[]",
      JSON.stringify(record.error),
    );
  }

  findCommand(commandId: string): Promise<CommandRecord | undefined> {
    const row = this.statements.findCommand.get(commandId);
    return Promise.resolve(row ? toCommand(row) : undefined);
  }

  readAfter(after: number, limit: number): Promise<StoredEvent[]> {
    const rows = this.statements.readAfter.all(after, limit);
    return Promise.resolve(rows.map(toEvent));
  }

  readIncident(incidentId: string): Promise<StoredEvent[]> {
    const rows = this.statements.readIncident.all(incidentId);
    return Promise.resolve(rows.map(toEvent));
  }

  head(): Promise<number> {
    return Promise.resolve(this.statements.head.get()?.head ?? 0);
  }

  saveSnapshot(snapshot: StoredSnapshot): Promise<void> {
    this.statements.saveSnapshot.run(snapshot.position, snapshot.body);
    return Promise.resolve();
  }

  loadSnapshot(): Promise<StoredSnapshot | undefined> {
    return Promise.resolve(this.statements.loadSnapshot.get());
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

function toEvent(row: EventRow): StoredEvent {
  return {
    position: row.position,
    incidentId: row.incident_id,
    seq: row.seq,
    type: row.type,
    at: row.at,
    data: JSON.parse(row.data) as unknown,
    commandId: row.command_id,
  } as StoredEvent;
}

function toCommand(row: CommandRow): CommandRecord {
  return {
    commandId: row.command_id,
    body: row.body,
    incidentId: row.incident_id,
    positions: JSON.parse(row.positions) as number[],
    error: row.error ? (JSON.parse(row.error) as WireError) : null,
  };
}

/**
 * Takes a consistent copy of a live store file with SQLite's online
 * backup: safe while a server writes to it, from another process.
 * Returns the number of pages copied.
 */
export async function backupSqliteStore(
  file: string,
  destination: string,
): Promise<number> {
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(destination);
    return totalPages;
  } finally {
    db.close();
  }
}
