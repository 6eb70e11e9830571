/**
 * action.yml, its steps run locally with a simulated GitHub Actions environment (run-action.ts):
 * annotations within GitHub's limits, SARIF for the upload step, the inventory in the job summary,
 * fail-on applied last.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, copyFixture } from "../cli/support/run-cli.js";
import { GitRepo } from "../support/git-repo.js";
import { loadAction, runAction, type ActionRun } from "./run-action.js";

const created: string[] = [];
const workspace = (fixture: string): string => {
  const directory = copyFixture(fixture);
  created.push(directory);
  return directory;
};
afterEach(() => {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
});
beforeAll(assertBuilt);

const annotations = (run: ActionRun, kind: string): string[] => run.steps[1]!.stdout!.split("\n").filter((line) => line.startsWith(`::${kind} `));
const outcomes = (run: ActionRun): string[] => run.steps.map((step) => `${step.name}: ${step.outcome}`);

describe("action.yml", { timeout: 600_000 }, () => {
  it("is a composite action whose inputs cover paths, fail-on, baseline and extra formats", () => {
    const action = loadAction();
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(["paths", "changed", "fail-on", "baseline", "config", "formats", "output-dir", "upload-sarif", "category", "args"]);
    expect(Object.keys(action.outputs)).toEqual(["exit-code", "findings", "sarif", "json", "summary"]);
  });

  it("on the demo repository: bounded annotations, SARIF for the upload, the inventory in the job summary, then fails on errors", () => {
    const directory = workspace("legacy-repo");
    const run = runAction({ workspace: directory });
    expect(outcomes(run)).toEqual([
      "Install campaign-ims: success",
      "Scan: success",
      "Upload SARIF to code scanning: success",
      "Job summary: success",
      "Apply fail-on: failure",
    ]);
    // 61 findings (58 error, 2 warn, 1 info): 10 errors, 2 warnings, the info notice and the summary notice.
    expect(annotations(run, "error")).toHaveLength(10);
    expect(annotations(run, "warning")).toHaveLength(2);
    expect(annotations(run, "notice")).toHaveLength(2);
    expect(annotations(run, "notice").at(-1)).toBe(
      "::notice title=campaign-ims::61 finding(s) (58 error, 2 warn, 1 info) in 20 file(s); 20 file(s) scanned, 0 skipped, 0 problem(s) " +
        "48 more annotation(s) not shown: GitHub shows 10 errors, 10 warnings and 10 notices per step; the json, sarif and markdown formats list every finding.",
    );
    expect(run.outputs).toEqual({
      "exit-code": "1",
      findings: "61",
      sarif: "campaign-ims-results/campaign-ims.sarif",
      json: "campaign-ims-results/campaign-ims.json",
      summary: "campaign-ims-results/campaign-ims.md",
    });
    const upload = run.steps[2]!;
    expect(upload.uses).toBe("github/codeql-action/upload-sarif@v3");
    expect(upload.with).toEqual({ sarif_file: "campaign-ims-results/campaign-ims.sarif", category: "campaign-ims" });
    const sarif = JSON.parse(readFileSync(join(directory, upload.with!.sarif_file!), "utf8")) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results).toHaveLength(61);
    expect(run.summary).toBe(readFileSync(join(directory, "campaign-ims-results/campaign-ims.md"), "utf8"));
    expect(run.summary).toMatch(/^# Legacy Adobe Campaign authentication: inventory\n\n\*\*61 findings\*\* \(58 error, 2 warn, 1 info\)/);
    expect(run.steps[4]!.exitCode).toBe(1);
  });

  it("fail-on none passes; extra formats are written; no upload when upload-sarif is false", () => {
    const directory = workspace("scanner/e2e-repo");
    const run = runAction({ workspace: directory, inputs: { "fail-on": "none", formats: "csv junit text", "upload-sarif": "false", "output-dir": "out", category: "unused" } });
    expect(outcomes(run)).toEqual([
      "Install campaign-ims: success",
      "Scan: success",
      "Upload SARIF to code scanning: skipped",
      "Job summary: success",
      "Apply fail-on: success",
    ]);
    expect(run.outputs["exit-code"]).toBe("0");
    for (const file of ["campaign-ims.sarif", "campaign-ims.md", "campaign-ims.json", "campaign-ims.csv", "campaign-ims.xml", "campaign-ims.txt"]) {
      expect(existsSync(join(directory, "out", file)), file).toBe(true);
    }
    expect(readFileSync(join(directory, "out/campaign-ims.xml"), "utf8")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(readFileSync(join(directory, "out/campaign-ims.csv"), "utf8")).toMatch(/^ruleId,severity,/);
  });

  it("paths, a baseline and args reach the scan; an input with shell characters stays one argument", () => {
    const directory = workspace("scanner/e2e-repo");
    const run = runAction({ workspace: directory, inputs: { paths: "src config", args: "--profile strict", baseline: "no such $(file).json" } });
    expect(outcomes(run)).toEqual(["Install campaign-ims: success", "Scan: failure", "Upload SARIF to code scanning: skipped", "Job summary: skipped", "Apply fail-on: skipped"]);
    expect(run.steps[1]!.exitCode).toBe(2);
    expect(run.steps[1]!.stderr).toBe(`campaign-ims: error: baseline ${directory}/no such $(file).json not found: create it with "campaign-ims baseline -o ${directory}/no such $(file).json"\n`);
    const scoped = runAction({ workspace: directory, inputs: { paths: "src config", args: "--profile strict" } });
    const files = new Set(annotations(scoped, "error").concat(annotations(scoped, "warning")).map((line) => /file=([^,]+)/.exec(line)![1]));
    expect([...files].sort()).toEqual(["config/serverConf.xml", "src/logon.ts"]);
  });

  it("changed: true scans the pull request's files against origin/$GITHUB_BASE_REF", () => {
    const repo = GitRepo.create();
    created.push(repo.path);
    const logon = (name: string): string => `import sdk from "@adobe/acc-js-sdk";\nexport const c = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "${name}", process.env.PW);\n`;
    repo.write({ "old.ts": logon("old") }).commit("base");
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD");
    repo.git("checkout", "-q", "-b", "topic");
    repo.write({ "new.ts": logon("new") }).commit("topic");
    const run = runAction({ workspace: repo.path, inputs: { changed: "true" }, env: { GITHUB_BASE_REF: "main" } });
    expect(run.outputs.findings).toBe("1");
    expect(annotations(run, "error").map((line) => /file=([^,]+)/.exec(line)![1])).toEqual(["new.ts"]);
    expect(run.summary).toContain("Only the files of --changed origin/main: 1 path listed.");
  });
});
