import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { essentials, FIXTURES, scanDirectory } from "./support/scan-fixture.js";

const REPO = join(FIXTURES, "scanner/test-plugin-repo");
const ENDPOINT = "https://acme-test.campaign.adobe.com";

describe("scan with the test plugin", () => {
  it("reports every finding with graded severity, category, masked evidence, operator and endpoint", async () => {
    const result = await scanDirectory(REPO);
    expect(result.findings.map(essentials)).toEqual([
      {
        ruleId: "campaign-ims/quote-keyword-lines",
        severity: "error",
        category: "hardcoded-secret",
        path: "config/app.properties",
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 45,
        message: `Line 2 mentions acc_: ACC_URL=${ENDPOINT}`,
        fixable: false,
        hasSuggestions: false,
        evidence: `ACC_URL=${ENDPOINT}`,
        endpoint: ENDPOINT,
      },
      {
        ruleId: "campaign-ims/quote-keyword-lines",
        severity: "error",
        category: "hardcoded-secret",
        path: "config/app.properties",
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 18,
        // The login is named, not masked, in the message: it is what the inventory is about.
        message: "Line 3 mentions acc_: ACC_USER=props-op",
        fixable: false,
        hasSuggestions: false,
        evidence: "ACC_USER=****",
        operator: "props-op",
      },
      {
        ruleId: "campaign-ims/quote-keyword-lines",
        severity: "error",
        category: "hardcoded-secret",
        path: "config/app.properties",
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 27,
        // The rule quoted the password; the scanner masked it.
        message: "Line 4 mentions acc_: ACC_PASSWORD=****",
        fixable: false,
        hasSuggestions: false,
        evidence: "ACC_PASSWORD=****",
      },
      {
        ruleId: "campaign-ims/sdk-logon",
        severity: "error",
        category: "native-login",
        path: "docs/guide.md",
        line: 7,
        column: 38,
        endLine: 7,
        endColumn: 55,
        message: "ofUserAndPassword found: use ofImsBearerToken.",
        fixable: false,
        hasSuggestions: true,
        evidence: `const cnx = sdk.ConnectionParameters.ofUserAndPassword("${ENDPOINT}", "****", process.env.PW);`,
        operator: "md-op",
        endpoint: ENDPOINT,
      },
      {
        ruleId: "campaign-ims/sdk-logon",
        severity: "error",
        category: "native-login",
        path: "src/client.ts",
        line: 3,
        column: 47,
        endLine: 3,
        endColumn: 64,
        message: "ofUserAndPassword found: use ofImsBearerToken.",
        fixable: false,
        hasSuggestions: true,
        evidence: `export const logon = sdk.ConnectionParameters.ofUserAndPassword("${ENDPOINT}", "****", "****");`,
        operator: "test-op",
        endpoint: ENDPOINT,
      },
      {
        ruleId: "campaign-ims/bearer-token",
        // messageLevels: { bearer: "warn" } grades it below the rule's "error".
        severity: "warn",
        category: "session-token",
        path: "src/client.ts",
        line: 4,
        column: 48,
        endLine: 4,
        endColumn: 61,
        message: "ofBearerToken found: use ofImsBearerToken.",
        fixable: true,
        hasSuggestions: false,
        evidence: `export const bearer = sdk.ConnectionParameters.ofBearerToken("${ENDPOINT}", process.env.IMS_TOKEN);`,
        endpoint: ENDPOINT,
      },
      {
        ruleId: "campaign-ims/security-token",
        severity: "info",
        category: "security-token",
        path: "src/client.ts",
        line: 5,
        column: 50,
        endLine: 5,
        endColumn: 65,
        message: "ofSecurityToken found: use ofImsBearerToken.",
        fixable: false,
        hasSuggestions: false,
        evidence: `export const security = sdk.ConnectionParameters.ofSecurityToken("${ENDPOINT}", process.env.TOKEN);`,
        endpoint: ENDPOINT,
      },
      {
        ruleId: "campaign-ims/sdk-logon",
        severity: "error",
        category: "native-login",
        path: "vendor/legacy.ts",
        line: 2,
        column: 50,
        endLine: 2,
        endColumn: 67,
        message: "ofUserAndPassword found: use ofImsBearerToken.",
        fixable: false,
        hasSuggestions: true,
        evidence: 'export const vendored = sdk.ConnectionParameters.ofUserAndPassword("https://vendor.example.com", "****", process.env.PW);',
        operator: "vendor-op",
        endpoint: "https://vendor.example.com",
      },
    ]);
    for (const finding of result.findings) expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(result.findings.map((finding) => finding.fingerprint)).size).toBe(result.findings.length);
    expect(result.rules.map((rule) => [rule.id, rule.level, rule.kind, rule.helpUri])).toEqual([
      ["campaign-ims/bearer-token", "error", "session-token", "https://example.test/rules/bearer-token.md"],
      ["campaign-ims/quote-keyword-lines", "error", "hardcoded-secret", "https://example.test/rules/quote-keyword-lines.md"],
      ["campaign-ims/sdk-logon", "error", "native-login", "https://example.test/rules/sdk-logon.md"],
      ["campaign-ims/security-token", "error", "security-token", "https://example.test/rules/security-token.md"],
    ]);
    expect(result.stats).toEqual({
      // README.md, client.ts, clean.ts, app.properties, guide.md, legacy.ts
      filesConsidered: 6,
      filesScanned: 6,
      // client.ts, app.properties, guide.md, legacy.ts contain a keyword; clean.ts and README.md do not
      filesLinted: 4,
      bytesScanned: result.stats.bytesScanned,
      ignored: { defaultDirectories: 0, ignoreFiles: 0, excluded: 0, notIncluded: 0 },
      allowlisted: { paths: 0, operators: 0, values: 0 },
    });
    expect(result.skipped).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it("runs the strict profile's extra rules, and --rule levels on top of the profile", async () => {
    const strict = await scanDirectory(REPO, { profile: "strict" });
    expect(strict.findings.filter((finding) => finding.ruleId === "campaign-ims/strict-only").map((f) => [f.path, f.line])).toEqual([["src/client.ts", 6]]);

    const tuned = await scanDirectory(REPO, { rules: ["sdk-logon=warn", "campaign-ims/quote-keyword-lines=off", "strict-only=error"] });
    expect(tuned.findings.map((finding) => [finding.ruleId, finding.severity, finding.path, finding.line])).toEqual([
      ["campaign-ims/sdk-logon", "warn", "docs/guide.md", 7],
      ["campaign-ims/sdk-logon", "warn", "src/client.ts", 3],
      ["campaign-ims/bearer-token", "warn", "src/client.ts", 4],
      ["campaign-ims/security-token", "info", "src/client.ts", 5],
      ["campaign-ims/strict-only", "error", "src/client.ts", 6],
      ["campaign-ims/sdk-logon", "warn", "vendor/legacy.ts", 2],
    ]);
    // The properties file is no longer linted by any rule, so it is not even read.
    expect(tuned.stats.filesConsidered).toBe(5);
  });

  it("counts allowlisted findings by list instead of reporting them", async () => {
    const directory = mkdtempSync(join(tmpdir(), "campaign-ims-allowlist-"));
    try {
      cpSync(REPO, directory, { recursive: true });
      writeFileSync(
        join(directory, "campaign-ims.config.json"),
        JSON.stringify({ allowlist: { paths: ["vendor/"], operators: ["test-op"], values: ["Props99Secret"] } }),
      );
      const result = await scanDirectory(directory);
      expect(result.findings.map((finding) => `${finding.path}:${finding.line}`)).toEqual([
        "config/app.properties:2",
        "config/app.properties:3",
        "docs/guide.md:7",
        "src/client.ts:4",
        "src/client.ts:5",
      ]);
      expect(result.stats.allowlisted).toEqual({ paths: 1, operators: 1, values: 1 });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("lints Markdown code fences only while the configuration keeps markdown on", async () => {
    const directory = mkdtempSync(join(tmpdir(), "campaign-ims-markdown-"));
    try {
      cpSync(REPO, directory, { recursive: true });
      writeFileSync(join(directory, "campaign-ims.config.json"), JSON.stringify({ markdown: false }));
      const result = await scanDirectory(directory);
      expect(result.findings.some((finding) => finding.path.endsWith(".md"))).toBe(false);
      // client.ts, clean.ts, legacy.ts, app.properties and the config file (the test plugin lints *.json).
      expect(result.stats.filesConsidered).toBe(5);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("gives the same findings and fingerprints when lines are inserted above or the code is reformatted", async () => {
    const directory = mkdtempSync(join(tmpdir(), "campaign-ims-shift-"));
    try {
      cpSync(REPO, directory, { recursive: true });
      const before = await scanDirectory(directory);
      const fingerprints = (result: typeof before, path: string) =>
        result.findings.filter((finding) => finding.path === path).map((finding) => [finding.ruleId, finding.fingerprint]);

      writeFileSync(
        join(directory, "src/client.ts"),
        [
          'import sdk from "@adobe/acc-js-sdk";',
          "",
          "// a comment and a blank line pushed everything down",
          "",
          "export const logon = sdk.ConnectionParameters.ofUserAndPassword(",
          '  "https://acme-test.campaign.adobe.com",',
          '  "test-op",',
          '  "Pa55-Client!",',
          ");",
          'export const bearer = sdk.ConnectionParameters.ofBearerToken("https://acme-test.campaign.adobe.com", process.env.IMS_TOKEN);',
          'export const security = sdk.ConnectionParameters.ofSecurityToken("https://acme-test.campaign.adobe.com", process.env.TOKEN);',
          'export const session = sdk.ConnectionParameters.ofSessionToken("https://acme-test.campaign.adobe.com", process.env.TOKEN);',
          "",
        ].join("\n"),
      );
      const after = await scanDirectory(directory);
      expect(after.findings.filter((finding) => finding.path === "src/client.ts").map((finding) => finding.line)).toEqual([5, 10, 11]);
      expect(fingerprints(after, "src/client.ts")).toEqual(fingerprints(before, "src/client.ts"));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
