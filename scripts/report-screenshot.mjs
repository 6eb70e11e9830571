/**
 * `npm run report:screenshot`: scans fixtures/legacy-repo, renders the HTML report and saves a
 * screenshot of it (docs/report-screenshot.png, or the path given) for the README.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromiumMissing, launchChromium } from "./chromium.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const output = resolve(process.argv[2] ?? join(root, "docs", "report-screenshot.png"));
const missing = chromiumMissing();
if (missing !== undefined) {
  console.error(`report:screenshot: ${missing}`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "campaign-ims-report-"));
const page = join(work, "report.html");
// The built command, as a user runs it.
execFileSync(process.execPath, [join(root, "dist", "src", "cli.js"), "scan", "--root", "fixtures/legacy-repo", "--fail-on", "none", "-q", "-f", "html", "-o", page], {
  cwd: root,
  stdio: "inherit",
});
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href);
  mkdirSync(dirname(output), { recursive: true });
  await tab.screenshot({ path: output, fullPage: process.env.FULL_PAGE === "1" });
  console.error(`report:screenshot: wrote ${output}`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
