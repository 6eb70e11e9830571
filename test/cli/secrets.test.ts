/**
 * No planted secret (fixtures/scanner/planted-secrets: every one contains `Zq7Planted` or
 * `5eed5eed`) appears in anything the built command prints or writes, in any format, with any
 * verbosity, and that while the scan does report the files that hold them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES } from "../../src/report/index.js";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

const MARKERS = /Zq7Planted|5eed5eed/;
let repo: string;
let outputs: string;

beforeAll(() => {
  assertBuilt();
  repo = copyFixture("scanner/planted-secrets");
  outputs = mkdtempSync(join(tmpdir(), "campaign-ims-secrets-out-"));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outputs, { recursive: true, force: true });
});

describe("secrets in the built command's output", { timeout: 300_000 }, () => {
  it("none on stdout or stderr in any format", () => {
    for (const format of FORMAT_NAMES) {
      const run = runCli(["scan", "-f", format], { cwd: repo });
      expect(run.code).toBe(1);
      expect(run.stdout.match(MARKERS)?.[0], `${format} stdout`).toBeUndefined();
      expect(run.stderr.match(MARKERS)?.[0], `${format} stderr`).toBeUndefined();
    }
  });

  it("none in reports written with -o, with --verbose, and with the strict profile", () => {
    const files = FORMAT_NAMES.flatMap((format) => ["-f", format, "-o", join(outputs, `report.${format}`)]);
    for (const extra of [["--verbose"], ["--profile", "strict"]]) {
      const run = runCli(["scan", ...extra, ...files], { cwd: repo });
      expect(run.code).toBe(1);
      expect(run.stderr.match(MARKERS)?.[0]).toBeUndefined();
      expect(readdirSync(outputs).length).toBe(FORMAT_NAMES.length);
      for (const name of readdirSync(outputs)) expect(readFileSync(join(outputs, name), "utf8").match(MARKERS)?.[0], name).toBeUndefined();
    }
    // Not vacuous: the files holding the secrets were reported.
    const json = JSON.parse(readFileSync(join(outputs, "report.json"), "utf8")) as { findings: Array<{ path: string; category: string }> };
    const secretFiles = new Set(json.findings.filter((finding) => finding.category === "hardcoded-secret").map((finding) => finding.path));
    expect([...secretFiles]).toEqual(expect.arrayContaining(["src/jwt.ts", "src/sdk.ts", "src/soap-client.js"]));
  });
});
