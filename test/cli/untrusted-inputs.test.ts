/**
 * Files the command opens besides the scanned ones — ignore files at any level, the configuration,
 * `.git` files, baselines, `merge` inputs — opened as scanned files are: a named pipe, a device
 * behind a symbolic link, a symbolic link out of the tree or an oversized file is refused with a
 * message naming it, never waited on, followed or read to the end. A configuration's `baseline`
 * stays inside the repository. Bad JSON is located (line, column), never quoted. Each tree is
 * built in a temporary directory (pipes and links cannot be committed); every run has a 120 s
 * hang limit (runCli), far above the second a run takes.
 */
import { execFileSync } from "node:child_process";
import { Writable } from "node:stream";
import { chmodSync, closeSync, ftruncateSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runCli } from "./support/run-cli.js";

/** A legacy call: one finding of no-password-logon. */
const LOGON = 'import sdk from "@adobe/acc-js-sdk";\nconst client = await sdk.init(sdk.ConnectionParameters.ofUserAndPassword(url, "ops", password));\n';
/** Planted in every bad input: no message may show it. */
const SECRET = "Hunter2Planted";

interface JsonReport {
  findings: Array<{ path: string; ruleId: string }>;
  skipped: Array<{ path: string; reason: string; detail: string }>;
}

const temporaryDirectories: string[] = [];
/** A fresh repository (a `.git` directory with a HEAD) holding src/logon.ts. */
function repository(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-untrusted-")));
  temporaryDirectories.push(root);
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, ".git/HEAD"), "ref: refs/heads/main\n");
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src/logon.ts"), LOGON);
  return root;
}

const mkfifo = (path: string): void => {
  execFileSync("mkfifo", [path]);
};

/** A sparse file of `bytes` bytes (no disk used). */
function sparse(path: string, bytes: number, start = ""): void {
  const fd = openSync(path, "w");
  writeFileSync(fd, start);
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

const scanJson = (root: string, args: string[] = []) => {
  const run = runCli(["scan", "-f", "json", ...args], { cwd: root });
  return { ...run, report: run.stdout === "" ? undefined : (JSON.parse(run.stdout) as JsonReport) };
};

beforeAll(() => {
  assertBuilt();
});
afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

describe("ignore files and .git files", { timeout: 300_000 }, () => {
  it("skips a named pipe as .gitignore (root and nested) and as .campaign-imsignore, and still scans", () => {
    const root = repository();
    mkfifo(join(root, ".gitignore"));
    mkfifo(join(root, "src/.gitignore"));
    mkfifo(join(root, "src/.campaign-imsignore"));
    const run = scanJson(root);
    expect(run.code).toBe(1);
    expect(run.report!.findings.map((finding) => `${finding.path} ${finding.ruleId}`)).toEqual(["src/logon.ts campaign-ims/no-password-logon"]);
    expect(run.report!.skipped).toEqual([
      { path: ".gitignore", reason: "unreadable", detail: "not a regular file" },
      { path: "src/.campaign-imsignore", reason: "unreadable", detail: "not a regular file" },
      { path: "src/.gitignore", reason: "unreadable", detail: "not a regular file" },
    ]);
  });

  it("does not follow a .gitignore that links to /dev/zero or out of the tree", () => {
    const root = repository();
    symlinkSync("/dev/zero", join(root, ".gitignore"));
    const outside = join(repository(), "patterns");
    writeFileSync(outside, "src/\n");
    symlinkSync(outside, join(root, "src/.campaign-imsignore"));
    const run = scanJson(root);
    expect(run.code).toBe(1);
    // The outside file would ignore src/: not read, so src/logon.ts is scanned.
    expect(run.report!.findings.map((finding) => finding.path)).toEqual(["src/logon.ts"]);
    expect(run.report!.skipped).toEqual([
      { path: ".gitignore", reason: "unreadable", detail: "a symbolic link (not followed)" },
      { path: "src/.campaign-imsignore", reason: "unreadable", detail: "a symbolic link (not followed)" },
    ]);
  });

  it("skips an ignore file over the 4 MiB limit", () => {
    const root = repository();
    sparse(join(root, ".gitignore"), 5 * 1024 * 1024, "src/\n");
    const run = scanJson(root);
    expect(run.code).toBe(1);
    expect(run.report!.skipped).toEqual([{ path: ".gitignore", reason: "unreadable", detail: "larger than the 4 MiB limit" }]);
  });

  it("reads the patterns of a regular ignore file (the negative case)", () => {
    const root = repository();
    writeFileSync(join(root, ".gitignore"), "src/\n");
    const run = scanJson(root);
    expect(run.code).toBe(0);
    expect(run.report!.findings).toEqual([]);
    expect(run.report!.skipped).toEqual([]);
  });

  it("does not wait on a named pipe as .git/HEAD or as a worktree's .git file", () => {
    const root = repository();
    rmSync(join(root, ".git/HEAD"));
    mkfifo(join(root, ".git/HEAD"));
    expect(scanJson(join(root, "src")).code).toBe(1);
    const worktree = repository();
    rmSync(join(worktree, ".git"), { recursive: true });
    mkfifo(join(worktree, ".git"));
    expect(scanJson(worktree).code).toBe(1);
  });
});

describe("the configuration file", { timeout: 300_000 }, () => {
  it("refuses a named pipe, a symbolic link and an oversized file as campaign-ims.config.json (exit 2)", () => {
    const pipe = repository();
    mkfifo(join(pipe, "campaign-ims.config.json"));
    expect(runCli(["scan"], { cwd: pipe })).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: cannot read configuration ${join(pipe, "campaign-ims.config.json")}: not a regular file\n`,
    });
    const link = repository();
    symlinkSync("/dev/zero", join(link, "campaign-ims.config.json"));
    expect(runCli(["scan"], { cwd: link })).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: cannot read configuration ${join(link, "campaign-ims.config.json")}: a symbolic link (not followed)\n`,
    });
    const big = repository();
    sparse(join(big, "campaign-ims.config.json"), 5 * 1024 * 1024, "{}");
    expect(runCli(["scan"], { cwd: big }).stderr).toBe(
      `campaign-ims: error: cannot read configuration ${join(big, "campaign-ims.config.json")}: larger than the 4 MiB limit\n`,
    );
  });

  it("locates bad JSON without quoting it", () => {
    const root = repository();
    writeFileSync(join(root, "campaign-ims.config.json"), `{\n  "profile": "strict",\n  "password": ${SECRET}\n}\n`);
    expect(runCli(["scan"], { cwd: root })).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: ${join(root, "campaign-ims.config.json")}: not valid JSON (line 3, column 15: unexpected character)\n`,
    });
  });

  it("refuses a baseline outside the repository: absolute, ../, or through a linked directory", () => {
    const root = repository();
    const outside = repository();
    writeFileSync(join(outside, "secret.json"), `${SECRET}\n`);
    symlinkSync(outside, join(root, "elsewhere"));
    for (const baseline of [join(outside, "secret.json"), "../" + outside.split("/").at(-1) + "/secret.json", "elsewhere/secret.json", "/dev/stdin"]) {
      writeFileSync(join(root, "campaign-ims.config.json"), JSON.stringify({ baseline }));
      expect(runCli(["scan"], { cwd: root })).toEqual({
        code: 2,
        stdout: "",
        stderr:
          `campaign-ims: error: ${join(root, "campaign-ims.config.json")}: "baseline" must be a relative path to a file inside the repository (${root}); ` +
          `${JSON.stringify(baseline)} leads outside it (give a baseline elsewhere with --baseline)\n`,
      });
    }
  });

  it("reads a baseline inside the repository (the negative case), but not a pipe there", () => {
    const root = repository();
    mkdirSync(join(root, "ci"));
    writeFileSync(join(root, "campaign-ims.config.json"), JSON.stringify({ baseline: "ci/baseline.json" }));
    expect(runCli(["baseline"], { cwd: root }).code).toBe(0);
    expect(runCli(["scan"], { cwd: root }).code).toBe(0);
    rmSync(join(root, "ci/baseline.json"));
    mkfifo(join(root, "ci/baseline.json"));
    expect(runCli(["scan"], { cwd: root })).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: cannot read baseline ${join(root, "ci/baseline.json")}: not a regular file\n`,
    });
  });
});

describe("--baseline and merge inputs", { timeout: 300_000 }, () => {
  it("refuses a --baseline that is a pipe or a link, and locates its bad JSON", () => {
    const root = repository();
    mkfifo(join(root, "pipe.json"));
    symlinkSync("/dev/zero", join(root, "zero.json"));
    writeFileSync(join(root, "bad.json"), `{"version": 1, "findings": [${SECRET}]}`);
    expect(runCli(["scan", "--baseline", "pipe.json"], { cwd: root }).stderr).toBe(`campaign-ims: error: cannot read baseline ${join(root, "pipe.json")}: not a regular file\n`);
    expect(runCli(["scan", "--baseline", "zero.json"], { cwd: root }).stderr).toBe(
      `campaign-ims: error: cannot read baseline ${join(root, "zero.json")}: a symbolic link (not followed)\n`,
    );
    expect(runCli(["scan", "--baseline", "bad.json"], { cwd: root })).toEqual({
      code: 2,
      stdout: "",
      stderr: `campaign-ims: error: baseline ${join(root, "bad.json")}: not valid JSON (line 1, column 29: unexpected character)\n`,
    });
  });

  it("refuses merge inputs that are pipes, links or too large, and locates bad JSON", () => {
    const root = repository();
    mkfifo(join(root, "pipe.json"));
    symlinkSync("/dev/stdin", join(root, "stdin.json"));
    sparse(join(root, "huge.json"), 300 * 1024 * 1024, "{");
    writeFileSync(join(root, "bad.json"), `{\n"version": 1,\n"tool": ${SECRET}`);
    const merge = (file: string) => runCli(["merge", file], { cwd: root });
    expect(merge("pipe.json")).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: cannot read pipe.json: not a regular file\n" });
    expect(merge("stdin.json")).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: cannot read stdin.json: a symbolic link (not followed)\n" });
    expect(merge("huge.json")).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: cannot read huge.json: larger than the 256 MiB limit\n" });
    expect(merge("bad.json")).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: bad.json: not valid JSON (line 3, column 9: unexpected character)\n" });
  });
});

describe("--concurrency", { timeout: 300_000 }, () => {
  it("is lowered to the number of cores, said once on stderr; a count within it is taken silently", () => {
    const root = repository();
    const cores = availableParallelism();
    const high = runCli(["scan", "--concurrency", "512", "-f", "json", "-o", "out.json"], { cwd: root });
    expect(high.code).toBe(1);
    expect(high.stderr.split("\n").filter((line) => line.includes("--concurrency"))).toEqual([
      `campaign-ims: --concurrency 512 lowered to ${cores}, the number of available cores`,
    ]);
    const within = runCli(["scan", "--concurrency", String(cores), "-f", "json", "-o", "out.json"], { cwd: root });
    expect(within.code).toBe(1);
    expect(within.stderr).not.toContain("--concurrency");
  });
});

describe("output files", { timeout: 300_000 }, () => {
  it("-o replaces a symbolic link committed into the scanned tree; the link's target is untouched", () => {
    const root = repository();
    const outside = repository();
    writeFileSync(join(outside, "precious.txt"), "keep me\n");
    symlinkSync(join(outside, "precious.txt"), join(root, "campaign-ims.sarif"));
    symlinkSync(join(outside, "precious.txt"), join(root, "baseline.json"));
    const run = runCli(["scan", "-f", "sarif", "-o", "campaign-ims.sarif"], { cwd: root });
    expect(run.code).toBe(1);
    expect(readFileSync(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
    expect(lstatSync(join(root, "campaign-ims.sarif")).isFile()).toBe(true);
    expect((JSON.parse(readFileSync(join(root, "campaign-ims.sarif"), "utf8")) as { version: string }).version).toBe("2.1.0");
    // The same for a recorded baseline and a merged result.
    expect(runCli(["baseline", "-o", "baseline.json"], { cwd: root }).code).toBe(0);
    expect(readFileSync(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
    expect(lstatSync(join(root, "baseline.json")).isFile()).toBe(true);
    writeFileSync(join(root, "shard.json"), runCli(["scan", "-f", "json"], { cwd: root }).stdout);
    symlinkSync(join(outside, "precious.txt"), join(root, "merged.json"));
    expect(runCli(["merge", "shard.json", "-o", "merged.json"], { cwd: root }).code).toBe(0);
    expect(readFileSync(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
    expect(lstatSync(join(root, "merged.json")).isFile()).toBe(true);
  });

  it("-o rewrites an existing report whole, keeping its mode, and leaves no temporary file", () => {
    const root = repository();
    writeFileSync(join(root, "report.txt"), "x".repeat(100_000));
    chmodSync(join(root, "report.txt"), 0o640);
    expect(runCli(["scan", "-f", "json", "-o", "report.txt"], { cwd: root }).code).toBe(1);
    expect(readFileSync(join(root, "report.txt"), "utf8")).toMatch(/^\{[\s\S]*\}\n$/);
    expect(statSync(join(root, "report.txt")).mode & 0o777).toBe(0o640);
    expect(readdirSync(root).filter((name) => name.includes("campaign-ims-fix-"))).toEqual([]);
    // A device is written in place.
    expect(runCli(["scan", "-f", "json", "-o", "/dev/null"], { cwd: root }).code).toBe(1);
  });

  it("--fix refuses a read-only file (checked on the mode, even as root) and lists it as not fixed", () => {
    const root = repository();
    const file = join(root, "push.xml");
    const xml = "<soapenv:Header><urn:sessiontoken>abc123</urn:sessiontoken></soapenv:Header>\n";
    writeFileSync(file, xml);
    chmodSync(file, 0o444);
    const run = runCli(["scan", "--fix", "-f", "json", "-o", "report.json"], { cwd: root });
    expect(readFileSync(file, "utf8")).toBe(xml);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(run.stderr).toContain("campaign-ims: not fixed: push.xml left untouched: it is read-only (its owner has no write permission)\n");
    // The negative case: writable, it is fixed.
    chmodSync(file, 0o644);
    runCli(["scan", "--fix", "-f", "json", "-o", "report.json"], { cwd: root });
    expect(readFileSync(file, "utf8")).not.toBe(xml);
  });
});

describe("an exception outside any file", { timeout: 300_000 }, () => {
  it("a report that cannot be written is one line naming it, exit 2", () => {
    const root = repository();
    writeFileSync(join(root, "reports"), "a file, not a directory\n");
    expect(runCli(["scan", "-f", "json", "-o", "reports/scan.json"], { cwd: root })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: cannot write reports/scan.json: EEXIST\n",
    });
    expect(runCli(["scan", "-f", "json", "-o", "/proc/self/campaign-ims.json"], { cwd: root })).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: cannot write /proc/self/campaign-ims.json: ENOENT\n",
    });
  });

  it("thrown while rendering or printing: one line, exit 2, the stack only with --verbose", async () => {
    const root = repository();
    const { runCli: runInProcess } = await import("../../src/cli.js");
    const run = async (extra: string[]) => {
      let stderr = "";
      const code = await runInProcess(["scan", "-f", "json", ...extra], {
        stdout: Object.assign(new Writable(), { write: (): boolean => {
          throw new Error("stdout closed\n    at renderer (report.ts:1)\n  while writing");
        } }),
        stderr: Object.assign(new Writable(), { write: (chunk: string): boolean => ((stderr += chunk), true) }),
        cwd: root,
        env: {},
        readStdin: () => "",
      });
      return { code, stderr };
    };
    expect(await run([])).toEqual({ code: 2, stderr: "campaign-ims: internal error: stdout closed at renderer (report.ts:1) while writing\n" });
    const verbose = await run(["--verbose"]);
    expect(verbose.code).toBe(2);
    expect(verbose.stderr).toMatch(/\n {4}at .*\ncampaign-ims: internal error: stdout closed at renderer \(report\.ts:1\) while writing\n$/);
  });
});

describe("terminal injection", { timeout: 300_000 }, () => {
  it("a file name and a finding's line with ESC sequences and a bidi override print as escapes in the text report", () => {
    const root = repository();
    rmSync(join(root, "src/logon.ts"));
    writeFileSync(
      join(root, "src", "\u001b[2J\u202elogon.ts"),
      'import sdk from "@adobe/acc-js-sdk";\n/* \u001b[2J\u001b[H0 findings */ sdk.ConnectionParameters.ofUserAndPassword(url, "ops", password);\n',
    );
    const run = runCli(["scan"], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(run.stdout.split("\n")[0]).toBe("src/\\x1b[2J\\u202elogon.ts");
    expect(run.stdout).toContain("\\x1b[2J\\x1b[H0 findings");
  });
});
