/**
 * --staged, --changed [REF] and --files-from FILE|-: on git repositories built here with the git
 * binary. Exactly the listed files are reported; deleted paths are named, not scanned; an empty
 * list scans nothing and exits 0.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitRepo } from "../support/git-repo.js";
import { assertBuilt, runCli } from "./support/run-cli.js";

/** A native logon (one finding, no-password-logon) for operator `name`. */
const logon = (name: string): string =>
  `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "${name}", process.env.PW);\n`;
const CLEAN = "export const answer = 42;\n";

let repo: GitRepo;
beforeAll(() => {
  assertBuilt();
  repo = GitRepo.create();
  repo.write({ ".campaign-imsignore": "generated/\n", "src/keep.ts": CLEAN, "src/old.ts": logon("old") }).commit("base");
  repo.git("checkout", "-q", "-b", "feature");
  repo.write({ "src/new.ts": logon("new"), "generated/client.ts": logon("gen"), "assets/logo.png": "not an image\n" }).remove("src/old.ts").commit("feature work");
  // main moves on after the branch point: its changes are not the feature's.
  repo.git("checkout", "-q", "main");
  repo.write({ "src/main-only.ts": logon("main") }).commit("main work");
  repo.git("checkout", "-q", "feature");
  repo.git("update-ref", "refs/remotes/origin/main", "main");
}, 120_000);
afterAll(() => repo.dispose());

interface Report {
  findings: Array<{ path: string; line: number; ruleId: string }>;
  summary: { files: { scanned: number }; ignored: { ignoreFiles: number }; selection?: { description: string; listed: number; deleted: string[] } };
}
const scanJson = (args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) => {
  const run = runCli(["scan", ...args, "-f", "json"], { cwd: options.cwd ?? repo.path, ...options });
  return { ...run, report: run.stdout === "" ? undefined : (JSON.parse(run.stdout) as Report) };
};
const rows = (report: Report | undefined): string[] => (report?.findings ?? []).map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`);
const SUMMARY = (findings: number, files: number, scanned: number, skipped = 0): string =>
  `campaign-ims: ${findings} finding(s) (${findings} error, 0 warn, 0 info) in ${files} file(s); ${scanned} scanned, ${skipped} skipped, 0 problem(s)\n`;

describe("--changed", { timeout: 300_000 }, () => {
  it("scans the files changed since the merge base: not main's later work, not ignored or unsupported files", () => {
    const run = scanJson(["--changed", "main"]);
    expect(run.code).toBe(1);
    expect(rows(run.report)).toEqual(["src/new.ts:2 campaign-ims/no-password-logon"]);
    expect(run.report!.summary.files.scanned).toBe(1);
    expect(run.report!.summary.ignored.ignoreFiles).toBe(1);
    // src/new.ts, generated/client.ts, assets/logo.png, src/old.ts (deleted).
    expect(run.report!.summary.selection).toEqual({ description: "--changed main", listed: 4, deleted: ["src/old.ts"] });
    expect(run.stderr).toBe(
      "campaign-ims: --changed main: 1 deleted path(s) not scanned: src/old.ts\n" + SUMMARY(1, 1, 1, 1) + "campaign-ims: failed: 1 finding(s) at or above --fail-on error\n",
    );
  });

  it("takes the pull request's base from GITHUB_BASE_REF when no REF is given", () => {
    const run = scanJson(["--changed"], { env: { GITHUB_BASE_REF: "main" } });
    expect(run.code).toBe(1);
    expect(rows(run.report)).toEqual(["src/new.ts:2 campaign-ims/no-password-logon"]);
    expect(run.stderr).toContain("campaign-ims: --changed origin/main: 1 deleted path(s) not scanned: src/old.ts\n");
  });

  it("includes uncommitted changes to tracked files, and says which list the report covers", () => {
    writeFileSync(join(repo.path, "src/keep.ts"), logon("edited"));
    try {
      const run = runCli(["scan", "--changed", "main", "-f", "markdown"], { cwd: repo.path });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("| error | `src/keep.ts:2:45` |");
      expect(run.stdout).toContain("| error | `src/new.ts:2:45` |");
      expect(run.stdout).toContain("Only the files of --changed main: 5 paths listed; 1 deleted path not scanned (src/old.ts)._\n");
    } finally {
      repo.git("checkout", "-q", "--", "src/keep.ts");
    }
  });

  it("refuses a REF that is not a commit, a missing default, and a run outside a work tree (exit 2)", () => {
    expect(runCli(["scan", "--changed", "no-such-branch"], { cwd: repo.path })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'campaign-ims: error: --changed: "no-such-branch" is not a commit in this repository (fetch it first, e.g. git fetch origin)\n',
    });
    expect(runCli(["scan", "--changed", "-q"], { cwd: repo.path })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: --changed: no REF given and no default (GITHUB_BASE_REF unset, no origin/HEAD): give one, e.g. --changed origin/main\n",
    });
    const outside = runCli(["scan", "--staged"], { cwd: "/" });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe("campaign-ims: error: / is not in a git work tree (--staged, --changed and --history read git)\n");
  });
});

describe("--staged", { timeout: 300_000 }, () => {
  it("scans the staged files only: not unstaged or untracked ones; a staged deletion is named", () => {
    repo.write({ "src/staged.ts": logon("staged"), "src/untracked.ts": logon("untracked") });
    repo.git("add", "src/staged.ts");
    repo.git("rm", "-q", "src/new.ts");
    writeFileSync(join(repo.path, "src/keep.ts"), logon("unstaged"));
    try {
      const run = scanJson(["--staged"]);
      expect(run.code).toBe(1);
      expect(rows(run.report)).toEqual(["src/staged.ts:2 campaign-ims/no-password-logon"]);
      expect(run.stderr).toBe(
        "campaign-ims: --staged: 1 deleted path(s) not scanned: src/new.ts\n" + SUMMARY(1, 1, 1) + "campaign-ims: failed: 1 finding(s) at or above --fail-on error\n",
      );
    } finally {
      repo.git("reset", "-q", "--hard");
      repo.remove("src/untracked.ts");
    }
  });

  it("with nothing staged scans nothing, says so and exits 0", () => {
    const run = runCli(["scan", "--staged"], { cwd: repo.path });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("campaign-ims: --staged: no files to scan (the list is empty)\n");
    expect(run.stdout).toContain("No legacy Campaign authentication found.\nScanned 0 files (0 B);");
    expect(run.stdout).toContain("Only the files of --staged: 0 paths listed.\n");
  });

  it("refuses paths and a second list flag (exit 2)", () => {
    expect(runCli(["scan", "src", "--staged"], { cwd: repo.path })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: --staged selects the files to scan: give no paths\n" });
    expect(runCli(["scan", "--staged", "--changed", "main"], { cwd: repo.path })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: give one of --staged, --changed and --files-from\n" });
  });
});

describe("--files-from", { timeout: 300_000 }, () => {
  it("reads paths from stdin, one a line, relative to the working directory; missing ones are named", () => {
    const run = scanJson(["--files-from", "-"], { input: "src/new.ts\r\n\nsrc/gone.ts\nsrc/keep.ts\n" });
    expect(run.code).toBe(1);
    expect(rows(run.report)).toEqual(["src/new.ts:2 campaign-ims/no-password-logon"]);
    expect(run.report!.summary.files.scanned).toBe(2);
    expect(run.stderr).toBe(
      "campaign-ims: --files-from -: 1 deleted path(s) not scanned: src/gone.ts\n" + SUMMARY(1, 1, 2) + "campaign-ims: failed: 1 finding(s) at or above --fail-on error\n",
    );
  });

  it("reads a NUL-separated file (git diff -z), and a list from a subdirectory", () => {
    writeFileSync(join(repo.path, "list.txt"), "new.ts\0keep.ts\0");
    try {
      const run = scanJson(["--files-from", "../list.txt", "--root", ".."], { cwd: join(repo.path, "src") });
      expect(rows(run.report)).toEqual(["src/new.ts:2 campaign-ims/no-password-logon"]);
    } finally {
      repo.remove("list.txt");
    }
  });

  it("an empty list scans nothing (exit 0, said); an unreadable list is exit 2", () => {
    const empty = runCli(["scan", "--files-from", "-", "-f", "json"], { cwd: repo.path, input: "\n" });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe("campaign-ims: --files-from -: no files to scan (the list is empty)\n" + "campaign-ims: 0 finding(s) (0 error, 0 warn, 0 info) in 0 file(s); 0 scanned, 0 skipped, 0 problem(s)\n");
    expect((JSON.parse(empty.stdout) as Report).findings).toEqual([]);
    expect(runCli(["scan", "--files-from", "missing.txt"], { cwd: repo.path })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: --files-from: cannot read missing.txt: ENOENT\n",
    });
  });
});
