/**
 * Hostile files through the built command: one tree with every kind the scanner must survive,
 * scanned to completion with each problem listed (what was skipped and why, which files could
 * not be parsed) and the exit code of the contract. Built in a temporary directory by the test
 * (links, pipes, modes and sizes cannot be committed); the small inputs are in fixtures/hostile/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, closeSync, cpSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, realpathSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, CLI, runCli } from "../cli/support/run-cli.js";

const HOSTILE = fileURLToPath(new URL("../../fixtures/hostile/", import.meta.url));
const BIG_FILE_BYTES = 200 * 1024 * 1024;
/** Directory levels of `deep/`: a path of about 600 characters, within every limit. */
const DEEP_LEVELS = 300;
/** Directory levels of `too-deep/`: more than PATH_MAX (4096) allows in one path. */
const TOO_DEEP_LEVELS = 2100;

interface JsonReport {
  findings: Array<{ path: string; ruleId: string; line: number; evidence: string }>;
  skipped: Array<{ path: string; reason: string; detail: string }>;
  errors: Array<{ path: string; line: number; column: number; kind: string; message: string }>;
  summary: { files: Record<string, number> };
}

let root: string;
beforeAll(() => {
  assertBuilt();
  root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-hostile-")));
  cpSync(HOSTILE, root, { recursive: true });
  // Symbolic links: a loop back to the root, a link to itself, links out of the root.
  symlinkSync(".", join(root, "loop"));
  symlinkSync("self.ts", join(root, "self.ts"));
  symlinkSync("/etc/hostname", join(root, "outside.ts"));
  symlinkSync(tmpdir(), join(root, "outside-dir"));
  // A named pipe nobody writes to.
  execFileSync("mkfifo", [join(root, "pipe.sh")]);
  // 200 MB (sparse: no disk used) starting with a keyword.
  const fd = openSync(join(root, "big.xml"), "w");
  writeSync(fd, "<sessiontoken>");
  ftruncateSync(fd, BIG_FILE_BYTES);
  closeSync(fd);
  // Unreadable file and directory (the CLI runs without root's permission override).
  writeFileSync(join(root, "locked.ts"), 'import sdk from "@adobe/acc-js-sdk";\n');
  chmodSync(join(root, "locked.ts"), 0o000);
  mkdirSync(join(root, "locked-dir"));
  writeFileSync(join(root, "locked-dir/logon.ts"), 'import sdk from "@adobe/acc-js-sdk";\n');
  chmodSync(join(root, "locked-dir"), 0o000);
  // Very deep nesting: XML and a Postman collection of 100,000 levels.
  mkdirSync(join(root, "soap"));
  mkdirSync(join(root, "postman"));
  writeFileSync(join(root, "soap/deep.xml"), `${"<a>".repeat(100_000)}<sessiontoken>x</sessiontoken>${"</a>".repeat(100_000)}`);
  writeFileSync(join(root, "postman/deep.postman_collection.json"), `{"info":{"name":"sessiontoken"},"item":${'[{"item":'.repeat(100_000)}[]${"}]".repeat(100_000)}}`);
  // Deep directories: one with a legacy file at the bottom, one deeper than a path may be long.
  const deep = join(root, "deep", ...Array<string>(DEEP_LEVELS).fill("d"));
  mkdirSync(deep, { recursive: true });
  cpSync(join(HOSTILE, "src/logon.ts"), join(deep, "logon.ts"));
  // Relative mkdir from each new directory: no single path may be that long.
  execFileSync(process.execPath, ["-e", `const fs = require("fs"); fs.mkdirSync("too-deep"); process.chdir("too-deep"); for (let i = 0; i < ${TOO_DEEP_LEVELS}; i++) { fs.mkdirSync("d"); process.chdir("d"); }`], { cwd: root });
}, 120_000);

afterAll(() => {
  if (root === undefined) return;
  chmodSync(join(root, "locked-dir"), 0o755);
  // rm walks with file descriptors: it removes trees deeper than PATH_MAX.
  execFileSync("rm", ["-rf", root]);
});

const scanJson = (args: string[] = []): { code: number | null; report: JsonReport; stderr: string } => {
  const run = runCli(["scan", "-f", "json", ...args], { cwd: root, honourPermissions: true });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
};

const TOO_DEEP_PATH = `too-deep/${Array<string>(TOO_DEEP_LEVELS).fill("d").join("/")}`;

describe("a tree of hostile files", { timeout: 300_000 }, () => {
  it("completes, lists every skipped file and why, and every file it could not parse", () => {
    const { code, report, stderr } = scanJson();
    expect(code).toBe(1);
    // The deepest directory the walk could open is listed; the path is the first one past PATH_MAX.
    const tooDeep = report.skipped.find((file) => file.path.startsWith("too-deep/"));
    expect(tooDeep).toEqual({ path: tooDeep!.path, reason: "unreadable", detail: "ENAMETOOLONG" });
    expect(TOO_DEEP_PATH.startsWith(tooDeep!.path)).toBe(true);
    expect(root.length + 1 + tooDeep!.path.length).toBeGreaterThan(4095);
    expect(report.skipped.filter((file) => file !== tooDeep)).toEqual([
      { path: "big.xml", reason: "too-large", detail: "200 MiB, over the 5 MiB limit (--max-file-size)" },
      { path: "binary.sh", reason: "binary", detail: "NUL byte in the first 8000 bytes" },
      { path: "locked-dir", reason: "unreadable", detail: "EACCES" },
      { path: "locked.ts", reason: "unreadable", detail: "EACCES" },
      { path: "loop", reason: "symlink", detail: "link to a directory; links are not followed" },
      { path: "outside-dir", reason: "symlink", detail: "link to a directory; links are not followed" },
      { path: "outside.ts", reason: "symlink", detail: "link to a file; links are not followed" },
      { path: "pipe.sh", reason: "not-a-regular-file", detail: "named pipe (FIFO)" },
      { path: "self.ts", reason: "symlink", detail: "broken link; links are not followed" },
    ]);
    expect(report.errors).toEqual([
      { path: "late-nul.sh", line: 902, column: 1, kind: "parse-error", message: "Parsing error: Binary content (NUL byte at line 902, column 1): not parsed as shell text." },
      { path: "postman/deep.postman_collection.json", line: 1, column: 1, kind: "parse-error", message: "Parsing error: JSON nested too deeply to parse" },
      {
        path: "soap/deep.xml",
        line: 1,
        column: 3 * 2048 + 1,
        kind: "parse-error",
        message: "Parsing error: XML nested more than 2048 elements deep: not linted (linting time grows with the depth).",
      },
    ]);
    expect([...new Set(report.findings.map((finding) => finding.path))]).toEqual([
      "config/legacy.properties",
      `deep/${Array<string>(DEEP_LEVELS).fill("d").join("/")}/logon.ts`,
      "scripts/utf16.ps1",
      "src/logon.ts",
    ]);
    expect(stderr).toBe(
      "campaign-ims: 6 finding(s) (6 error, 0 warn, 0 info) in 4 file(s); 7 scanned, 10 skipped, 3 problem(s)\n" +
        "campaign-ims: failed: 6 finding(s) at or above --fail-on error\n",
    );
  });

  it("decodes Latin-1 and UTF-16 files: the findings of the same texts saved as UTF-8, fingerprints included", () => {
    const decoded = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-hostile-utf8-")));
    try {
      mkdirSync(join(decoded, "config"));
      mkdirSync(join(decoded, "scripts"));
      writeFileSync(join(decoded, "config/legacy.properties"), new TextDecoder("windows-1252").decode(readFileSync(join(HOSTILE, "config/legacy.properties"))));
      writeFileSync(join(decoded, "scripts/utf16.ps1"), new TextDecoder("utf-16le").decode(readFileSync(join(HOSTILE, "scripts/utf16.ps1"))));
      const asUtf8 = JSON.parse(runCli(["scan", "-f", "json", "config", "scripts"], { cwd: decoded }).stdout) as JsonReport;
      const asWritten = JSON.parse(runCli(["scan", "-f", "json", "config", "scripts"], { cwd: root }).stdout) as JsonReport;
      expect(asUtf8.findings.length).toBe(4);
      expect(asWritten.findings).toEqual(asUtf8.findings);
    } finally {
      execFileSync("rm", ["-rf", decoded]);
    }
  });

  it("the text report names every skipped file and every problem", () => {
    const run = runCli(["scan"], { cwd: root, honourPermissions: true });
    expect(run.code).toBe(1);
    for (const line of [
      "  big.xml  too-large: 200 MiB, over the 5 MiB limit (--max-file-size)",
      "  pipe.sh  not-a-regular-file: named pipe (FIFO)",
      "  loop  symlink: link to a directory; links are not followed",
      "  locked-dir  unreadable: EACCES",
    ]) {
      expect(run.stdout).toContain(`${line}\n`);
    }
    expect(run.stdout).toContain("soap/deep.xml");
    expect(run.stdout).toContain("XML nested more than 2048 elements deep");
  });

  it("exit codes: 0 with --fail-on none, 2 with --strict (unreadable files and parse errors)", () => {
    expect(scanJson(["--fail-on", "none"]).code).toBe(0);
    const strict = scanJson(["--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/\ncampaign-ims: failed: --strict: 3 problem\(s\) while parsing or linting, 3 unreadable file\(s\)\n$/u);
  });

  it("the 200 MB file is never read: the scan's peak memory stays far below its size", () => {
    // Peak resident memory of the scanning process, printed at exit (bytes).
    const probe = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`))';
    const peak = (args: string[]) => {
      const run = spawnSync(process.execPath, ["--import", probe, CLI, "scan", ...args, "-f", "json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
      const maxRssKilobytes = Number(/maxrss (\d+)/u.exec(run.stderr)?.[1]);
      expect(maxRssKilobytes).toBeGreaterThan(0);
      return { report: JSON.parse(run.stdout) as { skipped: unknown[] }, bytes: maxRssKilobytes * 1024 };
    };
    const big = peak(["big.xml"]);
    expect(big.report.skipped).toEqual([{ path: "big.xml", reason: "too-large", detail: "200 MiB, over the 5 MiB limit (--max-file-size)" }]);
    // The same command on a file it lints: what loading Node, ESLint and the plugin costs.
    // Reading the file would cost at least its 200 MB; the scan that skips it costs less than an
    // eighth of that over the same command on a small file it lints (Node, ESLint, the plugin).
    const small = peak(["src/logon.ts"]);
    expect(big.bytes - small.bytes).toBeLessThan(BIG_FILE_BYTES / 8);
  });

  it("a link out of the root named on the command line is refused before the scan (exit 2)", () => {
    const run = runCli(["scan", "outside.ts"], { cwd: root });
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr: `campaign-ims: error: path outside.ts is outside the scan root ${root}: run from a parent directory or pass --root\n`,
    });
  });
});
