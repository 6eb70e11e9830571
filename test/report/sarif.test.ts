import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sarifLog } from "../../src/report/sarif.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";
import { SAMPLE } from "./sample-result.js";
import { validateSarif as validate } from "./support/sarif-validator.js";

const expectValid = (log: object): void => {
  const valid = validate(log);
  expect(valid ? [] : validate.errors).toEqual([]);
};

describe("SARIF 2.1.0", () => {
  it("validates against the official schema", () => {
    expectValid(sarifLog(SAMPLE));
    expectValid(sarifLog({ ...SAMPLE, findings: [], skipped: [], errors: [] }));
    // The validator does reject what the schema forbids.
    const broken = sarifLog(SAMPLE) as any;
    broken.runs[0].results[0].level = "fatal";
    expect(validate(broken)).toBe(false);
  });

  it("has one rule per rule run with helpUri, and results with relative URIs and fingerprints", () => {
    const log = sarifLog(SAMPLE) as any;
    const run = log.runs[0];
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.rules.map((rule: any) => [rule.id, rule.helpUri, rule.defaultConfiguration.level])).toEqual([
      ["campaign-ims/no-password-logon", "https://example.test/no-password-logon.md", "error"],
      ["campaign-ims/no-session-token", "https://example.test/no-session-token.md", "error"],
    ]);
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: "file:///repo/" } });
    expect(
      run.results.map((result: any) => [
        result.ruleId,
        result.ruleIndex,
        result.level,
        result.locations[0].physicalLocation.artifactLocation,
        result.locations[0].physicalLocation.region,
        result.partialFingerprints,
      ]),
    ).toEqual([
      [
        "campaign-ims/no-password-logon",
        0,
        "error",
        { uri: "src/a%20b.ts", uriBaseId: "SRCROOT" },
        { startLine: 3, startColumn: 5, endLine: 3, endColumn: 22, snippet: { text: 'cnx.ofUserAndPassword(url, "****", "****");' } },
        { "campaign-ims/v1": "0123456789abcdef0123456789abcdef" },
      ],
      [
        "campaign-ims/no-session-token",
        1,
        "warning",
        { uri: "soap/logon.xml", uriBaseId: "SRCROOT" },
        { startLine: 7, startColumn: 3, endLine: 7, endColumn: 40, snippet: { text: "=<sessiontoken>___****</sessiontoken>" } },
        { "campaign-ims/v1": "fedcba9876543210fedcba9876543210" },
      ],
    ]);
    expect(run.invocations[0].toolExecutionNotifications.map((notification: any) => [notification.level, notification.descriptor.id])).toEqual([
      ["warning", "skipped/binary"],
      ["warning", "parse-problem"],
    ]);
  });

  it("validates for a real scan of the legacy demo repository, with each rule's documentation as helpUri", async () => {
    const result = await scanDirectory(join(FIXTURES, "legacy-repo"), { pluginModule: REAL_PLUGIN_MODULE });
    const log = sarifLog(result) as any;
    expectValid(log);
    expect(log.runs[0].results.length).toBe(result.findings.length);
    for (const rule of log.runs[0].tool.driver.rules) {
      expect(rule.helpUri).toBe(`https://github.com/campaign-ims/eslint-plugin-campaign-ims/blob/main/docs/rules/${rule.id.slice("campaign-ims/".length)}.md`);
    }
  });
});
