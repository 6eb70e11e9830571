/**
 * scan --history [RANGE]: on a repository built here where a hard-coded password is committed,
 * the file is edited, the password removed, and the old text copied to another path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitRepo } from "../support/git-repo.js";
import { assertBuilt, runCli } from "./support/run-cli.js";

const PASSWORD = "Winter-2024-pass";
const WITH_PASSWORD = `import sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "ops", "${PASSWORD}");\n`;
const SHIFTED = `// connection to Campaign\n${WITH_PASSWORD}`;
const FROM_ENV = `// connection to Campaign\nimport sdk from "@adobe/acc-js-sdk";\nexport const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "ops", process.env.PW);\n`;

let repo: GitRepo;
const commits: string[] = [];
beforeAll(() => {
  assertBuilt();
  repo = GitRepo.create();
  commits.push(repo.write({ "src/connect.ts": WITH_PASSWORD, "src/clean.ts": "export const x = 1;\n", "node_modules/dep/index.js": WITH_PASSWORD }).commit("connect"));
  commits.push(repo.write({ "src/connect.ts": SHIFTED }).commit("comment"));
  commits.push(repo.write({ "src/connect.ts": FROM_ENV }).commit("password from the environment"));
  commits.push(repo.write({ "legacy/copy.ts": WITH_PASSWORD }).remove("src/clean.ts").commit("restore the old client"));
}, 120_000);
afterAll(() => repo.dispose());

interface HistoryFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  evidence: string;
  history: { commit: string; date: string; atHead: boolean };
}
interface Report {
  findings: HistoryFinding[];
  inventory: { rotate?: Array<{ path: string; line: number; commit: string; date: string; atHead: boolean; ruleId: string }> };
  summary: { files: { considered: number; scanned: number; linted: number }; history?: { range: string; commits: number; blobs: number } };
}
const history = (args: string[]): { code: number | null; report: Report; stderr: string; stdout: string } => {
  const run = runCli(["scan", ...args, "-f", "json"], { cwd: repo.path });
  return { ...run, report: JSON.parse(run.stdout) as Report };
};
const row = (finding: HistoryFinding): string =>
  `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId.replace("campaign-ims/", "")} ${finding.history.commit.slice(0, 7)} ${finding.history.date} ${finding.history.atHead ? "at HEAD" : "removed"}`;
const short = (index: number): string => commits[index]!.slice(0, 7);

describe("scan --history", { timeout: 300_000 }, () => {
  it("reports each finding at the commit that introduced it, marked whether HEAD still has it", () => {
    const run = history(["--history"]);
    expect(run.code).toBe(1);
    expect(run.report.findings.map(row)).toEqual([
      `legacy/copy.ts:2:45 no-password-logon ${short(3)} 2024-01-04T12:00:00+00:00 at HEAD`,
      `legacy/copy.ts:2:105 no-hardcoded-campaign-secret ${short(3)} 2024-01-04T12:00:00+00:00 at HEAD`,
      // Moved to line 3 by the second commit (same fingerprint): still the first commit's finding,
      // gone once the third commit changed the call (a logon with other arguments is a new finding).
      `src/connect.ts:2:45 no-password-logon ${short(0)} 2024-01-01T12:00:00+00:00 removed`,
      `src/connect.ts:2:105 no-hardcoded-campaign-secret ${short(0)} 2024-01-01T12:00:00+00:00 removed`,
      `src/connect.ts:3:45 no-password-logon ${short(2)} 2024-01-03T12:00:00+00:00 at HEAD`,
    ]);
    expect(run.stdout).not.toContain(PASSWORD);
    expect(run.report.summary.history).toEqual({ range: "HEAD", commits: 4, blobs: 5 });
    expect(run.report.findings.every((finding) => finding.evidence.includes('"****"'))).toBe(true);
  });

  it("lists every committed credential under rotate these, removed or not", () => {
    const run = history(["--history"]);
    expect(run.report.inventory.rotate).toEqual([
      { ruleId: "campaign-ims/no-hardcoded-campaign-secret", path: "src/connect.ts", line: 2, commit: commits[0], date: "2024-01-01T12:00:00+00:00", atHead: false, fingerprint: expect.any(String), evidence: expect.stringContaining('.campaign.adobe.com", "****", "****");') },
      { ruleId: "campaign-ims/no-hardcoded-campaign-secret", path: "legacy/copy.ts", line: 2, commit: commits[3], date: "2024-01-04T12:00:00+00:00", atHead: true, fingerprint: expect.any(String), evidence: expect.stringContaining('.campaign.adobe.com", "****", "****");') },
    ]);
    const markdown = runCli(["scan", "--history", "-f", "markdown"], { cwd: repo.path }).stdout;
    expect(markdown).toContain(
      "## Rotate these\n\nCredentials committed to the repository's history: anyone with a clone has them, so each must be rotated, whether or not the code still holds it.\n\n" +
        "| Location | Commit | Date | At HEAD | Evidence |\n| --- | --- | --- | --- | --- |\n" +
        `| \`src/connect.ts:2\` | \`${commits[0]!.slice(0, 12)}\` | 2024-01-01 | removed since |`,
    );
    const text = runCli(["scan", "--history"], { cwd: repo.path }).stdout;
    expect(text).toContain(`Rotate these (credentials committed to the history: removing them from the code does not revoke them)\n  src/connect.ts:2  commit ${commits[0]!.slice(0, 12)}, 2024-01-01, removed since  export const cnx`);
    expect(text).toContain("History of HEAD: 4 commits, 5 file versions of scanned types, each read once; each finding is shown at the commit that introduced it.\n");
    expect(markdown + text).not.toContain(PASSWORD);
  });

  it("reads each blob once, even when the same content is at two paths (node_modules left out)", () => {
    const run = runCli(["scan", "--history", "--verbose", "-f", "json", "-o", "/dev/null"], { cwd: repo.path });
    // Versions: connect.ts ×3, clean.ts, copy.ts; copy.ts is the first connect.ts blob.
    expect(run.stderr).toContain("campaign-ims: history HEAD: 4 commit(s), 5 version(s) of files of scanned types, 4 distinct blob(s)\n");
  });

  it("takes a RANGE: only the commits in it", () => {
    const run = history(["--history", `${commits[1]}..${commits[2]}`]);
    expect(run.report.findings.map(row)).toEqual([`src/connect.ts:3:45 no-password-logon ${short(2)} 2024-01-03T12:00:00+00:00 at HEAD`]);
    expect(run.report.inventory.rotate).toEqual([]);
  });

  it("refuses a bad range, paths, file lists and --fix (exit 2)", () => {
    const bad = runCli(["scan", "--history", "no-such-ref"], { cwd: repo.path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^campaign-ims: error: git log .* failed: fatal: bad revision 'no-such-ref'\n$/);
    expect(runCli(["scan", "src", "--history"], { cwd: repo.path })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: --history scans the commits of the scan root (--root): give no paths\n" });
    expect(runCli(["scan", "--history", "--staged"], { cwd: repo.path })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: give either --history or --staged\n" });
    expect(runCli(["scan", "--history", "--fix"], { cwd: repo.path })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: --fix works on files: it does not go with --history\n" });
  });
});

describe("scan --history limits", { timeout: 300_000 }, () => {
  it("a repository without commits is exit 2, said", () => {
    const empty = GitRepo.create();
    try {
      expect(runCli(["scan", "--history"], { cwd: empty.path })).toEqual({ code: 2, stdout: "", stderr: "campaign-ims: error: --history: the repository has no commits yet\n" });
    } finally {
      empty.dispose();
    }
  });

  it("lists versions over --max-file-size as skipped, with their commit, and reads the others", () => {
    const small = GitRepo.create();
    try {
      const first = small.write({ "big.ts": `${"// filler line\n".repeat(200)}${WITH_PASSWORD}`, "small.ts": WITH_PASSWORD }).commit("both");
      const run = runCli(["scan", "--history", "--max-file-size", "1KB", "-f", "json"], { cwd: small.path });
      const report = JSON.parse(run.stdout) as Report & { skipped: Array<{ path: string; reason: string; detail: string }> };
      expect(report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`)).toEqual([
        "small.ts:2 campaign-ims/no-password-logon",
        "small.ts:2 campaign-ims/no-hardcoded-campaign-secret",
      ]);
      expect(report.skipped).toEqual([{ path: "big.ts", reason: "too-large", detail: `3.1 KiB in commit ${first.slice(0, 12)}, over the 1 KiB limit (--max-file-size)` }]);
    } finally {
      small.dispose();
    }
  });
});
