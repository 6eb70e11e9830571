import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { USAGE } from "../../src/cli.js";
import { assertBuilt, FIXTURES, runCli } from "./support/run-cli.js";

const E2E = join(FIXTURES, "scanner/e2e-repo");
let scratch: string;

beforeAll(() => {
  assertBuilt();
  scratch = mkdtempSync(join(tmpdir(), "campaign-ims-usage-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("campaign-ims usage", { timeout: 300_000 }, () => {
  it("prints the help and the version with exit code 0", () => {
    expect(runCli(["--help"], { cwd: E2E })).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    expect(runCli(["--version"], { cwd: E2E })).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("exits 2 on a missing or unknown command, an unknown flag or format, and two formats on stdout", () => {
    expect(runCli([], { cwd: E2E })).toEqual({ code: 2, stdout: "", stderr: `campaign-ims: missing command\n\n${USAGE}\n` });
    expect(runCli(["lint"], { cwd: E2E })).toEqual({ code: 2, stdout: "", stderr: `campaign-ims: unknown command "lint"\n\n${USAGE}\n` });
    const unknownFlag = runCli(["scan", "--bogus"], { cwd: E2E });
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^campaign-ims: Unknown option '--bogus'.*\nRun "campaign-ims --help" for usage\.\n$/s);
    expect(runCli(["scan", "-f", "xml"], { cwd: E2E })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'campaign-ims: unknown format "xml"; formats: text, json, sarif, csv, markdown, github, junit, html\n',
    });
    expect(runCli(["scan", "-f", "json", "-f", "sarif"], { cwd: E2E })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: only one --format can go to stdout: give the others an -o FILE\n",
    });
  });

  it("exits 2 with a clear message on a bad path, flag value, rule or configuration", () => {
    expect(runCli(["scan", "nowhere"], { cwd: E2E })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: path not found: nowhere\n" });
    expect(runCli(["scan", "--fail-on", "critical"], { cwd: E2E })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'campaign-ims: error: --fail-on must be one of error, warn, info, none (got "critical")\n',
    });
    const unknownRule = runCli(["scan", "--rule", "no-such-rule=warn"], { cwd: E2E });
    expect(unknownRule.code).toBe(2);
    expect(unknownRule.stderr).toMatch(/^campaign-ims: error: unknown rule "no-such-rule"; the rules are: .*no-password-logon.*\n$/);

    writeFileSync(join(scratch, "bad.json"), JSON.stringify({ profile: "lenient", failThreshold: 1 }));
    expect(runCli(["scan", "--config", join(scratch, "bad.json")], { cwd: E2E })).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(
        new RegExp(
          `^campaign-ims: error: ${join(scratch, "bad.json")} is not a valid campaign-ims configuration:\n` +
            '  - unknown property "failThreshold" at the top level\n' +
            '  - "profile" must be one of "recommended", "strict", "v8"\n',
        ),
      ),
    });

    writeFileSync(join(scratch, "options.json"), JSON.stringify({ rules: { "no-password-logon": ["error", { noSuchOption: true }] } }));
    const badOptions = runCli(["scan", "--config", join(scratch, "options.json")], { cwd: E2E });
    expect(badOptions.code).toBe(2);
    expect(badOptions.stderr).toMatch(/^campaign-ims: error: invalid rule configuration \([^)]+\): Key "rules": Key "campaign-ims\/no-password-logon":/);
  });
});
