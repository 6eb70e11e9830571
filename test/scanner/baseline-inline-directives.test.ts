/**
 * Inline suppression: the scanner honours each language's ESLint directive comments
 * (`// eslint-disable-next-line` in TS/JS, `<!-- … -->` in XML and above Markdown fences, `# …`
 * in shell and .http files), and --report-unused-disable-directives reports the directives about
 * campaign-ims rules that suppress nothing (fixtures/scanner/fix/directives: in each file one
 * finding is suppressed, one is not, and one directive is unused). JSON files hold no comments.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateGate } from "../../src/scanner/gate.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

const DIRECTIVES = join(FIXTURES, "scanner/fix/directives");

const located = (entries: ReadonlyArray<{ path: string; line: number; column: number }>, label: (entry: any) => string): string[] =>
  entries.map((entry) => `${entry.path}:${entry.line}:${entry.column} ${label(entry)}`);

const REPORTED = [
  "docs/runbook.md:10:22 campaign-ims/no-password-logon",
  "requests/a.http:9:1 campaign-ims/no-session-token",
  "scripts/a.sh:4:22 campaign-ims/no-password-logon",
  "soap/a.xml:5:23 campaign-ims/no-session-token",
  "src/a.ts:4:43 campaign-ims/no-password-logon",
];

describe("inline directives", () => {
  it("suppress findings in every language and are not reported when unused unless asked", async () => {
    const result = await scanDirectory(DIRECTIVES, { pluginModule: REAL_PLUGIN_MODULE });
    expect(located(result.findings, (finding) => finding.ruleId)).toEqual(REPORTED);
    expect(result.errors).toEqual([]);
  });

  it("--report-unused-disable-directives lists the unused ones and fails the gate, --strict or not", async () => {
    const result = await scanDirectory(DIRECTIVES, { pluginModule: REAL_PLUGIN_MODULE, reportUnusedDisableDirectives: true });
    expect(located(result.findings, (finding) => finding.ruleId)).toEqual(REPORTED);
    expect(located(result.errors, (problem) => `${problem.kind}: ${problem.message}`)).toEqual([
      "requests/a.http:13:1 unused-directive: Unused eslint-disable directive (no problems were reported from 'campaign-ims/no-password-logon').",
      "scripts/a.sh:5:1 unused-directive: Unused eslint-disable directive (no problems were reported from 'campaign-ims/no-session-token').",
      "soap/a.xml:6:5 unused-directive: Unused eslint-disable directive (no problems were reported from 'campaign-ims/no-password-logon').",
      "src/a.ts:5:1 unused-directive: Unused eslint-disable directive (no problems were reported from 'campaign-ims/no-session-token').",
    ]);
    const withoutFindings = { ...result, findings: [] };
    expect(evaluateGate(withoutFindings, { failOn: "error", strict: false })).toEqual({
      exitCode: 1,
      reasons: ["4 unused eslint-disable directive(s) (--report-unused-disable-directives)"],
    });
    expect(evaluateGate(withoutFindings, { failOn: "none", strict: true }).exitCode).toBe(1);
  });
});
