/**
 * Debian's Chromium driven by playwright-core, as the HTML report's browser test and
 * `npm run report:screenshot` launch it: headless, no sandbox (containers), and none of the
 * background services that would make network requests of their own.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CAMPAIGN_IMS_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Why the browser cannot run here, or undefined when it can. */
export function chromiumMissing() {
  return existsSync(CHROMIUM_PATH) ? undefined : `${CHROMIUM_PATH} not found (apt-get install -y chromium, or set CAMPAIGN_IMS_CHROMIUM)`;
}

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
