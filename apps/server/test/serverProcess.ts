import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { io, type Socket } from "socket.io-client";
import {
  socketEvents,
  type CommandResult,
  type StoredEvent,
  type SubscribeResult,
  type WireEvent,
} from "@muster/protocol";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const cli = join(repoRoot, "apps/server/src/cli.ts");

/** A real `muster serve` process on a free (or the given) port. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `muster serve` as a child process and waits for its URL. Without
 * `port` the server picks a free one; pass one (see `freePort`) to restart
 * a server where its clients expect it.
 */
export async function startServer(options: {
  dataDir: string;
  planFile?: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const args = [
    "--import",
    "tsx",
    cli,
    "serve",
    "--port",
    String(options.port ?? 0),
    "--data",
    options.dataDir,
  ];
  if (options.planFile) args.push("--plan", options.planFile);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, MUSTER_LOG: "warn", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out += b.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: nothing else holds its handle.
      child.kill("SIGKILL");
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    const look = () => {
      const match = /listening on (https?:\/\/[\d.:]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", look);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });

  return {
    url,
    child,
    output: () => out,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return resolve();
        }
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * A port free on 127.0.0.1 right now. Another process could take it before
 * it is used; on a test box that race is rare enough to accept.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh temporary data folder. */
export function tempDir(prefix = "muster-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The default plan as plain data, to be changed and written elsewhere:
 * the playbook files it names are made absolute, since a copy in another
 * folder would look for them beside itself.
 */
export function readDefaultPlan(): Record<string, unknown> {
  const file = join(repoRoot, "scenarios/wanghai.plan.yaml");
  const plan = parse(readFileSync(file, "utf8")) as {
    playbooks?: { file?: string }[];
  };
  for (const playbook of plan.playbooks ?? []) {
    if (playbook.file) playbook.file = resolve(dirname(file), playbook.file);
  }
  return plan;
}

/**
 * Writes a copy of the default plan with short clocks (seconds, not
 * minutes) so that deadlines fall due within a test.
 */
export function writeFastPlan(
  dir: string,
  clockSeconds = 4,
  ackSeconds = 60,
): string {
  const plan = readDefaultPlan() as {
    tiers: { clockMinutes: number; ackMinutes: number }[];
  };
  for (const [i, tier] of plan.tiers.entries()) {
    tier.clockMinutes = (clockSeconds * (i + 1)) / 60;
    tier.ackMinutes = ackSeconds / 60;
  }
  const file = join(dir, "fast.plan.yaml");
  writeFileSync(file, stringify(plan));
  return file;
}

/** A socket.io-client that collects every event pushed to it. */
export class TestClient {
  readonly socket: Socket;
  readonly events: StoredEvent[] = [];

  /** Connects with a session or device token (see `People`). */
  constructor(url: string, token: string) {
    this.socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      auth: { token },
    });
    this.socket.on(socketEvents.event, (e: WireEvent) => {
      if (e.type !== "withheld") this.events.push(e);
    });
  }

  async subscribe(after = 0): Promise<SubscribeResult> {
    const result = (await this.socket
      .timeout(10_000)
      .emitWithAck(socketEvents.subscribe, { after })) as SubscribeResult;
    if (result.ok) {
      for (const e of result.events) {
        if (e.type !== "withheld") this.events.push(e);
      }
    }
    return result;
  }

  /** Null once the server lets the socket in; the refusal's code if not. */
  admitted(): Promise<string | null> {
    if (this.socket.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.socket.once("connect", () => resolve(null));
      this.socket.once(
        "connect_error",
        (err: Error & { data?: { code?: string } }) =>
          resolve(err.data?.code ?? "CONNECT_ERROR"),
      );
    });
  }

  send(command: unknown): Promise<CommandResult> {
    return this.socket
      .timeout(10_000)
      .emitWithAck(socketEvents.command, command) as Promise<CommandResult>;
  }

  /** Waits until an event matches, or fails after `ms`. */
  async waitFor(
    match: (e: StoredEvent) => boolean,
    ms = 15_000,
  ): Promise<StoredEvent> {
    const start = Date.now();
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (Date.now() - start > ms)
        throw new Error("timed out waiting for an event");
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.socket.close();
  }
}
