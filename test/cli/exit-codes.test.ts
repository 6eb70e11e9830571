import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture, FIXTURES, runCli } from "./support/run-cli.js";

// fixtures/scanner/e2e-repo: 3 error findings (no-password-logon) and 2 warn findings.
let repo: string;
beforeAll(() => {
  assertBuilt();
  repo = copyFixture("scanner/e2e-repo");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const codeOf = (args: string[], cwd = repo): number | null => runCli(["scan", "-q", ...args], { cwd }).code;

describe("exit codes", { timeout: 300_000 }, () => {
  it("0 on a repository that has been migrated", () => {
    const run = runCli(["scan"], { cwd: join(FIXTURES, "migrated-repo") });
    expect(run.stdout).toMatch(/^No legacy Campaign authentication found\.\n/);
    expect(run.code).toBe(0);
  });

  it("1 on findings at or above --fail-on, 0 below it", () => {
    expect(codeOf([])).toBe(1);
    expect(codeOf(["--fail-on", "error"])).toBe(1);
    expect(codeOf(["--fail-on", "none"])).toBe(0);
    // Without the error rule only warn findings remain.
    expect(codeOf(["--rule", "no-password-logon=off"])).toBe(0);
    expect(codeOf(["--rule", "campaign-ims/no-password-logon=off", "--fail-on", "warn"])).toBe(1);
    expect(codeOf(["--rule", "no-password-logon=warn"])).toBe(0);
  });

  it("1 on more warn findings than --max-warnings", () => {
    expect(codeOf(["--fail-on", "none", "--max-warnings", "1"])).toBe(1);
    expect(codeOf(["--fail-on", "none", "--max-warnings", "2"])).toBe(0);
    const run = runCli(["scan", "--fail-on", "none", "--max-warnings", "1", "-f", "json", "-o", "/dev/null"], { cwd: repo });
    expect(run.stderr.split("\n").at(-2)).toBe("campaign-ims: failed: 2 warn finding(s), more than --max-warnings 1");
  });

  it("takes the threshold from campaign-ims.config.json, flags winning", () => {
    writeFileSync(join(repo, "campaign-ims.config.json"), JSON.stringify({ failOn: "none", maxWarnings: 5 }));
    try {
      expect(codeOf([])).toBe(0);
      expect(codeOf(["--fail-on", "warn"])).toBe(1);
      expect(codeOf(["--max-warnings", "0"])).toBe(1);
    } finally {
      rmSync(join(repo, "campaign-ims.config.json"));
    }
  });

  it("reports parse problems without changing the exit code, unless --strict (then 2)", () => {
    writeFileSync(join(repo, "src/broken.ts"), 'import sdk from "@adobe/acc-js-sdk";\nconst cnx = sdk.ConnectionParameters.ofUserAndPassword(;\n');
    try {
      const run = runCli(["scan", "--fail-on", "none"], { cwd: repo });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/\n1 problem:\n {2}src\/broken\.ts:2:\d+ {2}parse-error: Parsing error: .+\n$/);
      const strict = runCli(["scan", "--fail-on", "none", "--strict"], { cwd: repo });
      expect(strict.code).toBe(2);
      expect(strict.stderr).toBe("campaign-ims: failed: --strict: 1 problem(s) while parsing or linting, 0 unreadable file(s)\n");
    } finally {
      rmSync(join(repo, "src/broken.ts"));
    }
  });
});
