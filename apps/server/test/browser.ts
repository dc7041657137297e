import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Launches Debian's Chromium headless, with no calls to the outside;
 * `extraArgs` adds flags (the wall benchmark asks for precise memory).
 */
export async function launchChromium(
  extraArgs: string[] = [],
): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium and ` +
        "fonts-wqy-microhei (sudo apt-get install chromium fonts-wqy-microhei)",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}
