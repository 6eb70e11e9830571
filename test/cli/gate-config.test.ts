/**
 * A gate the scanned code cannot silence (issue 11, item 5): --config FILE (the gate's own
 * configuration), --no-config, --strict-config, every report stating the configuration, allowlists
 * and ignore files that applied, and --files-from read through the hardened input reader.
 * In process (runCli from src/cli.ts): no child process.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli.js";
import { escapeHtml } from "../../src/report/html.js";
import { configWidenings, ignoreFileWidenings } from "../../src/scanner/gate-config.js";

const LOGON = 'import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword(url, "ops", process.env.PW);\n';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A repository: three files with one finding each (src/a.ts, src/b.ts, vendor/c.ts), plus `files`. */
function repository(files: Record<string, string> = {}): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "campaign-ims-gate-")));
  directories.push(root);
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, ".git/HEAD"), "ref: refs/heads/main\n");
  for (const [path, text] of Object.entries({ "src/a.ts": LOGON, "src/b.ts": LOGON, "vendor/c.ts": LOGON, ...files })) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(root: string, args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (chunk: string) => void) => Object.assign(new Writable(), { write: (chunk: string): boolean => (append(String(chunk)), true) });
  const code = await runCli(["scan", "--concurrency", "1", ...args], {
    stdout: sink((chunk) => (stdout += chunk)),
    stderr: sink((chunk) => (stderr += chunk)),
    cwd: root,
    env: {},
    readStdin: (maxBytes) => {
      if (Buffer.byteLength(stdin) > maxBytes) throw new Error("larger than the limit");
      return stdin;
    },
  });
  return { code, stdout, stderr };
}

interface JsonReport {
  findings: Array<{ path: string }>;
  summary: { configuration: unknown; allowlisted: Record<string, number>; ignored: Record<string, number> };
}

async function json(root: string, args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const result = await run(root, ["-f", "json", "-q", ...args]);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

/** The repository's own attempt to silence the gate. */
const SILENCING = {
  "campaign-ims.config.json": JSON.stringify({ allowlist: { paths: ["src/a.ts"], operators: ["ops"], values: ["hunter2"] }, failOn: "none" }),
  ".campaign-imsignore": "# generated code\nvendor/\n",
};

/** The configuration a scan of a SILENCING repository reports, by default. */
const SILENCING_APPLIED = {
      file: "campaign-ims.config.json",
      source: "repository",
      strict: false,
      campaignIgnoreFiles: true,
      allowlist: { paths: ["src/a.ts"], operators: ["ops"], values: 1 },
      ignoreFiles: [{ path: ".campaign-imsignore", ignored: 1 }],
};

describe("gate configuration", { timeout: 120_000 }, () => {
  it("by default applies the repository's configuration and ignore files, and the report says so with counts", async () => {
    const root = repository(SILENCING);
    const { code, report } = await json(root, []);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.summary.configuration).toEqual(SILENCING_APPLIED);
    expect(report.summary.allowlisted).toEqual({ paths: 1, operators: 1, values: 0, total: 2 });
  });

  it("--config FILE: the gate's file replaces the repository's; its .campaign-imsignore still applies", async () => {
    const root = repository(SILENCING);
    const gate = join(root, "..", `${root.split("/").pop()}-gate.json`);
    writeFileSync(gate, JSON.stringify({ failOn: "error" }));
    directories.push(gate);
    const { code, report } = await json(root, ["--config", gate]);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.path)).toEqual(["src/a.ts", "src/b.ts"]);
    expect(report.summary.configuration).toEqual({
      file: gate,
      source: "option",
      strict: false,
      campaignIgnoreFiles: true,
      allowlist: { paths: [], operators: [], values: 0 },
      ignoreFiles: [{ path: ".campaign-imsignore", ignored: 1 }],
    });
  });

  it("--no-config: neither the repository's configuration nor its .campaign-imsignore; .gitignore still applies", async () => {
    const root = repository({ ...SILENCING, ".gitignore": "build/\n", "build/d.ts": LOGON });
    const { code, report } = await json(root, ["--no-config"]);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.path)).toEqual(["src/a.ts", "src/b.ts", "vendor/c.ts"]);
    expect(report.summary.configuration).toEqual({
      source: "defaults",
      strict: false,
      campaignIgnoreFiles: false,
      allowlist: { paths: [], operators: [], values: 0 },
      ignoreFiles: [{ path: ".gitignore", ignored: 1 }],
    });
    expect(report.summary.ignored).toEqual({ defaultDirectories: 1, ignoreFiles: 1, excluded: 0, notIncluded: 0 });
  });

  it("--strict-config fails with exit 2 naming each widening of the configuration (by property, never by value)", async () => {
    const root = repository(SILENCING);
    const result = await run(root, ["--strict-config"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `campaign-ims: error: --strict-config: ${join(root, "campaign-ims.config.json")} widens the gate's configuration (the defaults):\n` +
        "  - allowlist.paths[0] is not in the gate's allowlist.paths\n" +
        "  - allowlist.operators[0] is not in the gate's allowlist.operators\n" +
        "  - allowlist.values[0] is not in the gate's allowlist.values\n" +
        '  - failOn "none" fails on less than the gate\'s "error"\n',
    });
    expect(result.stderr).not.toContain("hunter2");
  });

  it("--strict-config fails on a .campaign-imsignore line that ignores paths (by file and line)", async () => {
    const root = repository({ ".campaign-imsignore": "# generated\n\n!src/keep.ts\nvendor/\n", "src/.campaign-imsignore": "b.ts\n" });
    expect(await run(root, ["--strict-config"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "campaign-ims: error: --strict-config: the scanned repository's .campaign-imsignore files widen the gate's ignores (put patterns in the gate's \"exclude\" instead):\n" +
        "  - .campaign-imsignore line 4 ignores paths\n" +
        "  - src/.campaign-imsignore line 1 ignores paths\n",
    });
  });

  it("--strict-config passes a configuration no wider than the gate's and then applies it", async () => {
    const root = repository({
      "campaign-ims.config.json": JSON.stringify({ allowlist: { paths: ["src/a.ts"] }, profile: "strict", failOn: "warn" }),
      ".campaign-imsignore": "# nothing ignored\n!vendor/\n",
    });
    const gate = join(root, ".git", "gate.json");
    writeFileSync(gate, JSON.stringify({ allowlist: { paths: ["src/a.ts", "docs/**"] } }));
    const { code, report } = await json(root, ["--strict-config", "--config", gate]);
    expect(code).toBe(1);
    expect(report.findings.map((finding) => finding.path)).toEqual(["src/b.ts", "vendor/c.ts"]);
    expect(report.summary.configuration).toEqual({
      file: "campaign-ims.config.json",
      source: "repository",
      strict: true,
      campaignIgnoreFiles: true,
      allowlist: { paths: ["src/a.ts"], operators: [], values: 0 },
      ignoreFiles: [{ path: ".campaign-imsignore", ignored: 0 }],
    });
    // Without a repository configuration, the gate's applies.
    rmSync(join(root, "campaign-ims.config.json"));
    const gated = await json(root, ["--strict-config", "--config", gate]);
    expect(gated.report.summary.configuration).toMatchObject({ file: ".git/gate.json", source: "option", strict: true });
  });

  it("--strict-config and --no-config do not go together", async () => {
    expect(await run(repository(), ["--strict-config", "--no-config"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: --strict-config checks the repository's configuration, which --no-config does not read: give one of them\n",
    });
  });

  it("text, Markdown, HTML and SARIF state the configuration, allowlists and ignore files with what each suppressed", async () => {
    const root = repository(SILENCING);
    const note =
      "Configuration: campaign-ims.config.json (the scanned repository's). Allowlists: paths [src/a.ts] suppressed 1, operators [ops] suppressed 1, " +
      "values (1 entry, not shown) suppressed 0 finding(s). Ignore files: .campaign-imsignore 1 path(s).";
    expect((await run(root, ["-q"])).stdout).toContain(`\n${note}\n`);
    expect((await run(root, ["-q", "-f", "markdown"])).stdout).toContain(
      ` ${note.replace("[src/a.ts]", "\\[src/a.ts\\]").replace("[ops]", "\\[ops\\]")}`,
    );
    expect((await run(root, ["-q", "-f", "html"])).stdout).toContain(` ${escapeHtml(note)}`);
    const sarif = JSON.parse((await run(root, ["-q", "-f", "sarif"])).stdout) as { runs: Array<{ properties: Record<string, unknown> }> };
    expect(sarif.runs[0]!.properties["campaign-ims/configuration"]).toEqual({
      ...SILENCING_APPLIED,
      allowlisted: { paths: 1, operators: 1, values: 0 },
    });
  });

  it("--files-from reads a regular file through no symlink, size-limited, or bounded stdin", async () => {
    const root = repository();
    writeFileSync(join(root, "list.txt"), "src/a.ts\n");
    symlinkSync(join(root, "list.txt"), join(root, "link.txt"));
    expect((await json(root, ["--files-from", "list.txt"])).report.findings.map((finding) => finding.path)).toEqual(["src/a.ts"]);
    expect(await run(root, ["--files-from", "link.txt"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: --files-from: cannot read link.txt: a symbolic link (not followed)\n",
    });
    expect(await run(root, ["--files-from", "src"])).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: --files-from: cannot read src: not a regular file\n" });
    expect((await run(root, ["--files-from", "-", "-f", "json", "-q"], "src/b.ts\n")).stdout).toContain('"path": "src/b.ts"');
    expect(await run(root, ["--files-from", "-"], "x".repeat(64 * 1024 * 1024 + 1))).toEqual({
      code: 2,
      stdout: "",
      stderr: "campaign-ims: error: --files-from: cannot read -: larger than the limit\n",
    });
  });
});

describe("what widens the gate's configuration", () => {
  it("names every widening class, and nothing for an equal or narrower configuration", () => {
    const gate = { allowlist: { paths: ["a/**"] }, exclude: ["dist/"], rules: { "no-session-token": "warn" as const }, maxWarnings: 3 };
    expect(configWidenings({ allowlist: { paths: ["a/**"] }, exclude: ["dist/"], maxWarnings: 2, profile: "strict", failOn: "warn", rules: { "campaign-ims/no-session-token": "warn", "no-password-logon": "error" } }, gate)).toEqual([]);
    expect(
      configWidenings(
        {
          allowlist: { paths: ["a/**", "b/**"] },
          exclude: ["dist/", "src/"],
          include: ["docs/**"],
          rules: { "no-password-logon": "off", "no-session-token": ["warn", { x: 1 }] },
          profile: "v8",
          failOn: "none",
          maxFileSize: "1KB",
          markdown: false,
          baseline: "b.json",
        },
        gate,
      ),
    ).toEqual([
      "allowlist.paths[1] is not in the gate's allowlist.paths",
      "exclude[1] is not in the gate's exclude",
      "include limits the scan to other files than the gate's include",
      'rules["campaign-ims/no-password-logon"] turns the rule off, lowers it to warn or sets options the gate\'s configuration does not',
      'rules["campaign-ims/no-session-token"] turns the rule off, lowers it to warn or sets options the gate\'s configuration does not',
      'profile "v8" is not the gate\'s "recommended"',
      'failOn "none" fails on less than the gate\'s "error"',
      "maxWarnings (none) allows more warnings than the gate's 3",
      "maxFileSize is below the gate's: more files are skipped",
      "markdown: false stops linting code blocks the gate lints",
      "baseline suppresses recorded findings (give a baseline with --baseline)",
    ]);
  });

  it("a .campaign-imsignore widens on each pattern line, not on blanks, comments or re-includes", () => {
    expect(ignoreFileWidenings("# c\n\n  \n!keep\r\nvendor/\r\n*.js")).toEqual([5, 6]);
    expect(ignoreFileWidenings("")).toEqual([]);
  });
});
