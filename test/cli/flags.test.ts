/** The flags not covered elsewhere: --root, --profile, -c with allowlists. */
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture, runCli } from "./support/run-cli.js";

let repo: string;
beforeAll(() => {
  assertBuilt();
  repo = copyFixture("scanner/e2e-repo");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

interface JsonOutput {
  root: string;
  findings: Array<{ path: string; line: number; ruleId: string }>;
  summary: { profile: string; allowlisted: Record<string, number> };
}
const json = (args: string[], cwd = repo): JsonOutput => JSON.parse(runCli(["scan", "-q", "-f", "json", ...args], { cwd }).stdout) as JsonOutput;
const rows = (output: JsonOutput): string[] => output.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`);

describe("flags", { timeout: 300_000 }, () => {
  it("--root scans another directory, with paths relative to it, exactly as running there", () => {
    const fromParent = runCli(["scan", "-q", "-f", "json", "--root", repo], { cwd: dirname(repo) });
    expect(fromParent.code).toBe(1);
    expect(fromParent.stdout).toBe(runCli(["scan", "-q", "-f", "json"], { cwd: repo }).stdout);
    expect((JSON.parse(fromParent.stdout) as JsonOutput).root).toBe(repo);
  });

  it("--profile strict adds the strict-only rules", () => {
    const recommended = json([]);
    const strict = json(["--profile", "strict"]);
    expect(recommended.summary.profile).toBe("recommended");
    expect(strict.summary.profile).toBe("strict");
    expect(rows(strict).filter((row) => !rows(recommended).includes(row))).toEqual([
      "config/serverConf.xml:2 campaign-ims/require-native-auth-lock",
    ]);
  });

  it("-c takes a configuration file whose allowlists drop findings and count them", () => {
    writeFileSync(join(repo, "accepted.json"), JSON.stringify({ allowlist: { operators: ["e2e-operator"], paths: ["docs/"] } }));
    try {
      const output = json(["-c", "accepted.json"]);
      expect(rows(output)).toEqual([
        "config/serverConf.xml:5 campaign-ims/no-insecure-security-zone",
        "generated/client.ts:3 campaign-ims/no-password-logon",
        "src/logon.ts:11 campaign-ims/prefer-ims-bearer-token",
      ]);
      expect(output.summary.allowlisted).toEqual({ paths: 1, operators: 1, values: 0, total: 2 });
    } finally {
      rmSync(join(repo, "accepted.json"));
    }
  });
});
