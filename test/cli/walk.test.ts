/** What the built command scans, ignores and skips, and how it says so. */
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

let repo: string;
beforeAll(() => {
  assertBuilt();
  repo = copyFixture("scanner/e2e-repo");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

interface JsonOutput {
  findings: Array<{ path: string }>;
  skipped: Array<{ path: string; reason: string; detail: string }>;
  summary: { files: Record<string, number>; ignored: Record<string, number> };
}
const scanJson = (args: string[], options: { honourPermissions?: boolean } = {}): JsonOutput =>
  JSON.parse(runCli(["scan", "-q", "-f", "json", ...args], { cwd: repo, ...options }).stdout) as JsonOutput;
const pathsWithFindings = (output: JsonOutput): string[] => [...new Set(output.findings.map((finding) => finding.path))];

describe("what the command scans", { timeout: 300_000 }, () => {
  it("skips node_modules and ignored paths, counts them, and lists the binary file", () => {
    const output = scanJson([]);
    expect(pathsWithFindings(output)).toEqual(["config/serverConf.xml", "docs/runbook.md", "generated/client.ts", "src/logon.ts"]);
    expect(output.summary.ignored).toEqual({ defaultDirectories: 1, ignoreFiles: 2, excluded: 0, notIncluded: 0 });
    expect(output.skipped).toEqual([{ path: "assets/blob.js", reason: "binary", detail: "NUL byte in the first 8000 bytes" }]);
  });

  it("applies --include and --exclude, and scans named paths (files and directories) even when ignored", () => {
    expect(pathsWithFindings(scanJson(["--include", "src/", "--include", "*.md"]))).toEqual(["docs/runbook.md", "src/logon.ts"]);
    expect(pathsWithFindings(scanJson(["--exclude", "generated/", "--exclude", "*.xml"]))).toEqual(["docs/runbook.md", "src/logon.ts"]);
    expect(pathsWithFindings(scanJson(["src/settings.local.ts", "legacy-vendor"]))).toEqual(["legacy-vendor/old-client.ts", "src/settings.local.ts"]);
  });

  it("lists every file over --max-file-size in the report and the text summary", () => {
    const output = scanJson(["--max-file-size", "300B"]);
    expect(output.skipped.filter((file) => file.reason === "too-large").map((file) => `${file.path}: ${file.detail}`)).toEqual([
      "docs/runbook.md: 336 B, over the 300 B limit (--max-file-size)",
      "src/logon.ts: 442 B, over the 300 B limit (--max-file-size)",
    ]);
    const text = runCli(["scan", "--max-file-size", "300B"], { cwd: repo }).stdout;
    expect(text).toMatch(
      /\nSkipped 3 files:\n {2}assets\/blob\.js {2}binary: NUL byte in the first 8000 bytes\n {2}docs\/runbook\.md {2}too-large: 336 B, over the 300 B limit \(--max-file-size\)\n {2}src\/logon\.ts {2}too-large: 442 B, over the 300 B limit \(--max-file-size\)\n$/,
    );
  });

  it("lists unreadable files and directories instead of failing, and --strict turns them into exit code 2", () => {
    writeFileSync(join(repo, "src/locked.ts"), 'import sdk from "@adobe/acc-js-sdk";\n');
    chmodSync(join(repo, "src/locked.ts"), 0o000);
    chmodSync(join(repo, "legacy-vendor"), 0o000);
    const permissions = { honourPermissions: true };
    try {
      const output = scanJson(["--exclude", "node_modules", "legacy-vendor", "src"], permissions);
      expect(output.skipped).toEqual([
        { path: "legacy-vendor", reason: "unreadable", detail: "EACCES" },
        { path: "src/locked.ts", reason: "unreadable", detail: "EACCES" },
      ]);
      const strict = runCli(["scan", "--strict", "legacy-vendor", "src"], { cwd: repo, ...permissions });
      expect(strict.code).toBe(2);
      expect(strict.stderr).toBe("campaign-ims: failed: --strict: 0 problem(s) while parsing or linting, 2 unreadable file(s)\n");
    } finally {
      chmodSync(join(repo, "legacy-vendor"), 0o755);
      chmodSync(join(repo, "src/locked.ts"), 0o644);
      rmSync(join(repo, "src/locked.ts"));
    }
  });

  it("--verbose names every ignored, skipped and linted path on stderr; --quiet prints nothing there", () => {
    // In the main thread each file is linted as the walk reaches it, so the lines follow the walk.
    const verbose = runCli(["scan", "--verbose", "--concurrency", "1", "-f", "json", "-o", "/dev/null"], { cwd: repo });
    const lines = verbose.stderr.split("\n").filter((line) => !line.includes(" done in "));
    expect(lines).toEqual([
      "campaign-ims: ignored legacy-vendor (ignoreFiles)",
      "campaign-ims: ignored node_modules (defaultDirectories)",
      "campaign-ims: skipped assets/blob.js: binary (NUL byte in the first 8000 bytes)",
      "campaign-ims: linted config/serverConf.xml: 1 finding(s), 0 problem(s)",
      "campaign-ims: linted docs/runbook.md: 1 finding(s), 0 problem(s)",
      "campaign-ims: linted generated/client.ts: 1 finding(s), 0 problem(s)",
      "campaign-ims: linted src/logon.ts: 2 finding(s), 0 problem(s)",
      "campaign-ims: ignored src/settings.local.ts (ignoreFiles)",
      "campaign-ims: 5 finding(s) (3 error, 2 warn, 0 info) in 4 file(s); 6 scanned, 1 skipped, 0 problem(s); wrote /dev/null (json)",
      "campaign-ims: failed: 3 finding(s) at or above --fail-on error",
      "",
    ]);
    expect(runCli(["scan", "--quiet"], { cwd: repo }).stderr).toBe("");
  });
});
