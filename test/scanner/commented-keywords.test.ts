/**
 * Parse less (commented-keywords.ts): a JS/TS file whose keywords are all in comments that start
 * their line is not parsed; every other place of a keyword (code, strings, templates, JSX text,
 * regular expressions, a comment after code, a directive) keeps the lint. The whole pipeline's
 * soundness on every fixture is in prefilter-soundness.test.ts; here, the cases one by one and a
 * scan that shows the file left out and the others reported.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isScriptPath, keywordsOnlyInComments } from "../../src/scanner/commented-keywords.js";
import { resolveScanSettings } from "../../src/scanner/scan-settings.js";
import { scan } from "../../src/scanner/scan.js";
import { REAL_PLUGIN_MODULE } from "./support/scan-fixture.js";

const lines = (...text: string[]): string => `${text.join("\n")}\n`;

describe("keywordsOnlyInComments", () => {
  it.each([
    ["a line comment", "a.ts", lines("// Before the IMS move this called logon() with a password.", "export const port = 8080;")],
    ["an indented line comment", "a.js", lines("function f() {", "    // sessionToken was passed here", "  return 1;", "}")],
    ["a JSDoc block", "a.mjs", lines("/**", " * Replaces the acc-js-sdk ConnectionParameters.ofUserAndPassword call.", " */", "export default 1;")],
    ["a block comment with code after it on its line", "a.cts", lines("/* securityToken */ const a = 1;")],
    ["comments in a .tsx file", "a.tsx", lines("// no more logon here", "export const A = () => <div>ready</div>;")],
  ])("leaves out %s", (_name, path, text) => {
    expect(keywordsOnlyInComments(path, text)).toBe(true);
  });

  it.each([
    ["a keyword in code", "a.ts", lines("// logon", "client.logon();")],
    ["a keyword in a string", "a.js", lines("// logon", 'const action = "xtk:session#Logon";')],
    ["a keyword in a template", "a.ts", lines("const body = `", "// logon", "`;")],
    ["a comment after code on its line", "a.ts", lines("const a = 1; // logon")],
    ["a regular expression holding //", "a.js", lines("const url = /https?:\\/\\//; // logon")],
    ["JSX text that looks like a comment", "a.tsx", lines("export const A = () => (", "  <p>", "    // logon with your password", "  </p>", ");")],
    ["JSX text in a .js file", "a.js", lines("export const A = () => (", "  <p>", "    // sessionToken", "  </p>", ");")],
    ["an eslint directive naming a rule", "a.ts", lines("// eslint-disable-next-line campaign-ims/no-password-logon", "export const a = 1;")],
    ["a keyword in an identifier after a comment", "a.ts", lines("/* note */ const sessionToken = read();")],
    ["no comment at all", "a.js", lines("export const logon = 1;")],
    ["a block comment whose inner line starts otherwise (when unsure, lint)", "a.ts", lines("/*", "  logon was here", "*/", "export {};")],
  ])("keeps the lint for %s", (_name, path, text) => {
    expect(keywordsOnlyInComments(path, text)).toBe(false);
  });

  it("applies to JS and TS files only", () => {
    expect(["a.js", "a.mjs", "a.cjs", "a.ts", "a.mts", "a.cts", "a.jsx", "a.tsx", "A.TS"].map(isScriptPath)).toEqual(Array(9).fill(true));
    expect(["a.md", "a.json", "a.xml", "a.sh", "a.d", "a.vue", "a.html", "a.js.map"].map(isScriptPath)).toEqual(Array(8).fill(false));
  });
});

describe("the scan with keywords only in comments", () => {
  it("does not parse such a file and reports the others as before", async () => {
    const root = mkdtempSync(join(tmpdir(), "campaign-ims-commented-"));
    try {
      writeFileSync(join(root, "notes.ts"), lines("// Was: sdk.ConnectionParameters.ofUserAndPassword(url, user, password)", "export const migrated = true;"));
      writeFileSync(join(root, "client.ts"), lines("// logon below", 'import sdk from "@adobe/acc-js-sdk";', 'const p = sdk.ConnectionParameters.ofUserAndPassword("https://acme.campaign.adobe.com", "admin", process.env.PW);', "export { p };"));
      const { scan: settings } = resolveScanSettings({ cwd: root, paths: [], concurrency: "1", pluginModule: REAL_PLUGIN_MODULE });
      const result = await scan(settings);
      expect(result.stats.filesScanned).toBe(2);
      expect(result.stats.filesLinted).toBe(1);
      expect(result.findings.map((finding) => `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(["client.ts:3:36 campaign-ims/no-password-logon"]);
      // With --report-unused-disable-directives every keyword file is linted.
      const { scan: directives } = resolveScanSettings({ cwd: root, paths: [], concurrency: "1", pluginModule: REAL_PLUGIN_MODULE, reportUnusedDisableDirectives: true });
      expect((await scan(directives)).stats.filesLinted).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
