/**
 * The live progress line: drawn on stderr when stdout and stderr are a terminal (run under
 * `script`, which gives the command a pseudo-terminal), never in CI, with --quiet or through pipes.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, CLI, FIXTURES, runCli } from "./support/run-cli.js";

const REPO = join(FIXTURES, "scanner/e2e-repo");
const PROGRESS = /\r\u001b\[2Kcampaign-ims: \d+\/\d+\+? files, \d+ findings?/;
/** The total is counted before the scan: the e2e repository has 7 files to check (6 scanned, 1 skipped as binary). */
const WITH_TOTAL = /\r\u001b\[2Kcampaign-ims: \d\/7 files, \d+ findings?(, estimating time left|, ~\d+s left)?(?=\r)/;

/** Run the command on a pseudo-terminal; returns everything the terminal showed. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const { CI: _ci, GITHUB_ACTIONS: _actions, ...base } = process.env;
  const command = [process.execPath, CLI, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  const result = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: REPO, env: { ...base, ...env }, encoding: "utf8", timeout: 120_000 });
  return result.stdout;
}

beforeAll(assertBuilt);

describe("progress line", { timeout: 300_000 }, () => {
  it("is drawn and then erased on an interactive terminal", () => {
    const screen = onTerminal(["scan", "-f", "json", "-o", "/dev/null"]);
    expect(screen).toMatch(PROGRESS);
    expect(screen).toMatch(WITH_TOTAL);
    // Erased before the summary line.
    expect(screen).toMatch(/\r\u001b\[2Kcampaign-ims: 5 finding\(s\)/);
  });

  it("is not drawn in CI, with --quiet, or when output is piped", () => {
    expect(onTerminal(["scan", "-f", "json", "-o", "/dev/null"], { CI: "true" })).not.toMatch(PROGRESS);
    expect(onTerminal(["scan", "--quiet"])).not.toMatch(PROGRESS);
    const piped = runCli(["scan", "-f", "json", "-o", "/dev/null"], { cwd: REPO });
    expect(piped.stderr).toBe(
      "campaign-ims: 5 finding(s) (3 error, 2 warn, 0 info) in 4 file(s); 6 scanned, 1 skipped, 0 problem(s); wrote /dev/null (json)\n" +
        "campaign-ims: failed: 3 finding(s) at or above --fail-on error\n",
    );
  });
});
