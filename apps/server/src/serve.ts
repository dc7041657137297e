import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { commandAnswer } from "@muster/auth";
import { accessFiles, openAccess } from "@muster/auth/sqlite";
import { MusterError } from "@muster/protocol";
import { IncidentService } from "@muster/engine";
import { loadPlan } from "@muster/plan/load";
import { SqliteEventStore } from "@muster/store/sqlite";
import { prepareDemoAccess } from "./access/demoAccess.ts";
import { buildApp } from "./app.ts";
import { repoRoot, type ServeConfig } from "./config.ts";
import { startDemo } from "./demo.ts";
import { DrillHost } from "./drills/drillHost.ts";
import { createLogger } from "./logger.ts";

/** A running server, for the CLI and for tests that start it in-process. */
export interface RunningServer {
  url: string;
  /**
   * What a person must be told once at start: the first administrator's
   * one-time password, the demo's sign-in details. Never logged.
   */
  notices: string[];
  close(): Promise<void>;
}

/**
 * Loads the plan, opens the store, rebuilds the incidents and listens.
 * Throws PLAN_INVALID (before anything listens) when the plan is broken.
 */
export async function serve(config: ServeConfig): Promise<RunningServer> {
  const logger = createLogger();
  const plan = loadPlan(config.planFile);
  checkDemoFolder(config.dataDir, config.demo);
  // First: a bad signing secret stops start-up before the store is made.
  const access = openAccess(config.dataDir, {
    secretBase64: process.env.MUSTER_SECRET,
    sessionMs: config.sessionHours * 3600_000,
  });
  // The mark inside the database survives a backup and restore.
  if (access.directory.madeByDemo() && !config.demo) {
    access.close();
    throw demoDataRefused(config.dataDir);
  }
  if (config.demo) access.directory.markDemo();
  // Incidents' places and notes: for the server's user only, like access.db
  // (SQLite gives its -wal and -shm files the database file's mode).
  const storeFile = join(config.dataDir, "muster.db");
  closeSync(openSync(storeFile, "a", 0o600));
  chmodSync(storeFile, 0o600);
  const store = new SqliteEventStore(storeFile);
  const service = new IncidentService({
    plan,
    store,
    logger: logger.child({ component: "engine" }),
  });
  await service.start();
  const notices: string[] = [];
  const admin = await access.directory.ensureAdministrator(plan.homeDistrict);
  if (admin) {
    notices.push(
      "First start: created the administrator account. Sign in at /login as",
      `  ${admin.name}  with the one-time password  ${admin.password}`,
      "  It is shown only now; you will be asked to choose your own.",
    );
    logger.info({ account: admin.name }, "first administrator created");
  }
  const drills = new DrillHost({
    plan,
    live: service,
    scenarioDir:
      process.env.MUSTER_DRILLS ?? join(repoRoot, "scenarios", "drills"),
    dataDir: config.dataDir,
    log: logger.child({ component: "drill" }),
  });

  const { app, io } = await buildApp({
    drills,
    plan,
    store,
    service,
    access,
    logger,
    webDir: config.webDir,
    tileUrl: config.tileUrl,
    allowedOrigins: config.allowedOrigins,
    socketRate: config.socketRate,
    signInRate: config.signInRate,
    enrolRate: config.enrolRate,
    demo: config.demo,
    https: config.tls,
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const scheme = config.tls ? "https" : "http";
  const url = `${scheme}://${config.host}:${port}`;
  logger.info({ url, plan: plan.id, planVersion: plan.version }, "listening");

  if (config.demo) {
    notices.push(...(await prepareDemoAccess(access.directory, plan, url)));
  }
  const stopDemo = config.demo
    ? startDemo(
        service,
        logger.child({ component: "demo" }),
        (command, result) =>
          access.audit.record({
            at: Date.now(),
            actor: null,
            system: "demo",
            from: "server",
            action: command.type,
            ...commandAnswer(command, result),
          }),
      )
    : () => undefined;

  return {
    url,
    notices,
    async close() {
      stopDemo();
      await drills.end();
      service.stop();
      await service.idle();
      await service.saveSnapshot();
      await io.close();
      await app.close();
      await store.close();
      access.close();
    },
  };
}

/** Marks a data folder the demo made: its accounts and incidents are not real. */
const DEMO_MARK = "DEMO-DATA";

/**
 * Keeps the demo and real work in separate folders: the demo's accounts
 * have printed passwords and its incidents are made up, so a folder the
 * demo used never serves for real, and the demo never writes into a
 * folder that holds real data.
 */
function checkDemoFolder(dataDir: string, demo: boolean): void {
  const marked = existsSync(join(dataDir, DEMO_MARK));
  const holdsData = ["muster.db", accessFiles.db].some((f) =>
    existsSync(join(dataDir, f)),
  );
  if (!demo && marked) throw demoDataRefused(dataDir);
  if (demo && holdsData && !marked) {
    throw new MusterError(
      "BAD_REQUEST",
      `data folder ${dataDir} holds real data; the demo would add its accounts and incidents to it. ` +
        "Run the demo with another folder (--data).",
      { path: "data" },
    );
  }
  if (demo && !marked) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, DEMO_MARK),
      "This folder was made by `muster serve --demo`. Its accounts and incidents are for the demo only.\n",
    );
  }
}

function demoDataRefused(dataDir: string): MusterError {
  return new MusterError(
    "BAD_REQUEST",
    `data folder ${dataDir} was used by the demo: its accounts and incidents are not real. ` +
      "Start with another folder (--data), or delete this one.",
    { path: "data" },
  );
}
