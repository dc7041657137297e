// Takes a screenshot of a page of a running server in Debian's Chromium:
//   pnpm exec tsx apps/server/scripts/screenshot.ts URL OUT.png [WxH]
import { chromium } from "playwright-core";

const [url, out, size = "1920x1080"] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: screenshot.ts URL OUT.png [WxH]");
  process.exit(2);
}
const [width, height] = size.split("x").map(Number);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({
  viewport: { width: width!, height: height! },
});
await page.goto(url);
await page.waitForTimeout(3000);
await page.screenshot({ path: out });
await browser.close();
