/** The built command's SARIF category option, its warning over GitHub's limits, and the html format. */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSarif } from "../../src/report/sarif.js";
import { syntheticResult } from "../report/support/synthetic-result.js";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

let repo: string;

beforeAll(() => {
  assertBuilt();
  repo = copyFixture("scanner/e2e-repo");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("sarif and html from the built command", { timeout: 300_000 }, () => {
  it("--sarif-category sets automationDetails.id", () => {
    const run = runCli(["scan", "-f", "sarif", "-o", "out/a.sarif", "--sarif-category", "campaign-ims/nightly", "-q"], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(JSON.parse(readFileSync(join(repo, "out/a.sarif"), "utf8")).runs[0].automationDetails).toEqual({ id: "campaign-ims/nightly/" });
    const plain = runCli(["scan", "-f", "sarif", "-q"], { cwd: repo });
    expect(JSON.parse(plain.stdout).runs[0].automationDetails).toEqual({ id: "campaign-ims/" });
  });

  it("says on stderr when a SARIF log leaves results out for GitHub's limits (merge of 25,100 results)", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const big = { ...syntheticResult({ error: 24_000, warn: 1_000, info: 100 }), tool: { name: "campaign-ims", version } };
    const limits = { resultsPerRun: 1_000_000, displayedResultsPerRun: 1_000_000, gzippedBytes: 1e12 };
    writeFileSync(join(repo, "big.sarif"), renderSarif(big, { limits }));
    const run = runCli(["merge", "big.sarif", "-f", "sarif", "-o", "merged.sarif", "--sarif-category", "org/shards"], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "campaign-ims: warning: SARIF: 25100 findings exceed GitHub code scanning's limit of 25000 results per run; kept the 25000 most severe " +
        "(down to warn), left out 100. The json, csv and markdown formats list every finding.\n" +
        "campaign-ims: merged 1 result(s): 25100 finding(s); wrote merged.sarif\n",
    );
    const merged = JSON.parse(readFileSync(join(repo, "merged.sarif"), "utf8")).runs[0];
    expect(merged.results).toHaveLength(25_000);
    expect(merged.results.some((result: any) => result.level === "note")).toBe(false);
    expect(merged.automationDetails).toEqual({ id: "org/shards/" });
  });

  it("writes the html report, from a scan and from merged JSON results", () => {
    const run = runCli(["scan", "-f", "json", "-o", "out/r.json", "-f", "html", "-o", "out/r.html"], { cwd: repo });
    expect(run.code).toBe(1);
    const html = readFileSync(join(repo, "out/r.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(html.match(/<tr data-severity=/g)).toHaveLength(5);
    const merged = runCli(["merge", "out/r.json", "-f", "html", "-o", "out/merged.html"], { cwd: repo });
    expect(merged.code).toBe(0);
    expect(readFileSync(join(repo, "out/merged.html"), "utf8").match(/<tr data-severity=/g)).toHaveLength(5);
  });
});
