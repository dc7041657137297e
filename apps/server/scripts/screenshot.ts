// Takes a screenshot of a page of a running server in Debian's Chromium:
//   pnpm exec tsx apps/server/scripts/screenshot.ts URL OUT.png [WxH]
import { launchChromium } from "../test/browser.ts";

const [url, out, size = "1920x1080"] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: screenshot.ts URL OUT.png [WxH]");
  process.exit(2);
}
const [width = 1920, height = 1080] = size.split("x").map(Number);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height } });
await page.goto(url);
await page.waitForTimeout(3000);
await page.screenshot({ path: out });
await browser.close();
