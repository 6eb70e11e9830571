/**
 * SARIF for GitHub code scanning: rule metadata from the docs pages, the automation category,
 * fingerprints across line shifts and credential changes, and GitHub's upload limits.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { ruleHelp } from "../../src/report/rule-docs.js";
import { GITHUB_SARIF_LIMITS, renderSarif, sarifLog } from "../../src/report/sarif.js";
import { SARIF_RULE_TRAITS } from "../../src/report/sarif-rules.js";
import { readResult } from "../../src/scanner/result-reader.js";
import type { ScanResult } from "../../src/scanner/types.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "../scanner/support/scan-fixture.js";
import { SAMPLE } from "./sample-result.js";
import { syntheticResult } from "./support/synthetic-result.js";
import { validateSarif } from "./support/sarif-validator.js";

const run = (log: object): any => (log as any).runs[0];

describe("SARIF rules for GitHub code scanning", () => {
  it("every rule of the plugin has precision, security-severity and CWE tags", () => {
    expect(Object.keys(SARIF_RULE_TRAITS).sort()).toEqual(Object.keys(plugin.rules!).sort());
    for (const traits of Object.values(SARIF_RULE_TRAITS)) {
      expect(["very-high", "high", "medium", "low"]).toContain(traits.precision);
      expect(traits.securitySeverity).toMatch(/^\d{1,2}\.\d$/);
      expect(Number(traits.securitySeverity)).toBeGreaterThan(0);
      expect(Number(traits.securitySeverity)).toBeLessThanOrEqual(10);
    }
  });

  it("gives each rule its short and full description, help text and Markdown from its docs page, tags, precision and security-severity", async () => {
    const result = await scanDirectory(join(FIXTURES, "legacy-repo"), { pluginModule: REAL_PLUGIN_MODULE, profile: "strict" });
    const rules = run(sarifLog(result)).tool.driver.rules as any[];
    expect(rules.map((rule) => rule.id)).toEqual(Object.keys(plugin.rules!).sort().map((name) => `campaign-ims/${name}`));
    for (const rule of rules) {
      const name = rule.id.slice("campaign-ims/".length);
      const docs = ruleHelp(name)!;
      expect(rule.name).toBe(name);
      expect(rule.shortDescription.text).toBe((plugin.rules as any)[name].meta.docs.description);
      expect(rule.fullDescription.text).toBe(docs.fullDescription);
      expect(rule.fullDescription.text.length).toBeGreaterThan(40);
      expect(rule.help).toEqual({ text: docs.text, markdown: docs.markdown });
      expect(rule.helpUri).toBe(`https://github.com/campaign-ims/eslint-plugin-campaign-ims/blob/main/docs/rules/${name}.md`);
      const traits = SARIF_RULE_TRAITS[name as keyof typeof SARIF_RULE_TRAITS];
      expect(rule.properties.precision).toBe(traits.precision);
      expect(rule.properties["security-severity"]).toBe(traits.securitySeverity);
      expect(rule.properties.tags.slice(0, 3)).toEqual(["security", "adobe-campaign", rule.properties.category]);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.displayedTagsPerRule);
    }
    const zone = rules.find((rule) => rule.id === "campaign-ims/no-insecure-security-zone");
    expect(zone.properties.tags).toEqual(["security", "adobe-campaign", "insecure-config", "external/cwe/cwe-1390", "external/cwe/cwe-319"]);
    expect(zone.help.markdown.startsWith("## Rule details\n\nCampaign's `serverConf.xml` declares security zones")).toBe(true);
    expect(zone.help.text.startsWith("Rule details\n\nCampaign's serverConf.xml declares security zones (<securityZone> and the <subNetwork> elements")).toBe(true);
    expect(zone.help.text).toContain("\nallowEmptyPassword | operators may log on without a password | error\n");
    // The generated header (badges, config list) is not part of the help.
    for (const rule of rules) expect(rule.help.markdown).not.toContain("auto-generated rule header");
    expect(validateSarif(sarifLog(result)) ? [] : validateSarif.errors).toEqual([]);
  });

  it("falls back to the description and helpUri for a rule without a docs page", () => {
    const result: ScanResult = { ...SAMPLE, rules: [{ id: "other/rule", description: "Another rule", helpUri: "https://example.test/other", kind: "jwt", level: "warn" }], findings: [] };
    const [rule] = run(sarifLog(result)).tool.driver.rules;
    expect(rule.fullDescription).toEqual({ text: "Another rule." });
    expect(rule.help).toEqual({ text: "Another rule. See https://example.test/other", markdown: "Another rule. See [the rule's documentation](https://example.test/other)." });
    expect(rule.properties).toEqual({ category: "jwt", tags: ["security", "adobe-campaign", "jwt"], precision: "medium", "security-severity": "5.0" });
  });
});

describe("SARIF automation category", () => {
  it("is campaign-ims/ by default and the given category otherwise, in one run", () => {
    expect(run(sarifLog(SAMPLE)).automationDetails).toEqual({ id: "campaign-ims/" });
    expect(run(sarifLog(SAMPLE, { category: "campaign-ims/pull-request" })).automationDetails).toEqual({ id: "campaign-ims/pull-request/" });
    expect(run(sarifLog(SAMPLE, { category: "legacy-auth//" })).automationDetails).toEqual({ id: "legacy-auth/" });
    expect(run(sarifLog(SAMPLE, { category: "  " })).automationDetails).toEqual({ id: "campaign-ims/" });
    expect((sarifLog(SAMPLE) as any).runs).toHaveLength(1);
  });
});

describe("SARIF fingerprints", () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  const source = (password: string, before = "") =>
    `import sdk from "@adobe/acc-js-sdk";\n${before}\nexport async function connect() {\n` +
    `  const cnx = sdk.ConnectionParameters.ofUserAndPassword("https://acme-mkt-stage.campaign.adobe.com", "etl_operator", "${password}");\n` +
    `  return sdk.init(cnx);\n}\n`;

  async function fingerprints(text: string): Promise<Array<[string, number, string]>> {
    directory ??= mkdtempSync(join(tmpdir(), "campaign-ims-sarif-fp-"));
    mkdirSync(join(directory, "src"), { recursive: true });
    writeFileSync(join(directory, "src", "client.ts"), text);
    const result = await scanDirectory(directory, { pluginModule: REAL_PLUGIN_MODULE });
    return run(sarifLog(result)).results.map((result: any) => [
      result.ruleId,
      result.locations[0].physicalLocation.region.startLine,
      result.partialFingerprints["campaign-ims/v1"],
    ]);
  }

  it("stay the same when lines shift and change when the credential changes", async () => {
    const original = await fingerprints(source("Tr1cky-Pa55word"));
    expect(original.map(([rule, line]) => [rule, line])).toEqual([
      ["campaign-ims/no-password-logon", 4],
      ["campaign-ims/no-hardcoded-campaign-secret", 4],
    ]);
    const shifted = await fingerprints(source("Tr1cky-Pa55word", "// Campaign client\n\n/* reads the operator from the environment later */\n"));
    expect(shifted.map(([rule, line]) => [rule, line])).toEqual([
      ["campaign-ims/no-password-logon", 7],
      ["campaign-ims/no-hardcoded-campaign-secret", 7],
    ]);
    expect(shifted.map(([, , fingerprint]) => fingerprint)).toEqual(original.map(([, , fingerprint]) => fingerprint));

    const rotated = await fingerprints(source("An0ther-Pa55word"));
    for (const [index, [rule, , fingerprint]] of rotated.entries()) {
      expect(rule).toBe(original[index]![0]);
      expect(fingerprint).not.toBe(original[index]![2]);
    }
  });
});

describe("SARIF within GitHub's limits", () => {
  it("keeps every result and warns of GitHub's display limit between 5,000 and 25,000 results", () => {
    const warnings: string[] = [];
    const log = sarifLog(syntheticResult({ error: 5_000, warn: 600, info: 400 }), { onWarning: (message) => warnings.push(message) });
    expect(run(log).results).toHaveLength(6_000);
    expect(warnings).toEqual(["SARIF: 6000 results; GitHub code scanning shows only the 5000 most severe."]);
    expect(run(log).invocations[0].toolExecutionNotifications.map((notification: any) => notification.descriptor.id)).toEqual(["github-limits/results-displayed"]);
    expect(run(log).properties).toBeUndefined();
  });

  it("over 25,000 results keeps the 25,000 most severe in report order, and says so on the warning channel, in a notification and a run property", () => {
    const result = syntheticResult({ error: 20_000, warn: 5_500, info: 1_000 });
    const warnings: string[] = [];
    const log = sarifLog(result, { onWarning: (message) => warnings.push(message) });
    const results = run(log).results as any[];
    expect(results).toHaveLength(GITHUB_SARIF_LIMITS.resultsPerRun);
    const levels = (list: any[]) => list.reduce((counts, result) => ({ ...counts, [result.level]: (counts[result.level] ?? 0) + 1 }), {});
    expect(levels(results)).toEqual({ error: 20_000, warning: 5_000 });
    // Report order (path, line) is kept among the results kept.
    const order = results.map((result) => `${result.locations[0].physicalLocation.artifactLocation.uri}:${String(result.locations[0].physicalLocation.region.startLine).padStart(3, "0")}`);
    expect(order).toEqual([...order].sort());
    const message =
      "SARIF: 26500 findings exceed GitHub code scanning's limit of 25000 results per run; kept the 25000 most severe " +
      "(down to warn), left out 1500. The json, csv and markdown formats list every finding.";
    expect(warnings).toEqual([message]);
    expect(run(log).invocations[0].toolExecutionNotifications).toEqual([
      { level: "warning", message: { text: message }, descriptor: { id: "github-limits/results-omitted" } },
      {
        level: "note",
        message: { text: "GitHub code scanning shows at most 5000 results per run (the most severe); this run has 25000." },
        descriptor: { id: "github-limits/results-displayed" },
      },
    ]);
    expect(run(log).properties).toEqual({
      "campaign-ims/githubLimits": { findings: 26_500, kept: 25_000, omitted: 1_500, exceeded: ["resultsPerRun"], lowestKeptSeverity: "warn" },
    });
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
  });

  it("over the gzip-compressed size keeps as many of the most severe results as fit", () => {
    const result = syntheticResult({ error: 150, warn: 150, info: 150 });
    // The rules' help alone takes some kilobytes: leave room for a part of the results.
    const skeleton = gzipSync(renderSarif({ ...result, findings: [] })).length;
    const limits = { resultsPerRun: 25_000, displayedResultsPerRun: 5_000, gzippedBytes: skeleton + 3_000 };
    const full = renderSarif(result);
    expect(gzipSync(full).length).toBeGreaterThan(limits.gzippedBytes);
    const warnings: string[] = [];
    const text = renderSarif(result, { limits, onWarning: (message) => warnings.push(message) });
    const compressed = gzipSync(text);
    expect(compressed.length).toBeLessThanOrEqual(limits.gzippedBytes);
    expect(gunzipSync(compressed).toString()).toBe(text);
    const log = JSON.parse(text);
    const kept = run(log).results as any[];
    const property = run(log).properties["campaign-ims/githubLimits"];
    expect(property.exceeded).toEqual(["gzippedBytes"]);
    expect(property.kept).toBe(kept.length);
    expect(property.kept + property.omitted).toBe(450);
    expect(kept.length).toBeGreaterThan(0);
    // Errors go last, and only once everything less severe is gone.
    const severities = new Set(kept.map((entry) => entry.level));
    if (severities.has("note")) expect(kept.filter((entry) => entry.level !== "note")).toHaveLength(300);
    else if (severities.has("warning")) expect(kept.filter((entry) => entry.level === "error")).toHaveLength(150);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(
      `SARIF: 450 findings exceed GitHub code scanning's limit of ${limits.gzippedBytes} bytes gzip-compressed; kept the ${kept.length} most severe ` +
        `(down to ${kept.some((entry) => entry.level === "note") ? "info" : kept.some((entry) => entry.level === "warning") ? "warn" : "error"}), ` +
        `left out ${450 - kept.length}. The json, csv and markdown formats list every finding.`,
    );
    expect(kept.length).toBeLessThan(450);
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
  });

  it("reads back (merge) without taking what it says about the limits for scan problems", () => {
    const text = renderSarif(syntheticResult({ error: 5_001, warn: 0, info: 0 }));
    expect(JSON.parse(text).runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1);
    const back = readResult("big.sarif", text, plugin);
    expect(back.result.errors).toEqual([]);
    expect(back.result.findings).toHaveLength(5_001);
  });

  it("has one location per result and a handful of tags per rule, far below GitHub's limits", async () => {
    const result = await scanDirectory(join(FIXTURES, "legacy-repo"), { pluginModule: REAL_PLUGIN_MODULE, profile: "strict" });
    const log = sarifLog(result);
    expect((log as any).runs.length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.runsPerFile);
    for (const entry of run(log).results) expect(entry.locations).toHaveLength(1);
    for (const rule of run(log).tool.driver.rules) expect(rule.properties.tags.length).toBeLessThanOrEqual(GITHUB_SARIF_LIMITS.displayedTagsPerRule);
    expect(gzipSync(renderSarif(result)).length).toBeLessThan(GITHUB_SARIF_LIMITS.gzippedBytes);
  });
});
