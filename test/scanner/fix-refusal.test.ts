/** A fix whose result does not parse is refused through the whole scan: file untouched, refusal reported. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixSummaryLines } from "../../src/scanner/fix/fix-summary.js";
import { FIXTURES, scanDirectory } from "./support/scan-fixture.js";

const PLUGIN = new URL("../../fixtures/scanner/fix/plugins/unparseable-fix-plugin.ts", import.meta.url).href;

describe("--fix refuses a fixed text that does not parse", () => {
  for (const fix of [{ fix: true }, { fixDryRun: true }]) {
    it(`${Object.keys(fix)[0]}: leaves the file untouched and reports the original finding and the refusal`, async () => {
      const directory = mkdtempSync(join(tmpdir(), "campaign-ims-refusal-"));
      try {
        cpSync(join(FIXTURES, "scanner/fix/refusal"), directory, { recursive: true });
        const original = readFileSync(join(directory, "soap/push-event.xml"), "utf8");
        const result = await scanDirectory(directory, { pluginModule: PLUGIN, ...fix });
        expect(readFileSync(join(directory, "soap/push-event.xml"), "utf8")).toBe(original);
        expect(result.findings.map((finding) => `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId} fixable=${finding.fixable}`)).toEqual([
          "soap/push-event.xml:5:44 campaign-ims/break-xml fixable=true",
        ]);
        expect(result.errors).toEqual([]);
        expect(result.fixes).toEqual({
          mode: "fix" in fix ? "write" : "dry-run",
          files: [
            {
              path: "soap/push-event.xml",
              status: "refused",
              applied: { "campaign-ims/break-xml": 1 },
              reason: "the fixed text has more parse problems (1) than the original (0)",
            },
          ],
          diff: "",
        });
        expect(fixSummaryLines(result.fixes!, result.findings, [])).toEqual([
          "fix" in fix ? "nothing fixed" : "nothing to fix (nothing written)",
          "not fixed: soap/push-event.xml left untouched: the fixed text has more parse problems (1) than the original (0)",
          "1 finding needs a person:",
          "  campaign-ims/break-xml: 1 its file's fix was refused",
        ]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
