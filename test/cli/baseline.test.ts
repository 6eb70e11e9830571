/**
 * `campaign-ims baseline` and `scan --baseline` end to end: recording, the suppressed count in
 * every format, new findings reported, the configuration's `baseline`, and bad baselines.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

beforeAll(assertBuilt);

const TOTAL = (directory: string): number =>
  (JSON.parse(runCli(["scan", "-f", "json", "--fail-on", "none"], { cwd: directory }).stdout) as { findings: unknown[] }).findings.length;

describe("campaign-ims baseline", () => {
  it("records the findings; scan --baseline then reports only new ones and says how many were suppressed", () => {
    const directory = copyFixture("legacy-repo");
    const total = TOTAL(directory);

    const recorded = runCli(["baseline", "-o", "ci/campaign-ims.baseline.json"], { cwd: directory });
    expect(recorded).toEqual({ code: 0, stdout: "", stderr: `campaign-ims: recorded ${total} finding(s) in ci/campaign-ims.baseline.json\n` });
    const file = readFileSync(join(directory, "ci/campaign-ims.baseline.json"), "utf8");
    expect(file.split("\n").filter((line) => line.startsWith('    {"path":')).length).toBe(total);

    // The reports go outside the scanned tree, so the scans below see the same files as this one.
    const reports = mkdtempSync(join(tmpdir(), "campaign-ims-reports-"));
    const clean = runCli(["scan", "--baseline", "ci/campaign-ims.baseline.json", "-f", "json", "-o", join(reports, "r.json"), "-f", "sarif", "-o", join(reports, "r.sarif"), "-f", "text"], { cwd: directory });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(`\nBaseline: ${total} known findings suppressed.\n`);
    const json = JSON.parse(readFileSync(join(reports, "r.json"), "utf8")) as { findings: unknown[]; summary: { baseline: unknown; files: { scanned: number; skipped: number } } };
    expect(json.findings).toEqual([]);
    expect(json.summary.baseline).toEqual({ suppressed: total });
    const sarif = JSON.parse(readFileSync(join(reports, "r.sarif"), "utf8")) as { runs: Array<{ properties: unknown; results: unknown[] }> };
    expect(sarif.runs[0]!.properties).toEqual({
      "campaign-ims/baselineSuppressed": total,
      // What configured the scan: no configuration file, nothing allowlisted, no ignore file.
      "campaign-ims/configuration": {
        source: "defaults",
        strict: false,
        campaignIgnoreFiles: true,
        allowlist: { paths: [], operators: [], values: 0 },
        allowlisted: { paths: 0, operators: 0, values: 0 },
        ignoreFiles: [],
      },
    });
    for (const [format, pattern] of [
      ["markdown", `Baseline: ${total} known findings suppressed.`],
      ["github", `::notice title=campaign-ims::0 finding(s) (0 error, 0 warn, 0 info) in 0 file(s); ${json.summary.files.scanned} file(s) scanned, ${json.summary.files.skipped} skipped, 0 problem(s) Baseline: ${total} known findings suppressed.`],
      ["junit", `Baseline: ${total} known findings suppressed.`],
    ] as const) {
      expect(runCli(["scan", "--baseline", "ci/campaign-ims.baseline.json", "-f", format], { cwd: directory }).stdout, format).toContain(pattern);
    }

    // A new legacy logon is reported, the recorded ones stay suppressed.
    writeFileSync(join(directory, "src/new.ts"), 'import sdk from "@adobe/acc-js-sdk";\nexport const c = sdk.ConnectionParameters.ofUserAndPassword(url, "ops", process.env.PW);\n');
    const fresh = runCli(["scan", "--baseline", "ci/campaign-ims.baseline.json", "-f", "json"], { cwd: directory });
    expect(fresh.code).toBe(1);
    const report = JSON.parse(fresh.stdout) as { findings: Array<{ path: string; ruleId: string }>; summary: { baseline: unknown } };
    expect(report.findings.map((finding) => `${finding.path} ${finding.ruleId}`)).toEqual(["src/new.ts campaign-ims/no-password-logon"]);
    expect(report.summary.baseline).toEqual({ suppressed: total });
  });

  it("uses the configuration's baseline, relative to the configuration file, for scan and for recording", () => {
    const directory = copyFixture("legacy-repo");
    writeFileSync(join(directory, "campaign-ims.config.json"), JSON.stringify({ baseline: "ci/known.json" }));
    const missing = runCli(["scan"], { cwd: directory });
    expect(missing).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: baseline ${join(directory, "ci/known.json")} not found: create it with "campaign-ims baseline -o ${join(directory, "ci/known.json")}"\n`,
    });
    expect(runCli(["baseline"], { cwd: directory }).stderr).toMatch(/^campaign-ims: recorded \d+ finding\(s\) in ci\/known\.json\n$/);
    expect(runCli(["scan", "-q"], { cwd: directory })).toEqual({ code: 0, stdout: expect.stringContaining("Baseline: ") as unknown as string, stderr: "" });
    // --baseline overrides the configured file.
    writeFileSync(join(directory, "empty.json"), '{"version":1,"fingerprints":"campaign-ims/v1","findings":[]}');
    expect(runCli(["scan", "--baseline", "empty.json", "-q"], { cwd: directory }).code).toBe(1);
  });

  it("refuses a bad baseline and report options on the baseline command (exit code 2)", () => {
    const directory = copyFixture("legacy-repo");
    writeFileSync(join(directory, "bad.json"), '{"version":1,"fingerprints":"campaign-ims/v1","findings":[{"path":"a"}]}');
    expect(runCli(["scan", "--baseline", "bad.json"], { cwd: directory })).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: baseline ${join(directory, "bad.json")}: findings[0] must be { "path", "ruleId", "fingerprint" (32 hex characters) }\n`,
    });
    expect(runCli(["baseline"], { cwd: directory })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'campaign-ims: baseline: give the file to write with -o FILE (or set "baseline" in campaign-ims.config.json)\n',
    });
    expect(runCli(["baseline", "-o", "b.json", "-f", "json"], { cwd: directory }).stderr).toBe(
      "campaign-ims: baseline records findings in the file given with -o: --format, --fix, --fix-dry-run and --baseline are scan options\n",
    );
  });
});

describe("scan --report-unused-disable-directives", () => {
  it("lists unused campaign-ims directives as problems and exits 1; --fix never removes them", () => {
    const directory = copyFixture("scanner/fix/directives");
    const plain = runCli(["scan", "-f", "json", "--fail-on", "none"], { cwd: directory });
    expect(plain.code).toBe(0);
    expect((JSON.parse(plain.stdout) as { errors: unknown[] }).errors).toEqual([]);

    const run = runCli(["scan", "-f", "json", "--fail-on", "none", "--report-unused-disable-directives"], { cwd: directory });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: Array<{ path: string; line: number; kind: string }> };
    expect(report.errors.map((problem) => `${problem.path}:${problem.line} ${problem.kind}`)).toEqual([
      "requests/a.http:13 unused-directive",
      "scripts/a.sh:5 unused-directive",
      "soap/a.xml:6 unused-directive",
      "src/a.ts:5 unused-directive",
    ]);
    expect(run.stderr.split("\n").at(-2)).toBe("campaign-ims: failed: 4 unused eslint-disable directive(s) (--report-unused-disable-directives)");

    const before = readFileSync(join(directory, "src/a.ts"), "utf8");
    runCli(["scan", "--fix", "--report-unused-disable-directives", "-q"], { cwd: directory });
    expect(readFileSync(join(directory, "src/a.ts"), "utf8")).toBe(before);
  });
});
