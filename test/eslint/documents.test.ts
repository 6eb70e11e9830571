/**
 * Code embedded in documents and components, through both routes: the real `eslint` binary with
 * the plugin's configs (fixtures/eslint.config.js) and `campaign-ims scan`. fixtures/documents
 * holds a Markdown runbook with unlabelled, `sql`-labelled and indented blocks (in a list), an
 * HTML page with a <pre> block (entities), a Vue and a Svelte component.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runEslint } from "./run-eslint.js";

const DOCUMENTS = "fixtures/documents";

/** `path:line:column-endLine:endColumn rule/messageId`, paths relative to the fixture. */
const FINDINGS = [
  "docs/connecting.html:7:41-7:58 no-password-logon/ofUserAndPassword",
  "docs/setup.md:6:32-6:46 no-jwt-service-account/setImsJwtAuth",
  "docs/setup.md:6:98-6:101 no-hardcoded-campaign-secret/privateKey",
  "docs/setup.md:11:8-11:32 no-insecure-security-zone/userPassword",
  "docs/setup.md:17:16-17:33 no-password-logon/soapLogonAction",
  "src/Connect.vue:8:41-8:55 no-session-token/ofSessionToken",
  "src/Panel.svelte:2:95-2:113 no-session-token/securityTokenHeader",
];

// The first test builds dist/ (tsc) before spawning eslint: slow on a busy 2-core machine.
describe("documents and components through eslint and the scanner", { timeout: 180_000 }, () => {
  it("eslint: every embedded pattern, at its place in the host file, exit 1", () => {
    const run = runEslint([DOCUMENTS]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(
      run.findings.map(
        (finding) =>
          `${path.relative(DOCUMENTS, finding.file)}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId?.replace("campaign-ims/", "")}/${finding.messageId}`,
      ),
    ).toEqual(FINDINGS);
  });

  it("campaign-ims scan: the same findings, exit 1", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "dist/src/cli.js"), "scan", "--format", "json", "--root", DOCUMENTS, DOCUMENTS], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ path: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string }>; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(
      report.findings
        .map((finding) => `${finding.path}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId.replace("campaign-ims/", "")}`)
        .sort(),
    ).toEqual(FINDINGS.map((finding) => finding.replace(/\/\w+$/u, "")).sort());
  });
});
