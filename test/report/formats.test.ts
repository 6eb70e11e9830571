import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/report/csv.js";
import { renderGithub } from "../../src/report/github.js";
import { FORMAT_NAMES, renderReport } from "../../src/report/index.js";
import { buildInventory } from "../../src/report/inventory.js";
import { contractFinding, jsonReport, renderJson } from "../../src/report/json.js";
import { renderJunit } from "../../src/report/junit.js";
import { codeSpan, escapeMarkdown, renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { EXPECTED_CSV, EXPECTED_GITHUB, EXPECTED_JUNIT, EXPECTED_MARKDOWN, EXPECTED_TEXT } from "./expected-outputs.js";
import { SAMPLE } from "./sample-result.js";

const EMPTY: ScanResult = {
  ...SAMPLE,
  findings: [],
  skipped: [],
  errors: [],
  stats: { ...SAMPLE.stats, allowlisted: { paths: 0, operators: 0, values: 0 } },
};

describe("formats", () => {
  it("offers text, json, sarif, csv, markdown, github, junit and html", () => {
    expect(FORMAT_NAMES).toEqual(["text", "json", "sarif", "csv", "markdown", "github", "junit", "html"]);
  });

  it("text: findings by file with masked code frames, checklist, summary, skipped files and problems", () => {
    expect(renderText(SAMPLE)).toBe(EXPECTED_TEXT);
    expect(renderText(EMPTY)).toBe(
      [
        "No legacy Campaign authentication found.",
        "Scanned 11 files (20 KiB); 4 contained a Campaign keyword and were parsed. Profile recommended, 2 rules.",
        "Not scanned: 1 default directory (node_modules, .git), 2 by .gitignore/.campaign-imsignore, 0 excluded, 0 not included.",
        "",
      ].join("\n"),
    );
  });

  it("csv: RFC 4180 quoting, CRLF rows, formula-looking cells neutralised", () => {
    expect(renderCsv(SAMPLE)).toBe(EXPECTED_CSV);
  });

  it("github: one workflow command per finding, skipped file and problem, escaped, then a notice", () => {
    expect(renderGithub(SAMPLE)).toBe(EXPECTED_GITHUB);
    expect(renderGithub({ ...SAMPLE, findings: [{ ...SAMPLE.findings[0]!, path: "a,b:c.ts", message: "50%\nnext" }], skipped: [], errors: [] })).toBe(
      "::error file=a%2Cb%3Ac.ts,line=3,endLine=3,col=5,endColumn=22,title=campaign-ims/no-password-logon::50%25%0Anext\n" +
        "::notice title=campaign-ims::1 finding(s) (1 error, 0 warn, 0 info) in 1 file(s); 11 file(s) scanned, 0 skipped, 0 problem(s)\n",
    );
  });

  it("junit: a summary suite, then a suite per file; failures, errors and skipped cases", () => {
    expect(renderJunit(SAMPLE)).toBe(EXPECTED_JUNIT);
  });

  it("markdown: an inventory and checklist with escaped cells", () => {
    expect(renderMarkdown(SAMPLE)).toBe(EXPECTED_MARKDOWN);
    expect(escapeMarkdown("a|b <x> *y* _z_ `c` [l]")).toBe("a\\|b &lt;x&gt; \\*y\\* \\_z\\_ \\`c\\` \\[l\\]");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("x|y")).toBe("`x\\|y`");
  });

  it("json: exactly the contract's keys, in order", () => {
    const report = jsonReport(SAMPLE);
    expect(Object.keys(report)).toEqual(["version", "tool", "root", "findings", "inventory", "skipped", "errors", "summary"]);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: "campaign-ims", version: "9.9.9" });
    expect(report.root).toBe("/repo");
    expect(report.findings.map((finding) => Object.keys(finding))).toEqual([
      ["ruleId", "severity", "category", "path", "line", "column", "endLine", "endColumn", "message", "fingerprint", "fixable", "hasSuggestions", "evidence"],
      ["ruleId", "severity", "category", "path", "line", "column", "endLine", "endColumn", "message", "fingerprint", "fixable", "hasSuggestions", "evidence"],
    ]);
    expect(report.findings[1]).toEqual(contractFinding(SAMPLE.findings[1]!));
    expect(report.inventory).toEqual(buildInventory(SAMPLE));
    expect(report.skipped).toEqual(SAMPLE.skipped);
    expect(report.errors).toEqual(SAMPLE.errors);
    expect(report.summary).toEqual({
      profile: "recommended",
      rules: ["campaign-ims/no-password-logon", "campaign-ims/no-session-token"],
      files: { considered: 12, scanned: 11, linted: 4, withFindings: 2, skipped: 1 },
      unsupportedTypes: {},
      bytesScanned: 20480,
      ignored: { defaultDirectories: 1, ignoreFiles: 2, excluded: 0, notIncluded: 0 },
      findings: { total: 2, error: 1, warn: 1, info: 0, fixable: 1, withSuggestions: 1 },
      allowlisted: { paths: 1, operators: 0, values: 0, total: 1 },
      errors: 1,
    });
    expect(renderJson(SAMPLE)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it("every format renders the same result to the same bytes", () => {
    for (const format of FORMAT_NAMES) expect(renderReport(format, structuredClone(SAMPLE))).toBe(renderReport(format, SAMPLE));
  });
});
