import { rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.ts";
import {
  startServer,
  tempDir,
  TestClient,
  type ServerProcess,
} from "./serverProcess.ts";

/** What a Chromium end-to-end test works with, ready once `beforeAll` ran. */
export interface E2e {
  dataDir: string;
  server: ServerProcess;
  browser: Browser;
  /** A command-post client subscribed from the start of the timeline. */
  operator: TestClient;
}

/**
 * Registers the set-up every Chromium test shares: a server on a fresh data
 * folder, headless Chromium and a subscribed operator client, all stopped
 * and removed after the file's tests.
 */
export function useE2e(
  options: { dataDir?: string; planFile?: string } = {},
): E2e {
  const dataDir = options.dataDir ?? tempDir();
  const e2e = { dataDir } as E2e;

  beforeAll(async () => {
    [e2e.server, e2e.browser] = await Promise.all([
      startServer({ dataDir, planFile: options.planFile }),
      launchChromium(),
    ]);
    e2e.operator = new TestClient(e2e.server.url);
    await e2e.operator.subscribe(0);
  });

  afterAll(async () => {
    e2e.operator?.close();
    await e2e.browser?.close();
    await e2e.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return e2e;
}
