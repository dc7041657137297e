import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const log = readFileSync("/tmp/mserver.log", "utf8");
const port = readFileSync("/tmp/mport", "utf8").trim();
const base = `http://127.0.0.1:${port}`;
const pw = (name: string) => new RegExp(`${name}\\s+(\\S+)`).exec(log)![1]!;
const wallCode = /wall screen\s+\S+code=(\S+)/.exec(log)![1]!;
const shots = "/tmp/e2e";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});

// A wall enrolled with the demo's link.
const wallCtx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const wall = await wallCtx.newPage();
wall.on("pageerror", (e) => console.log("wall pageerror:", e.message));
await wall.goto(`${base}/enrol?code=${wallCode}`);
await wall.getByTestId("enrol-submit").click();
await wall.waitForURL(`${base}/wall`);
await wall.getByTestId("wall").waitFor();
console.log("wall who:", await wall.getByTestId("who-am-i").textContent());
await wall.screenshot({ path: `${shots}/wall.png` });

// A commander revokes it.
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(`${base}/login?next=/admin`);
await page.getByTestId("sign-in-name").fill("demo-commander");
await page.getByTestId("sign-in-password").fill(pw("demo-commander"));
await page.getByTestId("sign-in-submit").click();
await page.waitForURL(`${base}/admin`);
await page.getByTestId("devices-table").waitFor();
await page.waitForTimeout(500);
console.log("devices:", (await page.getByTestId("devices-table").locator("tbody tr").allTextContents()).join(" / "));
page.once("dialog", (d) => void d.accept());
await page.getByTestId("devices-table").locator("tbody tr", { hasText: "指挥大屏" }).first().getByRole("button").click();
await page.waitForTimeout(800);
console.log("devices after:", (await page.getByTestId("devices-table").locator("tbody tr").allTextContents()).join(" / "));
await page.screenshot({ path: `${shots}/admin-revoked.png`, fullPage: true });

await wall.getByTestId("signed-out").waitFor({ timeout: 10000 }).then(
  async () => console.log("wall signed out:", await wall.getByTestId("signed-out-message").textContent()),
  (e) => console.log("wall not told:", String(e).slice(0, 120)),
);
await wall.screenshot({ path: `${shots}/wall-revoked.png` });

// The console in a second tab; sign out in the first.
const consolePage = await ctx.newPage();
await consolePage.goto(`${base}/console`);
await consolePage.getByTestId("console").waitFor();
await page.getByTestId("sign-out").click();
await page.waitForURL(/login/);
await consolePage.getByTestId("signed-out").waitFor({ timeout: 10000 }).then(
  async () => console.log("console signed out:", await consolePage.getByTestId("signed-out-message").textContent()),
  (e) => console.log("console not told:", String(e).slice(0, 120)),
);
await consolePage.screenshot({ path: `${shots}/console-signed-out.png` });

// English, on a phone.
const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
const p = await phone.newPage();
await p.goto(`${base}/enrol?code=ABC`);
await p.getByTestId("lang-en").click();
await p.getByTestId("enrol-submit").click();
console.log("bad code:", await p.getByTestId("enrol-error").textContent());
const box = await p.getByTestId("enrol-submit").boundingBox();
console.log("button height:", box?.height);
await p.screenshot({ path: `${shots}/enrol-phone-en.png` });
await p.goto(`${base}/`);
await p.waitForTimeout(1000);
console.log("home:", p.url());
await p.screenshot({ path: `${shots}/home.png` });

await browser.close();
