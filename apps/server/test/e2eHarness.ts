import { rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type {
  APIResponse,
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
} from "playwright-core";
import { launchChromium } from "./browser.ts";
import { People, type Person } from "./people.ts";
import {
  startServer,
  tempDir,
  TestClient,
  type ServerProcess,
} from "./serverProcess.ts";

/** Who a browser context is to the server. */
export type Speaker =
  /** A person signed in (the harness's commander when none is named). */
  | { person?: Person }
  /** The enrolled tablet of one unit. */
  | { tablet: string }
  /** An enrolled wall display of a district (the home district if none). */
  | { wall: true; district?: string };

/** What a Chromium end-to-end test works with, ready once `beforeAll` ran. */
export interface E2e {
  dataDir: string;
  server: ServerProcess;
  browser: Browser;
  /** The accounts and devices of the server, made through its API. */
  people: People;
  /** The commander the operator client and desk pages sign in as. */
  commander: Person;
  /** A command-post client subscribed from the start of the timeline. */
  operator: TestClient;
  /** Signs a browser context in as a person, as the sign-in page does. */
  signIn(context: BrowserContext, person?: Person): Promise<void>;
  /** Enrols a browser context as a unit's tablet with a fresh code. */
  enrolTablet(context: BrowserContext, callsign: string): Promise<void>;
  /** Enrols a browser context as a district's wall with a fresh code. */
  enrolWall(context: BrowserContext, district?: string): Promise<void>;
  /**
   * A page in a context of its own, signed in or enrolled as `who`;
   * closing the page closes its context.
   */
  newPage(who: Speaker, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Registers the set-up every Chromium test shares: a server on a fresh data
 * folder (its first start, so that `People` can open it), headless Chromium
 * and a commander's subscribed operator client, all stopped and removed
 * after the file's tests.
 */
export function useE2e(
  options: { dataDir?: string; planFile?: string } = {},
): E2e {
  const dataDir = options.dataDir ?? tempDir();
  const e2e = { dataDir } as E2e;

  e2e.signIn = async (context, person = e2e.commander) => {
    const answer = await context.request.post(`${e2e.server.url}/api/session`, {
      data: { name: person.name, password: person.password },
    });
    await expectOk(answer, `signing ${person.name} in`);
  };
  e2e.enrolTablet = async (context, callsign) => {
    const code = await e2e.people.enrolmentCode({
      kind: "unit",
      unit: callsign,
    });
    await enrol(context, code, `the tablet of ${callsign}`);
  };
  e2e.enrolWall = async (context, district = "wanghai") => {
    const code = await e2e.people.enrolmentCode({ kind: "display", district });
    await enrol(context, code, `a wall of ${district}`);
  };
  e2e.newPage = async (who, contextOptions = {}) => {
    const context = await e2e.browser.newContext(contextOptions);
    if ("tablet" in who) await e2e.enrolTablet(context, who.tablet);
    else if ("wall" in who) await e2e.enrolWall(context, who.district);
    else await e2e.signIn(context, who.person);
    const page = await context.newPage();
    // Closed with the browser too, when it may be gone already.
    page.once("close", () => void context.close().catch(() => undefined));
    return page;
  };
  const enrol = async (context: BrowserContext, code: string, what: string) => {
    const answer = await context.request.post(
      `${e2e.server.url}/api/devices/enrol`,
      { data: { code } },
    );
    await expectOk(answer, `enrolling ${what}`);
  };

  beforeAll(async () => {
    [e2e.server, e2e.browser] = await Promise.all([
      startServer({ dataDir, planFile: options.planFile }),
      launchChromium(),
    ]);
    e2e.people = await People.open(e2e.server);
    e2e.commander = await e2e.people.commander();
    e2e.operator = new TestClient(e2e.server.url, e2e.commander.token);
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

async function expectOk(answer: APIResponse, what: string): Promise<void> {
  if (!answer.ok()) {
    throw new Error(
      `${what} failed: ${answer.status()} ${await answer.text()}`,
    );
  }
}
