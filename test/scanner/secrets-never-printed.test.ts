/**
 * No planted secret reaches any report. fixtures/scanner/planted-secrets holds fake credentials in
 * every pattern family; each contains `Zq7Planted` (hex session tokens contain `5eed5eed`).
 * Two plugins are used: the real one, and the test plugin whose `quote-keyword-lines` rule quotes
 * every line with a keyword in its message, so the scanner's own masking is exercised on every
 * planted line whatever the real rules report. (test/cli/secrets.test.ts checks stdout and
 * stderr of the built command.)
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_NAMES, renderReport } from "../../src/report/index.js";
import { FIXTURES, REAL_PLUGIN_MODULE, scanDirectory } from "./support/scan-fixture.js";

const PLANTED = join(FIXTURES, "scanner/planted-secrets");
const MARKERS = /Zq7Planted|5eed5eed/;

describe("secrets are never printed", () => {
  it("with a rule that quotes every planted line in its messages", async () => {
    const result = await scanDirectory(PLANTED);
    // One finding per line with a keyword in the non-JS files the test plugin lints.
    expect(result.findings.filter((finding) => finding.ruleId === "campaign-ims/quote-keyword-lines").length).toBeGreaterThan(25);
    for (const format of FORMAT_NAMES) {
      const output = renderReport(format, result);
      expect(output.match(MARKERS)?.[0], `${format} output`).toBeUndefined();
    }
  });

  it("with the real rules", async () => {
    const result = await scanDirectory(PLANTED, { pluginModule: REAL_PLUGIN_MODULE, profile: "strict" });
    // The SDK and JWT files alone give findings whose messages and evidence name the secrets.
    expect(result.findings.filter((finding) => finding.category === "hardcoded-secret").length).toBeGreaterThan(8);
    for (const format of FORMAT_NAMES) {
      const output = renderReport(format, result);
      expect(output.match(MARKERS)?.[0], `${format} output`).toBeUndefined();
    }
  });
});
