/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core. It renders,
 * its charts and table have the demo repository's counts, the filters work, it prints, and it
 * makes no network request (nor breaks its own content security policy).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchChromium } from "../../scripts/chromium.mjs";
import { buildInventory } from "../../src/report/inventory.js";
import { KIND_LABELS, MIGRATION_STEPS } from "../../src/report/migration-steps.js";
import { renderHtml } from "../../src/report/html.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";

const missing = chromiumMissing();

describe.skipIf(missing !== undefined)(`HTML report in Chromium${missing === undefined ? "" : ` (skipped: ${missing})`}`, () => {
  let browser: Browser;
  let page: Page;
  let result: ScanResult;
  let work: string;
  let url: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    result = await scanDirectory(join(FIXTURES, "legacy-repo"), { pluginModule: REAL_PLUGIN_MODULE });
    work = mkdtempSync(join(tmpdir(), "campaign-ims-html-"));
    const file = join(work, "report.html");
    writeFileSync(file, renderHtml(result));
    url = pathToFileURL(file).href;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(url, { waitUntil: "load" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  const bars = (chart: string) =>
    page.$$eval(`#${chart} g.bar`, (groups) => groups.map((group) => [group.getAttribute("data-label"), Number(group.getAttribute("data-count"))]));
  const visibleRows = () => page.locator("#findings-table tbody tr:visible").count();

  it("renders the title, the totals and one chart per inventory dimension with the demo repository's counts", async () => {
    const inventory = buildInventory(result);
    expect(result.findings.length).toBeGreaterThan(50);
    expect(await page.title()).toBe("Legacy Adobe Campaign authentication: legacy-repo");
    expect(await page.locator('[data-card="findings"] .big').textContent()).toBe(String(result.findings.length));
    expect(await bars("chart-kind")).toEqual(inventory.byKind.map((group) => [KIND_LABELS[group.kind], group.findings]));
    expect(await bars("chart-rule")).toEqual(inventory.byRule.map((group) => [group.ruleId.slice("campaign-ims/".length), group.findings]));
    expect(await bars("chart-operator")).toEqual(inventory.byOperator.map((group) => [group.operator, group.findings]));
    expect(await bars("chart-endpoint")).toEqual(inventory.byEndpoint.map((group) => [group.endpoint.replace(/^https:\/\//, ""), group.findings]));
    const folders = await bars("chart-folder");
    expect(folders.reduce((sum, [, count]) => sum + (count as number), 0)).toBe(result.findings.length);
    expect((await bars("chart-kind")).reduce((sum, [, count]) => sum + (count as number), 0)).toBe(result.findings.length);
    // Every chart is drawn: its bars have a size on the page.
    for (const chart of ["chart-kind", "chart-rule", "chart-folder", "chart-operator", "chart-endpoint"]) {
      const box = await page.locator(`#${chart} svg`).boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(20);
    }
    expect(await page.locator("#checklist li.step").count()).toBe(MIGRATION_STEPS.length);
    expect(await page.locator("#checklist li.step.done").count()).toBe(MIGRATION_STEPS.length - inventory.checklist.length);
    expect(await page.locator("#findings-table tbody tr").count()).toBe(result.findings.length);
    expect(await visibleRows()).toBe(result.findings.length);
    expect(await page.locator("#shown").textContent()).toBe(`${result.findings.length} of ${result.findings.length} findings`);
  });

  it("filters the findings table by severity, kind, rule and text", async () => {
    const total = result.findings.length;
    await page.selectOption("#filter-severity", "warn");
    const warn = result.findings.filter((finding) => finding.severity === "warn").length;
    expect(warn).toBeGreaterThan(0);
    expect(await visibleRows()).toBe(warn);
    expect(await page.locator("#shown").textContent()).toBe(`${warn} of ${total} findings`);

    await page.selectOption("#filter-severity", "");
    await page.selectOption("#filter-kind", "jwt");
    expect(await visibleRows()).toBe(result.findings.filter((finding) => finding.category === "jwt").length);

    await page.selectOption("#filter-kind", "");
    await page.selectOption("#filter-rule", "campaign-ims/no-password-logon");
    const logons = result.findings.filter((finding) => finding.ruleId === "campaign-ims/no-password-logon");
    expect(await visibleRows()).toBe(logons.length);

    await page.fill("#filter-text", "soap/");
    expect(await visibleRows()).toBe(logons.filter((finding) => finding.path.includes("soap/")).length);
    expect(await page.locator("#findings-table tbody tr:visible td.loc").allTextContents()).toEqual(
      logons.filter((finding) => finding.path.includes("soap/")).map((finding) => `${finding.path}:${finding.line}:${finding.column}`),
    );

    await page.fill("#filter-text", "no such text anywhere");
    expect(await visibleRows()).toBe(0);
    expect(await page.locator("#shown").textContent()).toBe(`0 of ${total} findings`);

    await page.fill("#filter-text", "");
    await page.selectOption("#filter-rule", "");
    expect(await visibleRows()).toBe(total);
  });

  it("counts the checklist's progress as steps are ticked", async () => {
    const open = buildInventory(result).checklist.length;
    const done = MIGRATION_STEPS.length - open;
    expect(await page.locator("#progress-text").textContent()).toBe(`${done} of ${MIGRATION_STEPS.length} steps done`);
    await page.locator("#checklist li.step:not(.done) input").first().check();
    expect(await page.locator("#progress-text").textContent()).toBe(`${done + 1} of ${MIGRATION_STEPS.length} steps done`);
    expect(await page.locator("#progress").evaluate((element) => (element as unknown as { value: number }).value)).toBe(done + 1);
  });

  it("prints every finding without the filters", async () => {
    await page.fill("#filter-text", "soap/");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#filters").isVisible()).toBe(false);
    expect(await visibleRows()).toBe(result.findings.length);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    await page.fill("#filter-text", "");
  });

  it("made no network request and no content security policy violation", () => {
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it("blocks a request smuggled into the page, and both checks above see it (they are live)", async () => {
    const file = join(work, "tampered.html");
    writeFileSync(file, renderHtml(result).replace("</main>", '<img src="https://example.invalid/pixel.png" alt=""></main>'));
    const tampered = await browser.newPage();
    const seen: string[] = [];
    const failed: string[] = [];
    tampered.on("requestfailed", (request) => failed.push(request.url()));
    tampered.on("console", (message) => seen.push(message.text()));
    tampered.on("request", (request) => seen.push(`request ${request.url()}`));
    await tampered.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await tampered.close();
    expect(seen.some((text) => text.includes("Content Security Policy") && text.includes("https://example.invalid/pixel.png"))).toBe(true);
    // The attempt is seen (then refused by the policy): the request check above is not blind.
    expect(seen).toContain("request https://example.invalid/pixel.png");
    expect(failed).toEqual(["https://example.invalid/pixel.png"]);
  });
});
