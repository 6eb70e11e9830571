/**
 * Every format from the built command over fixtures/scanner/e2e-repo (real plugin): what the
 * command prints is exactly what the in-process scan renders, plus format-specific checks.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES, renderReport } from "../../src/report/index.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { validateSarif } from "../report/support/sarif-validator.js";
import { REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

let repo: string;
let inProcess: ScanResult;

beforeAll(async () => {
  assertBuilt();
  repo = copyFixture("scanner/e2e-repo");
  inProcess = await scanDirectory(repo, { pluginModule: REAL_PLUGIN_MODULE });
}, 120_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const SUMMARY_LINE =
  "campaign-ims: 5 finding(s) (3 error, 2 warn, 0 info) in 4 file(s); 6 scanned, 1 skipped, 0 problem(s)";

describe("formats from the built command", { timeout: 300_000 }, () => {
  it("finds the canonical patterns of the fixture, and nothing in node_modules, vendored or ignored paths", () => {
    expect(inProcess.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId} ${finding.severity}`)).toEqual([
      "config/serverConf.xml:5 campaign-ims/no-insecure-security-zone warn",
      "docs/runbook.md:7 campaign-ims/no-password-logon error",
      "generated/client.ts:3 campaign-ims/no-password-logon error",
      "src/logon.ts:4 campaign-ims/no-password-logon error",
      "src/logon.ts:11 campaign-ims/prefer-ims-bearer-token warn",
    ]);
    expect(inProcess.skipped).toEqual([{ path: "assets/blob.js", reason: "binary", detail: "NUL byte in the first 8000 bytes" }]);
  });

  for (const format of FORMAT_NAMES) {
    it(`--format ${format} prints what the scan renders, with exit code 1`, () => {
      const run = runCli(["scan", "--format", format], { cwd: repo });
      expect(run.stdout).toBe(renderReport(format, inProcess));
      expect(run.stderr).toBe(
        (format === "text" ? "" : `${SUMMARY_LINE}\n`) + "campaign-ims: failed: 3 finding(s) at or above --fail-on error\n",
      );
      expect(run.code).toBe(1);
    });
  }

  it("writes several formats in one run, each -o after its --format", () => {
    const run = runCli(
      ["scan", "-f", "json", "-o", "out/report.json", "--format", "sarif", "--output", "out/report.sarif", "-f", "junit", "-o", "out/report.xml", "-f", "markdown"],
      { cwd: repo },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(renderReport("markdown", inProcess));
    expect(run.stderr).toBe(
      `${SUMMARY_LINE}; wrote out/report.json (json), out/report.sarif (sarif), out/report.xml (junit)\n` +
        "campaign-ims: failed: 3 finding(s) at or above --fail-on error\n",
    );
    expect(readFileSync(join(repo, "out/report.json"), "utf8")).toBe(renderReport("json", inProcess));
    expect(readFileSync(join(repo, "out/report.sarif"), "utf8")).toBe(renderReport("sarif", inProcess));
    expect(readFileSync(join(repo, "out/report.xml"), "utf8")).toBe(renderReport("junit", inProcess));
    rmSync(join(repo, "out"), { recursive: true });
  });

  it("prints SARIF that validates against the official 2.1.0 schema", () => {
    const log = JSON.parse(runCli(["scan", "-f", "sarif"], { cwd: repo }).stdout) as object;
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
  });

  it("prints well-formed JUnit XML and parseable JSON and CSV", () => {
    expect(XMLValidator.validate(runCli(["scan", "-f", "junit"], { cwd: repo }).stdout)).toBe(true);
    const json = JSON.parse(runCli(["scan", "-f", "json"], { cwd: repo }).stdout) as { findings: unknown[]; summary: { findings: { total: number } } };
    expect(json.findings.length).toBe(5);
    expect(json.summary.findings.total).toBe(5);
    const csv = runCli(["scan", "-f", "csv"], { cwd: repo }).stdout.split("\r\n");
    expect(csv.length).toBe(1 + 5 + 1);
    expect(csv.at(-1)).toBe("");
  });
});
